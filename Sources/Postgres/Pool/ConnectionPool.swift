import Foundation
public import Logging

/// An async pool of PostgreSQL connections whose blocking calls run on a dedicated thread pool.
///
/// ```swift
/// let pool = ConnectionPool(conninfo: url, size: 4, logger: logger)
/// let count = try await pool.withSession { try await $0.query("SELECT count(*) FROM kokon.tenants").scalar(Int.self) }
/// ```
///
/// Connections are opened lazily up to `size`. When a session ends, its connection is rolled
/// back if a transaction is still open and reset with `DISCARD ALL` (which includes
/// `RESET ALL`, `SET SESSION AUTHORIZATION DEFAULT` and releasing advisory locks), so nothing a
/// session set can leak into the next one; a connection that fails this is closed and replaced.
/// A session that ran only prepared statements (``SQL/prepared()``) and closed its
/// transactions goes back as it is, keeping its prepared statements: the server's requests
/// cost no reset.
public final class ConnectionPool: Sendable {
    /// The connection string the pool opens connections with.
    public let conninfo: String
    /// The most connections open at once.
    public let size: Int
    let threads: BlockingThreadPool
    /// Cancellations whose request is being repeated right now; zero whenever no cancelled
    /// statement is still running.
    let repeatingCancels = SharedCount()
    let logger: Logger
    private let state: PoolState

    /// Creates a pool; nothing connects until the first session.
    public init(conninfo: String, size: Int = 4, logger: Logger = Logger(label: "kokon.postgres")) {
        precondition(size > 0, "a connection pool needs at least one connection")
        self.conninfo = conninfo
        self.size = size
        self.logger = logger
        self.threads = BlockingThreadPool(threadCount: size)
        self.state = PoolState(limit: size)
    }

    /// How many cancel requests are being repeated right now: zero unless a cancelled
    /// statement is still running. Anything else would be a cancellation outliving its call.
    public var pendingCancelRequests: Int { repeatingCancels.current }

    /// How the pool is used right now.
    public struct Usage: Sendable, Equatable {
        /// Connections lent to sessions.
        public let inUse: Int
        /// Connections open (lent or idle).
        public let open: Int
        /// Sessions waiting for a connection.
        public let waiting: Int
    }

    /// How the pool is used right now, for metrics.
    public func usage() async -> Usage { await state.usage() }

    /// Runs `body` with a connection of its own; the connection returns to the pool afterwards.
    @discardableResult
    public func withSession<Value>(_ body: (Session) async throws -> Value) async throws -> Value {
        let connection = try await checkOut()
        let session = Session(connection: connection, pool: self)
        do {
            let value = try await body(session)
            await checkIn(connection)
            return value
        } catch {
            await checkIn(connection)
            throw error
        }
    }

    /// Runs `body` inside a transaction on a pooled connection.
    @discardableResult
    public func transaction<Value>(_ body: (Session) async throws -> Value) async throws -> Value {
        try await withSession { try await $0.transaction(body) }
    }

    /// Runs one statement on a pooled connection.
    @discardableResult
    public func query(_ sql: SQL) async throws -> QueryResult {
        try await withSession { try await $0.query(sql) }
    }

    /// Closes idle connections and stops the pool's threads. Sessions must have ended; any
    /// later use, and any task still waiting for a connection, gets ``PostgresError/poolClosed``.
    public func close() async {
        let idle = await state.drain()
        _ = try? await threads.run { withExtendedLifetime(idle) {} }
        threads.shutdown()
    }

    private func checkOut() async throws -> Connection {
        if case .connection(let connection) = try await state.acquire() {
            guard connection.wasClosedWhileIdle else { return connection }
            // The server went away since this connection was last used (a restart): a new one
            // takes its place, so the first request after a restart does not fail on it.
            logger.notice("replacing a PostgreSQL connection the server closed while it was idle")
            _ = try? await threads.run { withExtendedLifetime(connection) {} }
        }
        do {
            let conninfo = self.conninfo
            let logger = self.logger
            return try await threads.run { try Connection(conninfo: conninfo, logger: logger) }
        } catch {
            await state.release(nil)
            throw error
        }
    }

    private func checkIn(_ connection: Connection) async {
        // A session that ran only prepared statements and closed its transactions left nothing
        // behind (libpq answers both questions from its own state, without the server).
        if connection.isHealthy && !connection.isInTransaction && !connection.needsReset {
            await state.release(connection)
            return
        }
        let reusable: Bool
        do {
            reusable = try await threads.run {
                guard connection.isHealthy else { return false }
                try connection.reset()
                return connection.isHealthy && !connection.isInTransaction
            }
        } catch  where threads.isShutDown {
            // The pool was closed while this session ran: the connection is simply let go.
            reusable = false
        } catch {
            logger.warning("replacing a PostgreSQL connection that could not be reset: \(error)")
            reusable = false
        }
        await state.release(reusable ? connection : nil)
    }
}

/// The pool's bookkeeping: idle connections, how many exist, and who is waiting.
actor PoolState {
    enum Grant: Sendable {
        case connection(Connection)
        /// Room for one more connection, which the caller opens.
        case permit
    }

    private let limit: Int
    private var open = 0
    private var idle: [Connection] = []
    private var waiters: [CheckedContinuation<Grant, any Error>] = []
    private var closed = false

    init(limit: Int) { self.limit = limit }

    func acquire() async throws -> Grant {
        guard !closed else { throw PostgresError.poolClosed }
        if let connection = idle.popLast() { return .connection(connection) }
        if open < limit {
            open += 1
            return .permit
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    /// Returns a connection, or with nil gives up a slot whose connection was closed or never opened.
    func release(_ connection: Connection?) {
        if !waiters.isEmpty {
            let waiter = waiters.removeFirst()
            waiter.resume(returning: connection.map(Grant.connection) ?? .permit)
            return
        }
        if let connection, !closed {
            idle.append(connection)
        } else {
            open -= 1
        }
    }

    func usage() -> ConnectionPool.Usage {
        ConnectionPool.Usage(inUse: open - idle.count, open: open, waiting: waiters.count)
    }

    /// Closes the pool: hands back the idle connections and turns away waiting and later callers.
    func drain() -> [Connection] {
        closed = true
        for waiter in waiters { waiter.resume(throwing: PostgresError.poolClosed) }
        waiters = []
        let connections = idle
        open -= idle.count
        idle = []
        return connections
    }
}
