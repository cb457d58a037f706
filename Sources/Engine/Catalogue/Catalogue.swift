import Logging
public import Postgres

/// Kokon's catalogue database: the `kokon` and `shared` schemas, their roles and migrations.
public enum Catalogue {
    /// The history table for every migration Kokon applies, core and per tenant.
    public static let historyTable = Identifier("kokon", "schema_migrations")
    /// Advisory lock key serialising migration runs against one database ("kokon" in ASCII).
    public static let migrationLockKey: Int64 = 0x6B6F_6B6F_6E00

    /// The core migrations (`migrations/core/`), embedded in the binary at build time.
    public static func coreMigrations() throws -> [Migration] {
        try embeddedMigrationFiles.filter { $0.folder == "core" }.map { try Migration(fileName: $0.file, sql: $0.text) }
    }

    /// The tenant migrations (`migrations/tenant/`), embedded in the binary at build time.
    public static func tenantMigrations() throws -> [Migration] {
        try embeddedMigrationFiles.filter { $0.folder == "tenant" }.map { try Migration(fileName: $0.file, sql: $0.text) }
    }

    /// The analysts' database's migrations (`migrations/analysts/`), embedded in the binary.
    public static func analystsMigrations() throws -> [Migration] {
        try embeddedMigrationFiles.filter { $0.folder == "analysts" }.map { try Migration(fileName: $0.file, sql: $0.text) }
    }

    /// The migrator for the core schemas, running as the owner role.
    public static func coreMigrator() throws -> Migrator {
        try Migrator(
            migrations: coreMigrations(), historyTable: historyTable, scope: "core",
            role: DatabaseRoles.owner, lockKey: migrationLockKey)
    }

    /// Creates roles and the `kokon` schema if missing, then applies pending core migrations.
    ///
    /// Safe to run concurrently and repeatedly: returns the names of the migrations it applied.
    @discardableResult
    public static func migrate(_ pool: ConnectionPool) async throws -> [String] {
        try await pool.withSession { session in
            try await session.query("SELECT pg_advisory_lock(\(migrationLockKey))")
            do {
                try await prepare(session)
                try await session.query("SELECT pg_advisory_unlock(\(migrationLockKey))")
            } catch {
                _ = try? await session.query("SELECT pg_advisory_unlock(\(migrationLockKey))")
                throw error
            }
            return try await coreMigrator().migrate(on: session)
        }
    }

    /// The state of each core migration, without changing anything.
    public static func status(_ pool: ConnectionPool) async throws -> [Migrator.Status] {
        try await pool.withSession { try await coreMigrator().status(on: $0) }
    }

    /// Roles and the catalogue schema must exist before the migrator can record anything in it.
    static func prepare(_ session: Session) async throws {
        try await session.transaction { session in
            // "already exists, skipping" notices would only be noise on every run.
            try await session.query("SET LOCAL client_min_messages TO warning")
            try await DatabaseRoles.ensure(on: session)
            try await session.query("CREATE SCHEMA IF NOT EXISTS kokon AUTHORIZATION kokon_owner")
        }
        // Apart, so the roles above are committed at once: other databases of the cluster
        // may be creating the same roles at the same moment.
        try await session.transaction { try await StatisticsClosure.apply(on: $0) }
    }
}
