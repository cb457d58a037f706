public import Postgres
import Templates

/// Where one municipality's data lives: its schema `t_<id>` and the NOLOGIN role that owns it.
///
/// Roles belong to the whole PostgreSQL server while schemas belong to one database, so the
/// role name carries the database's name too (`kokon_t_torun` in database `kokon`): two
/// databases on one server, such as a test's and the demo's, never share a tenant role.
public struct TenantBoundary: Sendable, Hashable {
    /// The tenant's id, e.g. `torun`.
    public let id: String
    /// Its schema, `t_<id>`.
    public let schema: Identifier
    /// Its role, `<database>_t_<id>`.
    public let role: Identifier

    /// The boundary of tenant `id` in the database `database`. Refuses anything that is not a
    /// valid tenant id, so a crafted id never reaches SQL, even quoted.
    public init(id: String, database: String) throws(TenantError) {
        guard TenantID.isValid(id) else { throw .invalidID(id, hint: TenantID.hint(for: id)) }
        self.id = id
        do {
            schema = try Identifier(validating: "t_" + id)
            role = try Identifier(validating: Self.rolePrefix(database: database) + "_t_" + id)
        } catch {
            throw .invalidID(id, hint: error.description)
        }
    }

    /// The longest database name used as it is in role names: with `_t_` and the longest
    /// tenant id it makes exactly PostgreSQL's 63-byte limit, so every id lint accepts works.
    static let longestPlainPrefix = Identifier.maximumByteLength - "_t_".utf8.count - TenantID.maximumLength

    /// The database's name when it is short and plain, else a stable digest of it.
    static func rolePrefix(database: String) -> String {
        let plain = database.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        if plain, (1...longestPlainPrefix).contains(database.count), database.first!.isLetter { return database }
        return "db" + String(Migrator.checksum(database).prefix(10))
    }
}
