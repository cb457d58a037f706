import ArgumentParser
import Foundation
import KokonBench

/// `kokon bench api`
struct BenchAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Load the API with wrk and hold it to pgbench -S on the same database.",
        discussion: """
            Sets up a throwaway database with one municipality of 1,000 households, an account \
            and a read token, serves the API on a free loopback port, and runs wrk with an \
            authenticated GET of one household (a transaction as the municipality's role, with \
            row-level security) at CONNECTIONS connections; then pgbench -S (one primary-key \
            read per transaction) at the same concurrency. Targets: at least 0.5x pgbench's \
            rate, and p99 under 20 ms. Needs wrk (`sudo apt-get install wrk`) and pgbench.

            To show how much of the gap is the server's, pgbench also replays the statements \
            the server sends for that request, taken from the same code (the token lookup, \
            then the role switch and the read in one pipeline), and the tenant transaction \
            alone: what PostgreSQL allows with no server at all; and wrk loads the server's \
            GET /healthz, which touches no database: what the HTTP stack allows by itself.
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Concurrent connections for wrk and pgbench.")
    var connections = 64

    @Option(help: "Seconds each tool runs.")
    var seconds = 10

    @Option(help: "PostgreSQL connections the server keeps.")
    var pool = 8

    func run() async throws {
        _ = try APIBench.requireTools()
        let bench = APIBench(models: models, connections: connections, seconds: seconds, poolSize: pool)
        let result = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            try await bench.run(database, logger: self.database.logger) { print("… \($0)") }
        }
        print(
            String(
                format: "server %.0f requests/s (p99 %.1f ms, %d failed), pgbench -S %.0f transactions/s, %@ build", result.serverRate, result.serverP99,
                result.failures, result.pgbenchRate, BuildConfiguration.name))
        print(
            String(
                format: "pgbench replaying the server's statements for the request, no server: %.0f requests/s (%.2fx pgbench -S); the server reached %.0f%% of it",
                result.replayRate, result.replayRate / result.pgbenchRate, 100 * result.serverRate / result.replayRate))
        print(
            String(
                format: "pgbench replaying the tenant transaction alone (role switch, row-level security, read), no token lookup: %.0f/s (%.2fx pgbench -S)",
                result.tenantReadRate, result.tenantReadRate / result.pgbenchRate))
        print(
            String(
                format: "the server answering GET /healthz, no database and no account: %.0f requests/s (%.2fx pgbench -S)",
                result.healthRate, result.healthRate / result.pgbenchRate))
        print(
            String(
                format: "api: %.2fx pgbench -S (target >= 0.5x), p99 %.1f ms (target < 20 ms)", result.serverRate / result.pgbenchRate, result.serverP99))
    }
}
