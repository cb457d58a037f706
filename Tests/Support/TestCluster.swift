import Foundation
public import Logging
public import Postgres

/// One throwaway PostgreSQL cluster per test process, started on first use and destroyed at
/// exit; each test gets a fresh database of its own, so tests can run in parallel.
public enum TestCluster {
    nonisolated(unsafe) private static var clusterForCleanup: LocalCluster?

    private static let cluster: Task<LocalCluster, any Error> = Task {
        let directory = NSTemporaryDirectory() + "kokon-test-\(getpid())-\(UUID().uuidString.prefix(8))/.kokon"
        let cluster = try LocalCluster(stateDirectory: directory)
        try await cluster.start(logger: Logger(label: "test.cluster"))
        clusterForCleanup = cluster
        atexit {
            guard let cluster = TestCluster.clusterForCleanup else { return }
            cluster.destroy()
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: cluster.stateDirectory).deletingLastPathComponent().path)
        }
        return cluster
    }

    /// The shared cluster, started if needed.
    public static func shared() async throws -> LocalCluster {
        try await cluster.value
    }

    /// Creates an empty database and returns a connection string for it (as the superuser).
    /// `name` picks the database's name, for tests of names at a limit.
    public static func freshDatabase(named chosen: String? = nil) async throws -> String {
        let cluster = try await shared()
        let name = chosen ?? "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let admin = ConnectionPool(conninfo: cluster.connectionString(database: "postgres"), size: 1)
        defer { Task { await admin.close() } }
        try await admin.query("CREATE DATABASE \(try Identifier(validating: String(name)))")
        return cluster.connectionString(database: String(name))
    }

    /// A pool on a fresh database; closed by `withPool` when the body ends.
    @discardableResult
    public static func withPool<Value>(size: Int = 4, logger: Logger = Logger(label: "test"), _ body: (ConnectionPool) async throws -> Value) async throws -> Value {
        let pool = ConnectionPool(conninfo: try await freshDatabase(), size: size, logger: logger)
        do {
            let value = try await body(pool)
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }
}
