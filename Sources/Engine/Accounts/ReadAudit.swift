public import Foundation
public import Postgres

/// Who read a household's records, other than the caseworkers who work with it every day:
/// the account, the municipality, the record, when. Keys only, never values.
public struct ReadAudit: Sendable {
    /// The database.
    public let pool: ConnectionPool

    /// The audit of the database `pool` reaches.
    public init(pool: ConnectionPool) { self.pool = pool }

    /// One read.
    public struct Entry: Sendable {
        /// Who.
        public let account: Int64
        /// Which municipality.
        public let tenant: String
        /// Which kind of record.
        public let kind: String
        /// Its key.
        public let key: String
        /// When.
        public let at: Date

        /// An entry.
        public init(account: Int64, tenant: String, kind: String, key: String, at: Date) {
            self.account = account
            self.tenant = tenant
            self.kind = kind
            self.key = key
            self.at = at
        }
    }

    /// Records reads, many in one statement.
    public func record(_ entries: [Entry]) async throws {
        guard !entries.isEmpty else { return }
        try await pool.query(
            """
            INSERT INTO kokon.read_audit (account, tenant, kind, key, at)
            SELECT * FROM unnest(\(entries.map { String($0.account) })::bigint[], \(entries.map(\.tenant))::text[], \(entries.map(\.kind))::text[],
                                 \(entries.map(\.key))::text[], \(entries.map(\.at.postgresText))::timestamptz[])
            """)
    }
}
