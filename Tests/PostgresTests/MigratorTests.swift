import KokonTestSupport
import Testing

@testable import Postgres

@Suite("Migrations: order, checksums, concurrency")
struct MigratorTests {
    static let history = Identifier("public", "schema_migrations")

    static func migrations(_ files: [(String, String)]) throws -> [Migration] {
        try files.map { try Migration(fileName: $0.0, sql: $0.1) }
    }

    static let base = [
        ("0001_households.sql", "CREATE TABLE households (code text PRIMARY KEY);"),
        ("0002_persons.sql", "CREATE TABLE persons (code text PRIMARY KEY, household text REFERENCES households);"),
    ]

    func migrator(_ files: [(String, String)]) throws -> Migrator {
        try Migrator(migrations: Self.migrations(files), historyTable: Self.history, scope: "test", role: nil, lockKey: 7)
    }

    @Test func appliesInOrderOnceAndRecordsChecksums() async throws {
        try await TestCluster.withPool { pool in
            // Given out of order, applied in order: persons references households.
            let applied = try await pool.withSession { try await migrator(Self.base.reversed()).migrate(on: $0) }
            #expect(applied == ["0001_households", "0002_persons"])
            let again = try await pool.withSession { try await migrator(Self.base).migrate(on: $0) }
            #expect(again.isEmpty)
            let rows = try await pool.query("SELECT name, checksum FROM public.schema_migrations ORDER BY version").rows
            #expect(try rows.map { try $0.decode("name", as: String.self) } == ["0001_households", "0002_persons"])
            #expect(try rows[0].decode("checksum", as: String.self) == Migrator.checksum(Self.base[0].1))
            let status = try await pool.withSession { try await migrator(Self.base + [("0003_staff.sql", "CREATE TABLE staff (code text);")]).status(on: $0) }
            #expect(status.map(\.state) == [.applied, .applied, .pending])
        }
    }

    @Test func editedAppliedMigrationIsRefusedAndNothingRuns() async throws {
        try await TestCluster.withPool { pool in
            try await pool.withSession { try await migrator(Self.base).migrate(on: $0) }
            var edited = Self.base
            edited[0].1 = "CREATE TABLE households (code text PRIMARY KEY, area text);"
            edited.append(("0003_staff.sql", "CREATE TABLE staff (code text);"))
            let error = await #expect(throws: MigrationError.self) {
                try await pool.withSession { try await migrator(edited).migrate(on: $0) }
            }
            #expect(error?.description.contains("0001_households") == true)
            #expect(error?.description.contains("was changed after it was applied") == true)
            #expect(try await pool.query("SELECT to_regclass('staff') IS NULL").scalar(Bool.self))
            let status = try await pool.withSession { try await migrator(edited).status(on: $0) }
            #expect(status.map(\.state) == [.modified, .applied, .pending])
        }
    }

    @Test func failingMigrationRollsBackEntirely() async throws {
        try await TestCluster.withPool { (pool: ConnectionPool) async throws in
            let files = Self.base + [("0003_broken.sql", "CREATE TABLE staff (code text); SELECT * FROM no_such_table;")]
            let error = await #expect(throws: MigrationError.self) {
                try await pool.withSession { try await migrator(files).migrate(on: $0) }
            }
            if case .failed(_, let name, let cause) = error {
                #expect(name == "0003_broken")
                #expect(cause.code == .undefinedTable)
            } else {
                Issue.record("expected a failed migration, got \(String(describing: error))")
            }
            #expect(try await pool.query("SELECT to_regclass('staff') IS NULL").scalar(Bool.self))
            #expect(try await pool.query("SELECT count(*) FROM public.schema_migrations").scalar(Int.self) == 2)
        }
    }

    @Test func unknownAppliedMigrationIsRefused() async throws {
        try await TestCluster.withPool { pool in
            try await pool.withSession { try await migrator(Self.base).migrate(on: $0) }
            await #expect(throws: MigrationError.self) {
                try await pool.withSession { try await migrator([Self.base[0]]).migrate(on: $0) }
            }
        }
    }

    @Test func concurrentRunsBothSucceedAndApplyEachFileOnce() async throws {
        try await TestCluster.withPool(size: 2) { pool in
            // Without the lock both runs would try CREATE TABLE and one would fail.
            let slow = Self.base + [("0003_slow.sql", "SELECT pg_sleep(0.3); CREATE TABLE staff (code text);")]
            async let first = pool.withSession { try await migrator(slow).migrate(on: $0) }
            async let second = pool.withSession { try await migrator(slow).migrate(on: $0) }
            let (a, b) = try await (first, second)
            #expect((a + b).sorted() == ["0001_households", "0002_persons", "0003_slow"])
            #expect(try await pool.query("SELECT count(*) FROM public.schema_migrations").scalar(Int.self) == 3)
        }
    }

    @Test func badNamesAndDuplicateVersionsAreRefused() throws {
        #expect(throws: MigrationError.self) { try Migration(fileName: "1_x.sql", sql: "") }
        #expect(throws: MigrationError.self) { try Migration(fileName: "0001-x.sql", sql: "") }
        #expect(throws: MigrationError.self) { try Migration(fileName: "0001_X.sql", sql: "") }
        #expect(throws: MigrationError.self) { try Migration(fileName: "0001_x.txt", sql: "") }
        #expect(throws: MigrationError.self) {
            try Migrator(migrations: Self.migrations([("0001_a.sql", ""), ("0001_b.sql", "")]), historyTable: Self.history, scope: "t", role: nil, lockKey: 1)
        }
    }
}
