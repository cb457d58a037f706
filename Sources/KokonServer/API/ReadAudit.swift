import Postgres

/// Records that someone other than a caseworker read a household's records: who, where,
/// which record, when. Keys only.
enum ReadAudit {
    static func record(_ pool: ConnectionPool, account: Int64, tenant: String, kind: String, key: String) async throws {
        try await pool.query("INSERT INTO kokon.read_audit (account, tenant, kind, key) VALUES (\(account), \(tenant), \(kind), \(key))")
    }
}
