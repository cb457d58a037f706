import ArgumentParser
import Foundation
import KokonBench

/// `kokon bench report`
struct BenchReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Time the network report from published aggregates of many tenants.",
        discussion: """
            Sets up PUBLISHED example tenants adopting the Toruń model with ROWS attendance rows \
            between them and publishes them through the normal path; then copies their published \
            figures to further example tenants until there are TENANTS (the report reads \
            published figures only), and times the network report: read as the reporting role \
            and rendered as HTML, CSV and JSON, once, from a cold start of the process. \
            Target: under 1 second for all 2,477 Polish gminas, growing linearly with the \
            number of tenants.
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many tenants.")
    var tenants = 300

    @Option(help: "Of those, how many are set up and published through the normal path; the others copy their published figures.")
    var published = 50

    @Option(help: "Attendance rows in all, among the published tenants.")
    var rows = 1_000_000

    func run() async throws {
        guard tenants > 0 else { throw ValidationError("--tenants must be at least 1") }
        guard published > 0 else { throw ValidationError("--published must be at least 1") }
        let bench = ReportBench(count: tenants, published: published, rows: rows, models: models)
        let timing = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            let progress = TerminalProgress(label: "setting up")
            let publishing = try await bench.prepare(database, progress: progress.update)
            progress.finish()
            print(
                String(
                    format: "published %d tenants with %d attendance rows (%.1f s), copied their figures to %d tenants in all",
                    bench.published, rows, publishing, tenants))
            return try await bench.measure(database)
        }
        guard timing.municipalities == tenants else { throw ValidationError("the report compared \(timing.municipalities) of \(tenants) tenants") }
        print(
            String(
                format: "read %.3f s, comparison %.3f s, HTML %.3f s, CSV %.3f s, JSON %.3f s", timing.read, timing.build, timing.html, timing.csv, timing.json))
        print(
            String(
                format: "report: %.3f s for %d tenants (%@ build), %.3fx of the 1 s target (target <= 1.0x)", timing.total, tenants, BuildConfiguration.name,
                timing.total))
    }
}
