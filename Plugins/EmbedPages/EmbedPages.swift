import Foundation
import PackagePlugin

/// Embeds the Mustache page templates of the target's `Pages/` folder into it, so every page
/// Kokon writes is rendered from templates a designer edits as plain files, while the built
/// binary carries them and never has to find the source tree at run time.
@main
struct EmbedPages: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = target.directoryURL.appending(path: "Pages")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPages.swift")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let inputs = names.filter { $0.hasSuffix(".mustache") }.sorted().map { root.appending(path: $0) }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) page templates",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path, "embeddedPageTemplates", root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
