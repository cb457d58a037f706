import ArgumentParser
import Foundation
import Reporting
import Templates

/// `kokon show`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a programme as a readable handbook, or as fully resolved JSON.",
        discussion: """
            MODEL is a programme id, optionally with a version: wygrana-rodzina, \
            wygrana-rodzina@1, wygrana-rodzina@1.0 or wygrana-rodzina@1.0.0. Without a full \
            version the newest matching one is shown.

            markdown and html give the handbook: components, roles, rules, indicators, phases, \
            products and lineage. json gives the resolved model, with extends and library \
            components applied.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json
    }

    @Argument(help: "The programme, as id or id@version.")
    var model: String

    @Option(help: "markdown, html or json.")
    var format: Format = .markdown

    @Option(name: .customLong("models"), help: "The folder of templates (default: models/).")
    var modelsPath = "models"

    func run() throws {
        guard FileManager.default.fileExists(atPath: modelsPath) else {
            throw ValidationError("there is no '\(modelsPath)' folder here. Run kokon show from the project folder, or pass --models PATH.")
        }
        let catalog = ModelCatalog.load(paths: [modelsPath])
        guard let programme = catalog.programme(model) else {
            let known = catalog.programmes.map(\.reference)
            var message = "no programme matches '\(model)'."
            let broken = catalog.diagnostics.errors.filter { $0.file.contains("/\(model.split(separator: "@").first ?? "")/") }
            if !broken.isEmpty {
                message += " Its template has errors; run `kokon lint \(modelsPath)` to see them."
            } else {
                message += " Programmes available: " + (known.isEmpty ? "none" : known.joined(separator: ", ")) + "."
            }
            throw ValidationError(message)
        }
        switch format {
        case .markdown: print(Handbook(programme).markdown, terminator: "")
        case .html: print(Reporting.handbookHTML(Handbook(programme)), terminator: "")
        case .json: print(try programme.resolvedJSON())
        }
    }
}
