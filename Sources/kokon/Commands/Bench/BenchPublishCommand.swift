import ArgumentParser
import Foundation
import KokonBench
import Templates

/// `kokon bench publish`
struct BenchPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Compare a full re-publish of every tenant with one hand-written SQL aggregate over the same rows.",
        discussion: """
            Sets up TENANTS example tenants with ROWS attendance rows between them, then times \
            `kokon publish --all` (each tenant evaluated and published inside its own boundary, \
            with suppression) against a single hand-written statement that counts enrolled, \
            dropped-out and completing households, attendance, expenditure and network actions \
            over the same rows for the whole period and each year. Target: at most 1.5×.
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many tenants.")
    var tenants = 50

    @Option(help: "Attendance rows in all.")
    var rows = 1_000_000

    func run() async throws {
        let (publish, handWritten) = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            let progress = TerminalProgress(label: "setting up")
            let catalog = try await BenchNetwork(tenants: tenants, rows: rows, models: models).build(database, progress: progress.update)
            progress.finish()
            let ids = catalog.tenants.map(\.id)
            // Warm up both paths once (statistics, caches), then time them.
            _ = try await PublishBench.handWritten(database, tenants: ids)
            let started = ContinuousClock.now
            try await PublishBench.publishAll(database.pool, catalog: catalog)
            let publish = started.secondsElapsed
            let handStarted = ContinuousClock.now
            let groups = try await PublishBench.handWritten(database, tenants: ids)
            let handWritten = handStarted.secondsElapsed
            print(
                String(
                    format: "%d tenants, %d attendance rows: publish %.2f s, hand-written aggregate %.2f s (%d groups, %@ build)",
                    tenants, rows, publish, handWritten, groups, BuildConfiguration.name))
            return (publish, handWritten)
        }
        print(String(format: "publish: %.2fx the hand-written aggregate (target <= 1.5x)", publish / handWritten))
    }
}
