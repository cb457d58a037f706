import ArgumentParser
import Engine
import Foundation
import Reporting
import Templates

/// `kokon report`
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports: a network comparison of one model, or one municipality's own report.",
        subcommands: [NetworkReportCommand.self, TenantReportCommand.self]
    )
}

/// `kokon report network`
struct NetworkReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Compare every municipality running a model, from published figures only.",
        discussion: """
            Reads schema shared as the reporting role, which can read nothing else: reach against \
            target, retention, completion of the minimum participation, every indicator against its \
            target, fidelity, network actions per network and year, and cost per household, with \
            hidden figures marked. Municipalities running a model built on this one (extends) are \
            included. HTML is one self-contained file; CSV opens in a spreadsheet; JSON is described \
            in docs/reports.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, csv, json }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The model's id, e.g. wygrana-rodzina.")
    var model: String

    @Option(
        help: "all (the whole period), a year such as 2025, or a quarter such as 2025-Q1.",
        transform: { text in
            guard let period = FigurePeriod(text) else { throw ValidationError("there is no period '\(text)'; use \(FigurePeriod.accepted)") }
            return period
        })
    var period = FigurePeriod.whole

    @Option(help: "html, csv or json.")
    var format: Format = .html

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var catalog: CatalogOptions

    func run() async throws {
        let report = try await database.withPool(size: 1) { pool in
            // A database Kokon has never used gets its catalogue, so the answer is "not set up", not a missing table.
            _ = try await Catalogue.migrate(pool)
            // A programme nobody has published yet gives an empty report; a name that is no
            // programme at all is a mistake, said with what was probably meant.
            let published = try await PublishedFigures.models(pool).map(\.id)
            let known = Set(published + ((try? catalog.load())?.programmes.map(\.id) ?? []))
            guard known.contains(model) else {
                throw CommandRefusal(
                    description: "there is no programme '\(model)'" + (Suggestions.hint(for: model, in: known).map { " (\($0))" } ?? "")
                        + (published.isEmpty ? "; no municipality has published figures yet" : "; programmes with published figures: " + published.joined(separator: ", ")))
            }
            return NetworkReport(
                model: model, period: period.description, figures: try await PublishedFigures.read(pool, model: model, period: period.description))
        }
        let text: String =
            switch format {
            case .html: report.html()
            case .csv: report.csv()
            case .json: try report.json()
            }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            print("Wrote \(output) (\(report.rows.count) municipalities).")
        } else {
            print(text, terminator: "")
        }
    }
}

/// `kokon report tenant`
struct TenantReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant",
        abstract: "A municipality's own full report (its own data, nothing hidden), as HTML.",
        discussion: "Evaluates every adoption of the municipality inside its own boundary: rules, indicators, fidelity and adaptations."
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The tenant id.")
    var tenant: String

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let loaded = try catalog.load()
        let html = try await database.withPool(size: 1) { pool in
            // A database Kokon has never used gets its catalogue, so the answer is "not set up", not a missing table.
            _ = try await Catalogue.migrate(pool)
            let definition = try TenantDirectory(pool: pool, catalog: loaded).tenant(tenant)
            let records = try await CaseRecords(pool: pool, tenant: tenant, actor: NSUserName())
            return Reporting.tenantHTML(tenant: definition, evaluations: try await Evaluator(records: records).evaluate())
        }
        if let output {
            try html.write(toFile: output, atomically: true, encoding: .utf8)
            print("Wrote \(output).")
        } else {
            print(html, terminator: "")
        }
    }
}
