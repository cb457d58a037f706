import ArgumentParser
import Engine
import Foundation
import Postgres
import Reporting
import Templates

/// `kokon demo`
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The whole job on a local database: templates, municipalities, synthetic records, evaluation, reports.",
        discussion: """
            Starts Kokon's local PostgreSQL (unless a database is configured), migrates it, loads \
            and checks models/ and tenants/, sets up every municipality, writes about two years \
            of clearly labelled synthetic records per adoption (codes start with SYN-; the same \
            --seed gives the same records), evaluates every adoption and writes a report for each \
            municipality to kokon-demo/, publishes each municipality's suppressed aggregates, and \
            writes the network report for each model (HTML, CSV, JSON). Safe to run again: records already there are kept.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Seed for the synthetic records.")
    var seed: UInt64 = 2026

    @Option(help: "small (a few families per adoption, for tests) or full (the local targets).")
    var size: String = "full"

    @Option(name: [.short, .customLong("output")], help: "Folder for the reports.")
    var output = "kokon-demo"

    func run() async throws {
        guard let size = SyntheticRecords.Size(rawValue: size) else { throw ValidationError("--size must be small or full, not '\(size)'") }
        let started = ContinuousClock.now
        func step(_ text: String) { print("[\(Self.elapsed(since: started))] \(text)") }

        step("Checking models/ and tenants/")
        let loaded = try catalog.load()
        if loaded.diagnostics.hasErrors {
            for diagnostic in loaded.diagnostics.errors { print(loaded.render(diagnostic) + "\n") }
            throw ValidationError("the templates or tenant files have errors; fix them (see `kokon lint`) and run the demo again")
        }
        step("\(loaded.programmes.count) programmes and \(loaded.tenants.count) municipalities are valid (\(loaded.diagnostics.warnings.count) warning\(loaded.diagnostics.warnings.count == 1 ? "" : "s"))")
        let programmes = Dictionary(uniqueKeysWithValues: loaded.programmes.map { ($0.reference, $0) })

        var networkReports: [(String, URL, Int)] = []
        let reports = try await database.withPool(size: 2) { pool -> [(Tenant, URL, [Evaluation])] in
            step("Migrating the database")
            try await Catalogue.migrate(pool)
            step("Setting up municipalities")
            let plans = try await TenantDirectory(pool: pool, catalog: loaded).apply(actor: "kokon demo", parallel: 2)
            step("\(plans.filter { !$0.isEmpty }.count) set up or updated, \(plans.filter(\.isEmpty).count) already up to date")

            let folder = URL(fileURLWithPath: output).appending(path: "tenants")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var reports: [(Tenant, URL, [Evaluation])] = []
            for tenant in loaded.tenants {
                let records = try await CaseRecords(pool: pool, tenant: tenant.id, actor: "kokon demo (synthetic data)")
                let written = try await SyntheticRecords(records: records, tenant: tenant, seed: seed, size: size).generate(programmes: programmes)
                let evaluations = try await Evaluator(records: records).evaluate()
                let file = folder.appending(path: "\(tenant.id).html")
                let notice = "Dane syntetyczne wygenerowane przez kokon demo (ziarno \(seed)) – nie opisują prawdziwych rodzin."
                try Reporting.tenantHTML(tenant: tenant, evaluations: evaluations, notice: notice).write(to: file, atomically: true, encoding: .utf8)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try encoder.encode(evaluations).write(to: folder.appending(path: "\(tenant.id).json"))
                let scores = evaluations.map { "\($0.adoption) \(Int($0.fidelity.score.rounded()))/100" }.joined(separator: ", ")
                let published = try await Publisher(records: records, tenant: tenant).publish(k: 5)
                step("\(tenant.name): \(written) synthetic rows written; fidelity \(scores); \(published.cells) figures published, \(published.suppressed) hidden")
                reports.append((tenant, file, evaluations))
            }
            let network = URL(fileURLWithPath: output).appending(path: "network")
            try FileManager.default.createDirectory(at: network, withIntermediateDirectories: true)
            for model in try await PublishedFigures.models(pool) {
                let report = NetworkReport(model: model.id, period: "all", figures: try await PublishedFigures.read(pool, model: model.id, period: "all"))
                let file = network.appending(path: "\(model.id).html")
                try report.html().write(to: file, atomically: true, encoding: .utf8)
                try Data(report.csv().utf8).write(to: network.appending(path: "\(model.id).csv"))
                try report.json().write(to: network.appending(path: "\(model.id).json"), atomically: true, encoding: .utf8)
                networkReports.append((model.name, file, report.rows.count))
            }
            return reports
        }
        print("")
        print("Network reports, one per model (open them in a browser; CSV and JSON beside them):")
        for (name, file, count) in networkReports { print("  \(file.path)  – \(name), \(count) municipalit\(count == 1 ? "y" : "ies")") }
        print("Reports for each municipality:")
        for (_, file, _) in reports { print("  \(file.path)") }
        step("Done.")
    }

    static func elapsed(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(format: "%5.1f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
