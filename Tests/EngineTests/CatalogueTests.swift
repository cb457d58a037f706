import KokonTestSupport
import Postgres
import Testing

@testable import Engine

@Suite("Catalogue migrations and roles")
struct CatalogueTests {
    @Test func migratesOnceAndCreatesSchemasAndRoles() async throws {
        try await TestCluster.withPool { pool in
            let applied = try await Catalogue.migrate(pool)
            #expect(applied == (try Catalogue.coreMigrations().map(\.name)))
            #expect(!applied.isEmpty)
            #expect(try await Catalogue.migrate(pool).isEmpty)
            let schemas = try await pool.query("SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname IN ('kokon', 'shared') ORDER BY 1").rows
            #expect(try schemas.map { try $0.decode("nspname", as: String.self) } == ["kokon", "shared"])
            #expect(try schemas.allSatisfy { try $0.decode("owner", as: String.self) == "kokon_owner" })
            let app = try await pool.query("SELECT rolcanlogin, rolinherit, rolsuper FROM pg_roles WHERE rolname = 'kokon_app'").first!
            #expect(try app.decode("rolcanlogin", as: Bool.self))
            #expect(try app.decode("rolinherit", as: Bool.self) == false)
            #expect(try app.decode("rolsuper", as: Bool.self) == false)
            let owner = try await pool.query("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'kokon_owner'").scalar(Bool.self)
            #expect(owner == false)
        }
    }

    @Test func applicationRoleHasNoRightsOnOtherSchemas() async throws {
        try await TestCluster.withPool { pool in
            try await Catalogue.migrate(pool)
            try await pool.query("CREATE SCHEMA t_example")
            try await pool.query("CREATE TABLE t_example.households (code text)")
            try await pool.query("CREATE TABLE shared.figures (n int)")
            for table in [Identifier("t_example", "households"), Identifier("shared", "figures")] {
                let error = await #expect(throws: PostgresError.self) {
                    try await pool.transaction { session in
                        try await session.query("SET LOCAL ROLE \(DatabaseRoles.application)")
                        try await session.query("SELECT * FROM \(table)")
                    }
                }
                #expect(error?.code == .insufficientPrivilege)
            }
        }
    }

    @Test func concurrentCatalogueMigrationsBothSucceed() async throws {
        try await TestCluster.withPool(size: 2) { pool in
            async let first = Catalogue.migrate(pool)
            async let second = Catalogue.migrate(pool)
            let (a, b) = try await (first, second)
            #expect((a + b).sorted() == (try Catalogue.coreMigrations().map(\.name)))
        }
    }

    @Test func embeddedMigrationsMatchTheSourceFolder() throws {
        let names = try Catalogue.coreMigrations().map(\.name)
        #expect(names.first == "0001_schemas")
        #expect(names == names.sorted())
    }
}
