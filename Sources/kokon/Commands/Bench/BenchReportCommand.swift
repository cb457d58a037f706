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
            published figures only), and times the network report as `kokon report network` \
            makes it, one format per call: read as the reporting role, compared, and rendered as \
            HTML, then again for CSV and for JSON. The slowest of the three is the headline. \
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
        let timings = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            let progress = TerminalProgress(label: "setting up")
            let publishing = try await bench.prepare(database, progress: progress.update)
            progress.finish()
            print(
                String(
                    format: "published %d tenants with %d attendance rows (%.1f s), copied their figures to %d tenants in all",
                    bench.published, rows, publishing, tenants))
            return try await bench.measure(database)
        }
        for timing in timings {
            guard timing.municipalities == tenants else { throw ValidationError("the report compared \(timing.municipalities) of \(tenants) tenants") }
            print(
                String(
                    format: "%@: %.3f s (read %.3f s, comparison %.3f s, rendering %.3f s)", timing.format.uppercased(), timing.total, timing.read,
                    timing.build, timing.render))
        }
        let slowest = timings.map(\.total).max() ?? 0
        print(
            String(
                format: "report: %.3f s for %d tenants, slowest format (%@ build), %.3fx of the 1 s target (target <= 1.0x)", slowest, tenants,
                BuildConfiguration.name, slowest))
    }
}
