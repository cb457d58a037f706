import Foundation

/// A connection checked out of a ``ConnectionPool`` for the length of one `withSession` call.
///
/// Every method runs its libpq call on the pool's own threads. Do not keep a session beyond
/// the closure that received it, and do not use one session from two tasks at once.
public struct Session: Sendable {
    /// The underlying connection, for callers that need libpq details.
    public let connection: Connection
    let pool: ConnectionPool

    /// Runs one statement and returns its rows. Cancelling the task cancels the statement.
    @discardableResult
    public func query(_ sql: SQL) async throws -> QueryResult {
        try await blocking { connection in try connection.query(sql) }
    }

    /// Runs a trusted multi-statement script, such as a migration file.
    public func execute(_ script: SQLScript) async throws {
        try await blocking { connection in try connection.execute(script) }
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    ///
    /// Inside a transaction, a nested call uses a savepoint, so the inner part can fail alone.
    @discardableResult
    public func transaction<Value>(_ body: (Session) async throws -> Value) async throws -> Value {
        let nested = connection.isInTransaction
        try await query(nested ? "SAVEPOINT kokon_nested" : Self.begin)
        let value: Value
        do {
            value = try await body(self)
        } catch {
            if connection.isHealthy {
                _ = try? await query(nested ? "ROLLBACK TO SAVEPOINT kokon_nested" : Self.rollback)
            }
            throw error
        }
        if connection.isInFailedTransaction {
            // A statement failed and its error was swallowed; COMMIT would silently roll back.
            _ = try? await query(nested ? "ROLLBACK TO SAVEPOINT kokon_nested" : Self.rollback)
            throw PostgresError(
                kind: .client, code: .inFailedTransaction,
                message: "the transaction was aborted by an earlier error and has been rolled back")
        }
        try await query(nested ? "RELEASE SAVEPOINT kokon_nested" : Self.commit)
        return value
    }

    /// Runs `body` in a transaction as `role` with `search_path` set to `searchPath`, and any
    /// further transaction-local `settings` (custom settings such as `kokon.actor`).
    ///
    /// All are `SET LOCAL`, sent as one `set_config(…, true)` statement (the function form of
    /// `SET LOCAL`, which takes bound values), so they end with the transaction: nothing
    /// carries over to the next use of the connection, and work that forgets to switch runs
    /// with the login role's own (deliberately empty) rights.
    @discardableResult
    public func transaction<Value>(
        as role: Identifier, searchPath: [Identifier], settings: [(name: String, value: String)] = [],
        _ body: (Session) async throws -> Value
    ) async throws -> Value {
        try await transaction { session in
            try await session.query(Self.switching(to: role, searchPath: searchPath, settings: settings))
            return try await body(session)
        }
    }

    /// Runs one statement in a transaction of its own, switched exactly as
    /// ``transaction(as:searchPath:settings:_:)`` switches, with the switch and the statement
    /// sent in one round trip. Inside an open transaction it runs there, in a savepoint.
    ///
    /// The two are sent in libpq's pipeline mode, ended by one `Sync` and no `BEGIN` or
    /// `COMMIT`: the extended protocol runs every statement before a `Sync` in one implicit
    /// transaction, committed at the `Sync` if all succeeded and rolled back if any failed
    /// (statements after a failure are skipped). So the switch still ends with the
    /// transaction, and PostgreSQL runs two statements a request instead of four.
    public func query(
        _ sql: SQL, inTransactionAs role: Identifier, searchPath: [Identifier], settings: [(name: String, value: String)] = []
    ) async throws -> QueryResult {
        guard !connection.isInTransaction else {
            return try await transaction(as: role, searchPath: searchPath, settings: settings) { try await $0.query(sql) }
        }
        let statements = Self.statements(for: sql, inTransactionAs: role, searchPath: searchPath, settings: settings)
        return try await blocking { connection in
            do {
                return try connection.pipeline(statements)[1]
            } catch {
                // The `Sync` has rolled the transaction back; should one still be open (the
                // pipeline cut short), nothing may stay. If this fails too, the pool resets
                // the connection or lets it go.
                if connection.isInTransaction && connection.isHealthy { _ = try? connection.query(Self.rollback) }
                throw error
            }
        }
    }

    /// What ``query(_:inTransactionAs:searchPath:settings:)`` sends in its one round trip
    /// outside a transaction: the switch, then `sql`. (The benchmarks replay them with pgbench.)
    public static func statements(
        for sql: SQL, inTransactionAs role: Identifier, searchPath: [Identifier], settings: [(name: String, value: String)] = []
    ) -> [SQL] {
        [switching(to: role, searchPath: searchPath, settings: settings), sql]
    }

    static let begin: SQL = SQL(stringLiteral: "BEGIN").prepared()
    static let commit: SQL = SQL(stringLiteral: "COMMIT").prepared()
    static let rollback: SQL = SQL(stringLiteral: "ROLLBACK").prepared()

    /// The one statement that makes `role`, `searchPath` and `settings` transaction-local.
    static func switching(to role: Identifier, searchPath: [Identifier], settings: [(name: String, value: String)]) -> SQL {
        // Written as `SET` writes it: plain lower-case names bare, anything else quoted.
        let path = searchPath.map { name in
            let text = name.parts.joined(separator: ".")
            let plain =
                name.parts.count == 1 && text.first.map { $0.isLowercase || $0 == "_" } == true
                && text.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "_" }
            return plain ? text : name.quoted
        }.joined(separator: ", ")
        let names = ["role", "search_path"] + settings.map(\.name)
        let values = [role.parts.joined(separator: "."), path] + settings.map(\.value)
        let sql: SQL = "SELECT count(set_config(name, value, true)) FROM unnest(\(names)::text[], \(values)::text[]) AS s(name, value)"
        return sql.prepared()
    }

    /// Streams rows into `COPY … FROM STDIN` and returns how many the server stored.
    ///
    /// The writer's data is sent in chunks as it is produced. If the writer throws, the COPY is
    /// aborted with `CopyFail` (nothing from it lands) and the writer's error is rethrown.
    @discardableResult
    public func copyIn(_ sql: SQL, _ write: (CopyWriter) async throws -> Void) async throws -> Int {
        try await blocking { connection in try connection.beginCopy(sql) }
        let writer = CopyWriter(session: self)
        do {
            try await write(writer)
            try await writer.flush()
        } catch {
            let reason = "COPY aborted by the client: \(error)"
            _ = try? await pool.threads.run { [connection] in try connection.endCopy(failure: reason) }
            throw error
        }
        return try await blocking { connection in try connection.endCopy() }
    }

    /// Runs a blocking libpq call on the pool's threads, cancelling it on the server if the
    /// task is cancelled.
    ///
    /// Whatever happens first — the task's cancellation, the wait for a pool thread, the call
    /// itself — the cancellation ends with this function: `abandon()` closes it off for a call
    /// that never started, and a started call closes it off when it returns.
    func blocking<Value: Sendable>(_ call: @escaping @Sendable (Connection) throws -> Value) async throws -> Value {
        let connection = self.connection
        let cancellation = StatementCancellation(counter: pool.repeatingCancels)
        defer { cancellation.abandon() }
        return try await withTaskCancellationHandler {
            try Task.checkCancellation()
            do {
                return try await pool.threads.run { try cancellation.run { try call(connection) } }
            } catch let error as PostgresError where error.code == .queryCanceled && Task.isCancelled {
                throw CancellationError()
            }
        } onCancel: {
            cancellation.cancel(connection)
        }
    }
}
