import ArgumentParser
import Engine
import Foundation
import Postgres
import Reporting

/// `kokon evaluate`
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Check a municipality's records against its programmes: rules, indicators and fidelity.",
        discussion: """
            Computed inside the municipality's own boundary. Rules: minimum participation, network \
            obligations, caseload limits, required plans and quotas, each finding naming the \
            pseudonymous code and how far it is from compliance. Indicators: every indicator the \
            programme defines, with its target and whether it is met. Fidelity: core components \
            delivered, months and sessions received, and reach against the local target, with the \
            municipality's adaptations beside the score.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The tenant id, e.g. torun.")
    var tenant: String

    @Option(help: "Only this adoption (the programme's id).")
    var adoption: String?

    @Option(help: "all (the whole adoption period) or a year, e.g. 2025.")
    var period = "all"

    @Option(help: "text for people, json for other programs.")
    var format: Format = .text

    func validate() throws {
        guard Evaluator.isPeriod(period) else {
            throw ValidationError("--period must be all or a year such as 2025, not '\(period)'")
        }
    }

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            // A database Kokon has never used gets its catalogue, so the answer is "not set up", not a missing table.
            _ = try await Catalogue.migrate(pool)
            let records = try await CaseRecords(pool: pool, tenant: tenant, actor: NSUserName())
            let evaluations = try await Evaluator(records: records).evaluate(adoption: adoption, year: Int(period))
            switch format {
            case .text:
                print(evaluations.map(Reporting.text).joined(separator: "\n\n" + String(repeating: "─", count: 60) + "\n\n"))
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(evaluations), as: UTF8.self))
            }
        }
    }
}
