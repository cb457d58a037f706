import Foundation
import KokonTestSupport
import Testing

@testable import Postgres

/// A server cancels a handler's task whenever a client goes away. Whenever that happens in the
/// life of a database call, nothing of the cancellation may outlive it.
@Suite("Cancellation leaves nothing behind on pooled connections")
struct CancellationTests {
    struct Refused: Error {}

    /// Cancels tasks at every point of their life, a few hundred times, then checks that the
    /// pool is clean: no cancel request still repeating, ordinary statements never cancelled,
    /// no backend left over.
    @Test func cancellingAtEveryPointLeavesNothingBehind() async throws {
        try await TestCluster.withPool(size: 4) { pool in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<320 {
                    if round % 8 == 7 { try await group.next() }
                    group.addTask { await Self.cancelledTask(pool: pool, point: round % 6) }
                }
                try await group.waitForAll()
            }
            // A repeated request is sent every 100 ms while its call runs; after that, none.
            try await Task.sleep(for: .milliseconds(400))
            #expect(pool.pendingCancelRequests == 0)

            // Each of these takes a few milliseconds, so a cancel request still being repeated
            // on any connection would hit some of them.
            let failures = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<1000 {
                    if index >= 8 { _ = try await group.next().map { $0 } }
                    group.addTask {
                        do {
                            _ = try await pool.query("SELECT pg_sleep(0.002)")
                            return 0
                        } catch {
                            return 1
                        }
                    }
                }
                var failed = 0
                for try await outcome in group { failed += outcome }
                return failed
            }
            #expect(failures == 0)
            let backends = try await pool.query(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND backend_type = 'client backend'
                """
            ).scalar(Int.self)
            #expect(backends <= pool.size)
            #expect(pool.pendingCancelRequests == 0)
        }
    }

    /// One task, cancelled at `point`: 0 before its first call, 1 a moment after it was started
    /// (often while its call waits for a pool thread), 2 while its statement runs, 3 during the
    /// rollback of a failed transaction, 4 inside a transaction while a statement runs, 5 while
    /// a one-statement transaction sent in one round trip runs.
    static func cancelledTask(pool: ConnectionPool, point: Int) async {
        let task = Task {
            switch point {
            case 0:
                withUnsafeCurrentTask { $0?.cancel() }
                _ = try await pool.query("SELECT 1")
            case 1, 2:
                _ = try await pool.query("SELECT pg_sleep(0.05)")
            case 3:
                try await pool.transaction { session in
                    try await session.query("CREATE TEMPORARY TABLE scratch (n int)")
                    withUnsafeCurrentTask { $0?.cancel() }
                    throw Refused()
                }
            case 4:
                try await pool.transaction { session in
                    try await session.query("SELECT pg_sleep(0.05)")
                    try await session.query("SELECT pg_sleep(0.05)")
                }
            default:
                try await pool.withSession { session in
                    let sleep = SQL(stringLiteral: "SELECT pg_sleep(0.05)").prepared()
                    _ = try await session.query(sleep, inTransactionAs: Identifier("postgres"), searchPath: [Identifier("public")])
                }
            }
        }
        switch point {
        case 1: task.cancel()
        case 2, 4, 5: try? await Task.sleep(for: .milliseconds(point == 4 ? 70 : 15))
        default: break
        }
        task.cancel()
        _ = await task.result
    }

    @Test func aClosedPoolRefusesInsteadOfHanging() async throws {
        let pool = ConnectionPool(conninfo: try await TestCluster.freshDatabase(), size: 1)
        #expect(try await pool.query("SELECT 1").scalar(Int.self) == 1)
        await pool.close()
        let outcome = await withTaskGroup(of: String.self) { group in
            group.addTask {
                do {
                    _ = try await pool.query("SELECT 1")
                    return "answered"
                } catch let error as PostgresError {
                    return error.message
                } catch {
                    return "\(error)"
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(5))
                return "hung"
            }
            let first = await group.next()!
            group.cancelAll()
            return first
        }
        #expect(outcome == PostgresError.poolClosed.message)
    }

    @Test func aTaskWaitingForAConnectionIsReleasedWhenThePoolCloses() async throws {
        let pool = ConnectionPool(conninfo: try await TestCluster.freshDatabase(), size: 1)
        let holder = Task { try await pool.withSession { _ in try await Task.sleep(for: .milliseconds(500)) } }
        try await Task.sleep(for: .milliseconds(100))
        let waiter = Task { try await pool.query("SELECT 1") }
        try await Task.sleep(for: .milliseconds(100))
        await pool.close()
        await #expect(throws: PostgresError.self) { try await waiter.value }
        _ = await holder.result
    }

    @Test func aTextValueWithANULIsRefusedNotTruncated() async throws {
        try await TestCluster.withPool { pool in
            try await pool.query("CREATE TABLE notes (body text)")
            let value = "Kowal\u{0}ski"
            do {
                try await pool.query("INSERT INTO notes VALUES (\(value))")
                Issue.record("a value with a NUL character was sent")
            } catch let error as PostgresError {
                #expect(error.code == .characterNotInRepertoire)
                #expect(error.message.contains("$1"))
                #expect(!error.description.contains("ski"))
            }
            #expect(try await pool.query("SELECT count(*) FROM notes").scalar(Int.self) == 0)
        }
    }
}
