import Foundation
import Postgres
import Templates

extension TenantDirectory {
    /// Reads one municipality whole into an archive: its tenant file, every table of its
    /// schema and its catalogue history, in one snapshot (a repeatable-read, read-only
    /// transaction), so the tables agree with each other however busy the server is.
    public func export(_ id: String) async throws -> TenantArchive {
        _ = try tenant(id)
        guard let file = catalog.files.first(where: { $0.kind == .tenant && $0.id == id }), let source = file.source else {
            throw TenantError.notDefined(id, known: catalog.tenants.map(\.id))
        }
        return try await pool.withSession { session in
            let boundary = try TenantBoundary(id: id, database: try await Self.database(session))
            return try await session.transaction { session in
                try await session.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                guard let row = try await session.query("SELECT name FROM kokon.tenants WHERE id = \(id)").first else { throw TenantError.notApplied(id) }
                let migrations = try await Self.migrator(boundary).status(on: session)
                guard migrations.allSatisfy({ $0.state == .applied }) else { throw TenantArchiveError.pendingMigrations(id) }
                var tables: [TenantArchive.Table] = []
                for table in try await Self.tables(of: boundary, on: session) {
                    let rows = try await session.query(
                        "SELECT count(*) AS n, coalesce(json_agg(t), '[]')::text AS data FROM \(try boundary.schema.appending(table)) t"
                    ).first!
                    tables.append(TenantArchive.Table(name: table, rows: try rows.decode("n"), data: try rows.decode("data")))
                }
                let changes = try await session.query(
                    "SELECT coalesce(json_agg(c ORDER BY c.changed_at), '[]')::text AS data FROM kokon.adoption_changes c WHERE tenant = \(id)"
                ).scalar(String.self)
                return TenantArchive(
                    format: TenantArchive.kind, version: TenantArchive.layout, tenant: id, name: try row.decode("name"),
                    exportedAt: ISO8601DateFormatter().string(from: Date()), migrations: migrations.map(\.name), tenantFile: source, tables: tables,
                    adoptionChanges: changes)
            }
        }
    }

    /// Sets a municipality up from an archive, exactly as it was exported, in one transaction:
    /// either all of it is restored or nothing is written. Its tenant file must be in this
    /// directory's catalogue (`kokon tenant import` puts it there first).
    ///
    /// The role, schema and tenant migrations are made as `kokon tenant apply` makes them;
    /// then every table is filled with the archived rows as they were, with triggers and
    /// foreign-key checks off while they load (the audit log comes from the archive too), and
    /// identity counters moved past the restored rows. Needs a superuser, as the local
    /// database's connection is.
    @discardableResult
    public func restore(_ archive: TenantArchive) async throws -> [TenantArchive.Table] {
        let tenant = try tenant(archive.tenant)
        let here = try Catalogue.tenantMigrations().map(\.name)
        guard here == archive.migrations else { throw TenantArchiveError.otherMigrations(tenant: archive.tenant, archive: archive.migrations, here: here) }
        return try await pool.withSession { session in
            let boundary = try TenantBoundary(id: tenant.id, database: try await Self.database(session))
            return try await session.transaction { session in
                try await session.query("SELECT pg_advisory_xact_lock(\(Self.lockKey(boundary)))")
                guard try await session.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar(Bool.self) else {
                    throw TenantArchiveError.needsSuperuser
                }
                let present = try await session.query(
                    """
                    SELECT EXISTS (SELECT 1 FROM kokon.tenants WHERE id = \(tenant.id))
                        OR EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = \(boundary.schema.parts[0])) AS found
                    """
                ).scalar(Bool.self)
                guard !present else { throw TenantArchiveError.alreadyHere(tenant.id) }
                let plan = try await plan(tenant, boundary: boundary, on: session)
                try await session.query("SET LOCAL client_min_messages TO warning")
                try await createBoundary(boundary, on: session)
                try await register(tenant, boundary: boundary, plan: plan, on: session)
                try await Self.migrator(boundary).migrate(on: session)
                // The migrations ran as the tenant's role; the rows are loaded as the administrator.
                try await session.query("RESET ROLE")
                let tables = try await Self.tables(of: boundary, on: session)
                guard Set(tables) == Set(archive.tables.map(\.name)) else { throw TenantArchiveError.otherTables(tenant.id) }
                // The rows as they were: no trigger fires (it would audit the restore as new
                // writes), and foreign keys are not checked row by row while tables fill.
                try await session.query("SET LOCAL session_replication_role = replica")
                let names = try tables.map { try boundary.schema.appending($0) }
                try await session.query("TRUNCATE \(SQL.join(names.map { "\($0)" }, separator: ", "))")
                for table in archive.tables {
                    let name = try boundary.schema.appending(table.name)
                    try await session.query(
                        "INSERT INTO \(name) OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::\(name), \(table.data)::json)")
                    let count = try await session.query("SELECT count(*) AS n FROM \(name)").scalar(Int.self)
                    guard count == table.rows else { throw TenantArchiveError.rowsDiffer(tenant.id, table: table.name, archived: table.rows, restored: count) }
                }
                try await session.query("SET LOCAL session_replication_role = origin")
                // Identity columns continue after the restored rows.
                for row in try await session.query(
                    """
                    SELECT a.attname AS column_name, t.relname AS table_name FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid
                    WHERE t.relnamespace = \(boundary.schema.parts[0])::regnamespace AND a.attidentity <> '' ORDER BY 2, 1
                    """
                ).rows {
                    let table = try boundary.schema.appending(try row.decode("table_name", as: String.self))
                    let column = try Identifier(validating: try row.decode("column_name", as: String.self))
                    try await session.query(
                        "SELECT setval(pg_get_serial_sequence(\(table.description), \(column.parts[0])), coalesce((SELECT max(\(column)) FROM \(table)), 0) + 1, false)")
                }
                // The catalogue's history of programme versions is the archive's, not a new one.
                try await session.query("DELETE FROM kokon.adoption_changes WHERE tenant = \(tenant.id)")
                try await session.query(
                    "INSERT INTO kokon.adoption_changes SELECT * FROM json_populate_recordset(NULL::kokon.adoption_changes, \(archive.adoptionChanges)::json) c WHERE c.tenant = \(tenant.id)"
                )
                return archive.tables
            }
        }
    }

    /// The tables of a tenant's schema, by name.
    static func tables(of boundary: TenantBoundary, on session: Session) async throws -> [String] {
        try await session.query("SELECT tablename FROM pg_tables WHERE schemaname = \(boundary.schema.parts[0]) ORDER BY tablename").rows.map {
            try $0.decode("tablename", as: String.self)
        }
    }
}
