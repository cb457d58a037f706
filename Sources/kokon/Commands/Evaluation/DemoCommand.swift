import ArgumentParser
import Engine
import Foundation
import KokonBench
import KokonDemo
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
        step(
            "\(loaded.programmes.count) programmes and \(loaded.tenants.count) municipalities are valid (\(loaded.diagnostics.warnings.count) warning\(loaded.diagnostics.warnings.count == 1 ? "" : "s"))"
        )
        let (outcome, accounts) = try await database.withPool(size: 2) { pool in
            step("Migrating the database")
            try await Catalogue.migrate(pool)
            let outcome = try await Demo(pool: pool, catalog: loaded, seed: seed, size: size, output: URL(fileURLWithPath: output)).run(progress: step)
            step("Preparing demo accounts for the server")
            return (outcome, try await DemoAccounts(pool: pool).prepare())
        }
        print("")
        print("Network reports, one per model (open them in a browser; CSV and JSON beside them):")
        for (name, file, count) in outcome.networkReports { print("  \(file.path)  – \(name), \(count) municipalit\(count == 1 ? "y" : "ies")") }
        print("Reports for each municipality:")
        for (_, file) in outcome.tenantReports { print("  \(file.path)") }
        print("")
        print("Demo accounts (new passwords on every run of the demo; shown only now):")
        for account in accounts {
            print("  \(account.email)  \(account.password)  – \(account.role)")
            if let url = account.secondFactor { print("    second factor for the authenticator app: \(url)") }
        }
        step("Done.")
        print("")
        print("To work in the browser, start the server and open the address it prints:")
        print("  swift run kokon serve        then open http://127.0.0.1:8080/ and sign in with an account above")
    }

    static func elapsed(since start: ContinuousClock.Instant) -> String {
        String(format: "%5.1f s", start.secondsElapsed)
    }
}
