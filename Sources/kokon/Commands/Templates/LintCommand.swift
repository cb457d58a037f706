import ArgumentParser
import Foundation
import Templates

/// `kokon lint`
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check programme templates and tenant files and report every problem with its file, line and column.",
        discussion: """
            Reads every .yaml file under the given paths (by default models/ and tenants/ in the \
            current folder). Files under a components/ folder are library components, files under \
            a tenants/ folder are municipalities (checked against the programmes they adopt and \
            the template's adaptation bounds); the others are programmes. Each problem is shown with the source line, a caret under the spot, and \
            a hint where there is one. Warnings (e.g. budget parts that do not add up) do not fail.

            Exit status: 0 when there are no errors, 1 when there are.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Files or folders to check (default: models/ and tenants/). Tenant files need the models they adopt, so give both.")
    var paths: [String] = []

    @Option(help: "Output format: text for people, json for editors and CI (file, line, column, severity, code, message, hint).")
    var format: Format = .text

    func run() throws {
        let targets = paths.isEmpty ? ["models", "tenants"].filter { $0 == "models" || FileManager.default.fileExists(atPath: $0) } : paths
        for path in targets where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("'\(path)' does not exist. Run kokon lint from the project folder, or give the path to a template or folder.")
        }
        let catalog = ModelCatalog.load(paths: targets)
        let diagnostics = catalog.diagnostics.sorted
        switch format {
        case .json:
            struct Entry: Encodable {
                let file: String
                let line: Int
                let column: Int
                let severity: String
                let code: String
                let message: String
                let hint: String?
            }
            let entries = diagnostics.map {
                Entry(file: $0.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, code: $0.code, message: $0.message, hint: $0.hint)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        case .text:
            for diagnostic in diagnostics { print(catalog.render(diagnostic) + "\n") }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let files = catalog.files.count
            print("\(files) file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
        }
        if catalog.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
