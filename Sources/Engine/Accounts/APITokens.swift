public import Foundation
public import Postgres

/// Tokens that integrations send as `Authorization: Bearer …`.
///
/// A token is printed once when it is made; only its SHA-256 (hex) is stored. It belongs to
/// an account and acts with that account's roles, narrowed to one municipality when it names
/// one and to reading when its scope is `read`. Every use is recorded.
public struct APITokens: Sendable {
    /// The database.
    public let pool: ConnectionPool

    /// Tokens of the database `pool` reaches.
    public init(pool: ConnectionPool) { self.pool = pool }

    /// What a token may do.
    public enum Scope: String, Sendable, Hashable, Codable, CaseIterable, StoredWord {
        /// Read only.
        case read
        /// Read and write.
        case write
    }

    /// A token as listed: never the token itself.
    public struct Listed: Sendable {
        /// Its number, for `kokon token revoke`.
        public let id: Int64
        /// The account it acts for.
        public let email: String
        /// The municipality it is narrowed to, if any.
        public let tenant: String?
        /// read or write.
        public let scope: Scope
        /// When it was made.
        public let createdAt: Date
        /// When it stops working.
        public let expiresAt: Date
        /// When it was revoked, if it was.
        public let revokedAt: Date?
        /// How often it was used, and when last.
        public let uses: Int
        /// The last use.
        public let lastUsedAt: Date?
    }

    /// A token that authenticated a request.
    public struct Authenticated: Sendable {
        /// The token's number.
        public let id: Int64
        /// The account, with its roles as they are now.
        public let account: Account
        /// The municipality it is narrowed to, if any.
        public let tenant: String?
        /// read or write.
        public let scope: Scope
    }

    /// Stores a new token's hash; returns its number.
    public func create(hash: String, email: String, tenant: String?, scope: Scope, expiresAt: Date) async throws -> Int64 {
        try await pool.transaction { session in
            let account = try await AccountDirectory.id(of: email, on: session)
            if let tenant { try await AccountDirectory.requireTenant(tenant, on: session) }
            return try await session.query(
                """
                INSERT INTO kokon.api_tokens (account, tenant, scope, token_hash, expires_at)
                VALUES (\(account), \(tenant), \(scope), \(hash), \(expiresAt)) RETURNING id
                """
            ).scalar(Int64.self)
        }
    }

    /// Every token, newest first.
    public func list() async throws -> [Listed] {
        try await pool.query(
            """
            SELECT t.id, a.email, t.tenant, t.scope, t.created_at, t.expires_at, t.revoked_at,
                   (SELECT count(*) FROM kokon.token_uses u WHERE u.token = t.id) AS uses,
                   (SELECT max(at) FROM kokon.token_uses u WHERE u.token = t.id) AS last_used_at
            FROM kokon.api_tokens t JOIN kokon.accounts a ON a.id = t.account ORDER BY t.id DESC
            """
        ).rows.map {
            Listed(
                id: try $0.decode("id"), email: try $0.decode("email"), tenant: try $0.decode("tenant", as: String?.self),
                scope: try $0.decode("scope"), createdAt: try $0.decode("created_at"), expiresAt: try $0.decode("expires_at"),
                revokedAt: try $0.decode("revoked_at", as: Date?.self), uses: try $0.decode("uses"), lastUsedAt: try $0.decode("last_used_at", as: Date?.self))
        }
    }

    /// Revokes a token by number; false if there is no such token.
    @discardableResult
    public func revoke(id: Int64) async throws -> Bool {
        try await pool.query("UPDATE kokon.api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = \(id)").affectedRows == 1
    }

    /// The live token with this hash, with its account, in one statement; nil if it is
    /// unknown, expired, revoked, or its account is disabled. The use is recorded by the
    /// caller with ``recordUses(_:)``.
    public func authenticate(hash: String) async throws -> Authenticated? {
        guard let row = try await pool.query(Self.lookup(hash: hash)).first else { return nil }
        return Authenticated(
            id: try row.decode("token_id"), account: try AccountDirectory.account(row), tenant: try row.decode("token_tenant", as: String?.self),
            scope: try row.decode("scope"))
    }

    /// The statement ``authenticate(hash:)`` runs: the token with its account and roles.
    public static func lookup(hash: String) -> SQL {
        let sql: SQL = """
            SELECT t.id AS token_id, t.tenant AS token_tenant, t.scope, \(AccountDirectory.accountColumns)
            FROM kokon.api_tokens t JOIN kokon.accounts a ON a.id = t.account
            WHERE t.token_hash = \(hash) AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT a.disabled
            """
        return sql.prepared()
    }

    /// One use of a token.
    public struct Use: Sendable {
        /// The token's number.
        public let token: Int64
        /// When.
        public let at: Date
        /// The HTTP method.
        public let method: String
        /// The route pattern (never the address with its codes).
        public let route: String

        /// A use.
        public init(token: Int64, at: Date, method: String, route: String) {
            self.token = token
            self.at = at
            self.method = method
            self.route = route
        }
    }

    /// Records uses of tokens, many in one statement.
    public func recordUses(_ uses: [Use]) async throws {
        guard !uses.isEmpty else { return }
        try await pool.query(
            """
            INSERT INTO kokon.token_uses (token, at, method, route)
            SELECT * FROM unnest(\(uses.map { String($0.token) })::bigint[], \(uses.map(\.at.postgresText))::timestamptz[],
                                 \(uses.map(\.method))::text[], \(uses.map(\.route))::text[]) AS u(token, at, method, route)
            WHERE EXISTS (SELECT 1 FROM kokon.api_tokens t WHERE t.id = u.token)
            """)
    }
}
