import Foundation
import PackagePlugin

/// Embeds the target's committed `openapi.json` so the server serves exactly the document a
/// reviewer reads in the repository, and a test can compare it with the routes it registers.
@main
struct EmbedOpenAPI: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let document = target.directoryURL.appending(path: "openapi.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedOpenAPI.swift")
        return [
            .buildCommand(
                displayName: "Embedding the OpenAPI document",
                executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path, "embeddedOpenAPIDocument", target.directoryURL.path, document.path],
                inputFiles: [document],
                outputFiles: [output]
            )
        ]
    }
}
