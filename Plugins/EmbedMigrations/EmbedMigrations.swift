import Foundation
import PackagePlugin

/// Embeds the package's `migrations/` folder into the target that uses this plugin, so the
/// built `kokon` binary carries its SQL and never has to find the source tree at run time.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "migrations")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        var inputs: [URL] = []
        for folder in ["core", "tenant", "analysts"] {
            let dir = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            inputs += names.filter { $0.hasSuffix(".sql") }.sorted().map { dir.appending(path: $0) }
        }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) migration files",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path, "embeddedMigrationFiles", root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
