public import Foundation

/// Applies ordered migrations to a database and records them, with checksums, in a history table.
///
/// Each migration runs in its own transaction together with its history row, so a failure
/// leaves no half-applied file. Concurrent runs are serialised with an advisory lock: the
/// second waits, then finds the work done. One history table serves many *scopes* (e.g. the
/// catalogue and each tenant schema), so it can record migrations applied to many schemas.
public struct Migrator: Sendable {
    /// The migrations, ordered by version.
    public let migrations: [Migration]
    /// The schema-qualified history table, e.g. `kokon.schema_migrations`.
    public let historyTable: Identifier
    /// What these migrations apply to, e.g. `core` or a tenant's schema name.
    public let scope: String
    /// Role that runs the migrations (`SET LOCAL ROLE`), so it owns what they create.
    public let role: Identifier?
    /// Schemas the migrations run in (`SET LOCAL search_path`), so one set of files can serve
    /// many schemas; empty keeps the connection's own path.
    public let searchPath: [Identifier]
    /// Advisory lock key shared by every run against the same database.
    public let lockKey: Int64

    /// Validates that versions are unique and orders the migrations.
    public init(
        migrations: [Migration], historyTable: Identifier, scope: String, role: Identifier?,
        searchPath: [Identifier] = [], lockKey: Int64
    ) throws(MigrationError) {
        var seen: [Int: String] = [:]
        for migration in migrations {
            if let other = seen[migration.version] {
                throw .duplicateVersion(migration.version, other, migration.name)
            }
            seen[migration.version] = migration.name
        }
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.historyTable = historyTable
        self.scope = scope
        self.role = role
        self.searchPath = searchPath
        self.lockKey = lockKey
    }

    /// The state of one migration in the database.
    public enum State: String, Sendable {
        /// Applied with the same contents.
        case applied
        /// Not applied yet.
        case pending
        /// Applied, but the file has changed since.
        case modified
        /// Applied, but this build has no such file.
        case unknown
    }

    /// One line of `kokon migrate --status`.
    public struct Status: Sendable {
        /// The migration's name.
        public let name: String
        /// Its state.
        public let state: State
        /// When it was applied, if it was.
        public let appliedAt: Date?
    }

    /// Reports each migration's state without changing anything.
    public func status(on session: Session) async throws -> [Status] {
        let applied = try await appliedMigrations(on: session)
        var result: [Status] = []
        for migration in migrations {
            let checksum = Self.checksum(migration.script.text)
            if let row = applied[migration.name] {
                result.append(Status(name: migration.name, state: row.checksum == checksum ? .applied : .modified, appliedAt: row.appliedAt))
            } else {
                result.append(Status(name: migration.name, state: .pending, appliedAt: nil))
            }
        }
        let known = Set(migrations.map(\.name))
        for (name, row) in applied.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
            result.append(Status(name: name, state: .unknown, appliedAt: row.appliedAt))
        }
        return result
    }

    /// Applies every pending migration in order and returns the names applied.
    ///
    /// Refuses to run, and changes nothing, if an applied migration was edited or the database
    /// holds one this build does not know.
    @discardableResult
    public func migrate(on session: Session) async throws -> [String] {
        try await session.query("SELECT pg_advisory_lock(\(lockKey))")
        do {
            let applied = try await apply(on: session)
            try await session.query("SELECT pg_advisory_unlock(\(lockKey))")
            return applied
        } catch {
            _ = try? await session.query("SELECT pg_advisory_unlock(\(lockKey))")
            throw error
        }
    }

    private func apply(on session: Session) async throws -> [String] {
        try await ensureHistoryTable(on: session)
        let applied = try await appliedMigrations(on: session)
        let known = Set(migrations.map(\.name))
        if let stray = applied.keys.sorted().first(where: { !known.contains($0) }) {
            throw MigrationError.unknownApplied(scope: scope, name: stray)
        }
        let checksums = Dictionary(uniqueKeysWithValues: migrations.map { ($0.name, Self.checksum($0.script.text)) })
        for migration in migrations {
            if let row = applied[migration.name], row.checksum != checksums[migration.name] {
                throw MigrationError.modified(scope: scope, name: migration.name, applied: row.checksum, current: checksums[migration.name]!)
            }
        }
        var names: [String] = []
        for migration in migrations where applied[migration.name] == nil {
            do {
                try await session.transaction { session in
                    try await enter(session)
                    try await session.execute(migration.script)
                    try await session.query(
                        """
                        INSERT INTO \(historyTable) (scope, version, name, checksum)
                        VALUES (\(scope), \(migration.version), \(migration.name), \(checksums[migration.name]!))
                        """)
                }
            } catch let error as PostgresError {
                throw MigrationError.failed(scope: scope, name: migration.name, error)
            }
            names.append(migration.name)
        }
        return names
    }

    private func ensureHistoryTable(on session: Session) async throws {
        try await session.transaction { session in
            try await enter(session)
            let exists = try await session.query("SELECT to_regclass(\(historyTable.quoted)) IS NOT NULL AS present").scalar(Bool.self)
            guard !exists else { return }
            try await session.query(
                """
                CREATE TABLE \(historyTable) (
                    scope text NOT NULL,
                    version integer NOT NULL,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (scope, version)
                )
                """)
        }
    }

    /// Takes on the role and search path (both end with the transaction).
    private func enter(_ session: Session) async throws {
        if let role { try await session.query("SET LOCAL ROLE \(role)") }
        if !searchPath.isEmpty { try await session.query("SET LOCAL search_path TO \(searchPath)") }
    }

    private func appliedMigrations(on session: Session) async throws -> [String: (checksum: String, appliedAt: Date)] {
        let exists = try await session.query("SELECT to_regclass(\(historyTable.quoted)) IS NOT NULL AS present").scalar(Bool.self)
        guard exists else { return [:] }
        let rows = try await session.query("SELECT name, checksum, applied_at FROM \(historyTable) WHERE scope = \(scope)").rows
        var applied: [String: (checksum: String, appliedAt: Date)] = [:]
        for row in rows {
            applied[try row.decode("name")] = (try row.decode("checksum"), try row.decode("applied_at"))
        }
        return applied
    }

    /// SHA-256 of the file's UTF-8 bytes, in hex.
    public static func checksum(_ text: String) -> String {
        SHA256.hex(Array(text.utf8))
    }
}
