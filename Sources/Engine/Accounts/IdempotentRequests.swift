public import Postgres

/// Remembers the answer to a `POST` sent with an `Idempotency-Key`, so a client that retries
/// after a lost answer gets the first answer again instead of recording a visit twice.
public struct IdempotentRequests: Sendable {
    /// The database.
    public let pool: ConnectionPool

    /// The store of the database `pool` reaches.
    public init(pool: ConnectionPool) { self.pool = pool }

    /// A remembered answer.
    public struct Answer: Sendable, Equatable {
        /// Its HTTP status.
        public let status: Int
        /// Its body (JSON).
        public let body: String
        /// A digest of the request it answered; a different request under the same key is refused.
        public let requestHash: String

        /// An answer to remember.
        public init(status: Int, body: String, requestHash: String) {
            self.status = status
            self.body = body
            self.requestHash = requestHash
        }
    }

    /// The answer remembered for this account and key, if any.
    public func answer(account: Int64, key: String) async throws -> Answer? {
        try await pool.query(
            """
            SELECT status, body, request_hash FROM kokon.idempotent_requests
            WHERE account = \(account) AND key = \(key) AND created_at > now() - interval '24 hours'
            """
        ).first.map { Answer(status: try $0.decode("status"), body: try $0.decode("body"), requestHash: try $0.decode("request_hash")) }
    }

    /// Remembers an answer; under a race the first one stays.
    public func remember(account: Int64, key: String, answer: Answer) async throws {
        try await pool.query(
            """
            INSERT INTO kokon.idempotent_requests (account, key, request_hash, status, body)
            VALUES (\(account), \(key), \(answer.requestHash), \(answer.status), \(answer.body))
            ON CONFLICT (account, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, body = EXCLUDED.body,
                created_at = now()
            WHERE kokon.idempotent_requests.created_at <= now() - interval '24 hours'
            """)
    }
}
