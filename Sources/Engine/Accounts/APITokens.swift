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
            if let tenant {
                guard try await session.query("SELECT EXISTS (SELECT 1 FROM kokon.tenants WHERE id = \(tenant)) AS found").scalar(Bool.self) else {
                    throw AccountError.unknownTenant(tenant)
                }
            }
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

    /// The live token with this hash, its use recorded with the route; nil if it is unknown,
    /// expired, revoked, or its account is disabled.
    public func authenticate(hash: String, method: String, route: String) async throws -> Authenticated? {
        try await pool.withSession { session in
            guard
                let row = try await session.query(
                    """
                    WITH live AS (
                        SELECT t.id, t.account, t.tenant, t.scope FROM kokon.api_tokens t JOIN kokon.accounts a ON a.id = t.account
                        WHERE t.token_hash = \(hash) AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT a.disabled
                    ), used AS (
                        INSERT INTO kokon.token_uses (token, method, route) SELECT id, \(method), \(route) FROM live
                    )
                    SELECT id, account, tenant, scope FROM live
                    """
                ).first,
                let account = try await AccountDirectory.load(id: try row.decode("account"), on: session)
            else { return nil }
            return Authenticated(id: try row.decode("id"), account: account, tenant: try row.decode("tenant", as: String?.self), scope: try row.decode("scope"))
        }
    }
}
