import ArgumentParser
import Foundation
import Logging
import Postgres

/// How a command finds its database: `--database`, then `DATABASE_URL`, then libpq's own
/// `PG*` variables and service files, and with none of those, Kokon's local cluster.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "PostgreSQL connection URL or key=value string.",
            discussion: "Overrides DATABASE_URL. Leave both unset to use the PG* variables, or Kokon's local database.",
            valueName: "url"
        )
    )
    var database: String?

    @Flag(name: .long, help: "Show more of what happens (connections, cluster start and stop).")
    var verbose = false

    /// libpq variables that, when set, mean the user has chosen a server.
    static let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"]

    /// The configured connection string, or nil when the local cluster should be used.
    var configuredConnection: String? {
        if let database, !database.isEmpty { return database }
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["DATABASE_URL"], !url.isEmpty { return url }
        // An empty conninfo makes libpq read PGHOST, PGSERVICE and the rest itself.
        if Self.libpqVariables.contains(where: { !(environment[$0] ?? "").isEmpty }) { return "" }
        return nil
    }

    /// psql for the configured server, or the one matching the local cluster.
    func psqlPath() -> String? {
        if configuredConnection != nil { return PostgresBinaries.findInPath("psql") }
        return (try? LocalCluster.inWorkingDirectory())?.psqlPath()
    }

    var logger: Logger {
        var logger = Logger(label: "kokon")
        logger.logLevel = verbose ? .debug : .info
        return logger
    }

    /// Runs `body` with a pool on the configured database, or on the local cluster, which is
    /// started first if needed and held while `body` runs; the last command to finish stops
    /// a server that commands started (not one started with `kokon db start`).
    func withPool<Value>(size: Int = 4, _ body: (ConnectionPool) async throws -> Value) async throws -> Value {
        let logger = self.logger
        var held: (LocalCluster, ClusterHold)?
        let conninfo: String
        if let configured = configuredConnection {
            conninfo = configured
        } else {
            let local = try LocalCluster.inWorkingDirectory()
            held = (local, try await local.hold(logger: logger))
            conninfo = local.connectionString()
        }
        let pool = ConnectionPool(conninfo: conninfo, size: size, logger: logger)
        do {
            let value = try await body(pool)
            await pool.close()
            if let (cluster, hold) = held { try await cluster.release(hold, logger: logger) }
            return value
        } catch {
            await pool.close()
            if let (cluster, hold) = held { try? await cluster.release(hold, logger: logger) }
            throw error
        }
    }
}
