import ArgumentParser
import Engine
import Foundation
import KokonBench
import Reporting

/// `kokon bench report`
struct BenchReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Time the network report from published aggregates of many tenants.",
        discussion: """
            Sets up TENANTS example tenants adopting the Toruń model with ROWS attendance rows \
            between them, publishes every tenant, then times the network report (read as the \
            reporting role and rendered as HTML, CSV and JSON). Setting up 15 million rows takes \
            several minutes; the report itself is what is measured. Target: under 1 second, \
            growing linearly with the number of tenants (CI runs it for all 2,477 Polish gminas).
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many tenants.")
    var tenants = 300

    @Option(help: "Attendance rows in all.")
    var rows = 15_000_000

    func run() async throws {
        guard tenants > 0 else { throw ValidationError("--tenants must be at least 1") }
        let (seconds, municipalities) = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            let progress = TerminalProgress(label: "setting up")
            let catalog = try await BenchNetwork(tenants: tenants, rows: rows, models: models).build(database, progress: progress.update)
            progress.finish()
            let publishing = ContinuousClock.now
            try await PublishBench.publishAll(database.pool, catalog: catalog)
            print(String(format: "set up and published %d tenants with %d attendance rows (publishing took %.1f s)", tenants, rows, publishing.secondsElapsed))
            let started = ContinuousClock.now
            let report = NetworkReport(model: "wygrana-rodzina", period: "all", figures: try await PublishedFigures.read(database.pool, model: "wygrana-rodzina", period: "all"))
            _ = report.html()
            _ = report.csv()
            _ = try report.json()
            return (started.secondsElapsed, report.rows.count)
        }
        guard municipalities == tenants else { throw ValidationError("the report compared \(municipalities) of \(tenants) tenants") }
        print(String(format: "report: %.3f s for %d tenants (%@ build), %.3fx of the 1 s target (target <= 1.0x)", seconds, tenants, BuildConfiguration.name, seconds))
    }
}
