import Foundation
import KokonTestSupport
import Postgres
import Testing

/// After the server closes idle pooled connections (a restart, a crash, an administrator
/// ending them), the next request gets a fresh connection instead of an error.
@Suite("A pool recovers from connections the server closed")
struct PoolRecoveryTests {
    @Test func connectionsClosedWhileIdleAreReplaced() async throws {
        try await TestCluster.withPool(size: 2) { admin in
            let pool = ConnectionPool(conninfo: admin.conninfo, size: 3)
            // Three idle connections, each with its backend.
            let pids = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<3 {
                    group.addTask { try await pool.transaction { try await $0.query("SELECT pg_backend_pid() AS pid, pg_sleep(0.05)").scalar(Int.self) } }
                }
                return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
            }
            #expect(pids.count == 3)
            let ended = try await admin.query("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM unnest(\(pids.map(String.init))::int[]) AS t(pid)")
                .scalar(Int.self)
            #expect(ended == 3)
            try await Task.sleep(for: .milliseconds(200))
            // Every one of them is gone; each request gets a new one and succeeds.
            for _ in 0..<6 {
                let pid = try await pool.query("SELECT pg_backend_pid() AS pid").scalar(Int.self)
                #expect(!pids.contains(pid))
            }
            await pool.close()
        }
    }
}
