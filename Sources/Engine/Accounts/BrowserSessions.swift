import Foundation
public import Postgres

/// Signed-in browsers, kept in the catalogue so that signing out, disabling an account or
/// changing a password ends them on the server at once.
///
/// The cookie carries a random id; this type is given only its SHA-256 (as hex), so the
/// table cannot be used to sign in. A session ends after ``idleTimeout`` without a request
/// and after ``absoluteTimeout`` in any case.
public struct BrowserSessions: Sendable {
    /// The database.
    public let pool: ConnectionPool
    /// How long a session lives without a request.
    public let idleTimeout: Duration
    /// How long a session lives at most.
    public let absoluteTimeout: Duration

    /// Sessions with the given timeouts (30 minutes idle, 12 hours in all by default).
    public init(pool: ConnectionPool, idleTimeout: Duration = .seconds(30 * 60), absoluteTimeout: Duration = .seconds(12 * 3600)) {
        self.pool = pool
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    /// A live session: whose, its CSRF token, and whether the second factor is still due.
    public struct Live: Sendable {
        /// The account, with its roles as they are now.
        public let account: Account
        /// The token every state-changing form of this session must carry.
        public let csrfToken: String
        /// True between a correct password and a correct second-factor code.
        public let awaitingSecondFactor: Bool
    }

    /// Starts a session; any session the browser had before is ended, so the id always
    /// changes on sign-in.
    public func start(idHash: String, account: Int64, csrfToken: String, awaitingSecondFactor: Bool, replacing previous: String?) async throws {
        try await pool.transaction { session in
            if let previous { try await session.query("DELETE FROM kokon.browser_sessions WHERE id_hash = \(previous)") }
            try await session.query(
                """
                INSERT INTO kokon.browser_sessions (id_hash, account, csrf_token, awaiting_second_factor)
                VALUES (\(idHash), \(account), \(csrfToken), \(awaitingSecondFactor))
                """)
        }
    }

    /// The live session with this id hash, its last use moved to now; nil if there is none,
    /// it has timed out (it is then removed) or its account is disabled.
    public func resume(idHash: String) async throws -> Live? {
        let idle = Int(idleTimeout.components.seconds)
        let absolute = Int(absoluteTimeout.components.seconds)
        let touch: SQL = """
            UPDATE kokon.browser_sessions s SET last_seen_at = now()
            FROM kokon.accounts a
            WHERE s.id_hash = \(idHash) AND a.id = s.account AND NOT a.disabled
              AND s.last_seen_at > now() - make_interval(secs => \(idle))
              AND s.created_at > now() - make_interval(secs => \(absolute))
            RETURNING s.account, s.csrf_token, s.awaiting_second_factor
            """
        return try await pool.withSession { session in
            guard let row = try await session.query(touch.prepared()).first else {
                try await session.query("DELETE FROM kokon.browser_sessions WHERE id_hash = \(idHash)")
                return nil
            }
            guard let account = try await AccountDirectory.load(id: try row.decode("account"), on: session) else { return nil }
            return Live(account: account, csrfToken: try row.decode("csrf_token"), awaitingSecondFactor: try row.decode("awaiting_second_factor"))
        }
    }

    /// Marks the second factor as given.
    public func completeSecondFactor(idHash: String) async throws {
        try await pool.query("UPDATE kokon.browser_sessions SET awaiting_second_factor = false WHERE id_hash = \(idHash)")
    }

    /// Ends one session.
    public func end(idHash: String) async throws {
        try await pool.query("DELETE FROM kokon.browser_sessions WHERE id_hash = \(idHash)")
    }

    /// Ends every session of an account.
    public func endAll(account: Int64) async throws {
        try await pool.query("DELETE FROM kokon.browser_sessions WHERE account = \(account)")
    }

    /// Removes sessions that have timed out, however they ended.
    public func sweep() async throws {
        let idle = Int(idleTimeout.components.seconds)
        let absolute = Int(absoluteTimeout.components.seconds)
        try await pool.query(
            """
            DELETE FROM kokon.browser_sessions
            WHERE last_seen_at <= now() - make_interval(secs => \(idle)) OR created_at <= now() - make_interval(secs => \(absolute))
            """)
    }
}
