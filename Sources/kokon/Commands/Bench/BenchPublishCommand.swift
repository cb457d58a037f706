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
            over the same rows for the whole period and each year, each three times in turn, \
            keeping each one's best. Target: at most 1.5×.
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
            // Warm up the aggregate once (statistics, caches), then time both paths three times
            // in turn, each publish a whole one, and keep each one's best: a shared machine's
            // other load only ever slows a run down.
            _ = try await PublishBench.handWritten(database, tenants: ids)
            var publishRuns: [Double] = []
            var handRuns: [Double] = []
            var groups = 0
            for _ in 1...3 {
                try await PublishBench.unpublishAll(database.pool)
                let started = ContinuousClock.now
                try await PublishBench.publishAll(database.pool, catalog: catalog)
                publishRuns.append(started.secondsElapsed)
                let handStarted = ContinuousClock.now
                groups = try await PublishBench.handWritten(database, tenants: ids)
                handRuns.append(handStarted.secondsElapsed)
            }
            let publish = publishRuns.min()!
            let handWritten = handRuns.min()!
            print(
                String(
                    format: "%d tenants, %d attendance rows: publish %.2f s, hand-written aggregate %.2f s, best of 3 each (%d groups, %@ build)",
                    tenants, rows, publish, handWritten, groups, BuildConfiguration.name))
            return (publish, handWritten)
        }
        print(String(format: "publish: %.2fx the hand-written aggregate (target <= 1.5x)", publish / handWritten))
    }
}
