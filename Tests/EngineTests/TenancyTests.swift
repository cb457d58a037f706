import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

@Suite("Tenants: provisioning and isolation")
struct TenancyTests {
    @Test func everyShippedTenantAppliesAndASecondRunChangesNothing() async throws {
        try await TenancyFixture.with(applying: []) { fixture in
            let first = try await fixture.directory.apply()
            #expect(first.count == 6)
            #expect(first.allSatisfy { !$0.isEmpty })
            let second = try await fixture.directory.apply()
            #expect(second.allSatisfy { $0.isEmpty }, "\(second.map { $0.steps.map(\.description) })")
            let plans = try await fixture.directory.plan()
            #expect(plans.allSatisfy { $0.isEmpty })
            let list = try await fixture.directory.list()
            #expect(list.first { $0.id == "torun" }?.adoptions == ["aktywne-wlaczenie-torun@1.0.0", "wygrana-rodzina@1.0.0"])
            let records = try await fixture.records("torun")
            let components = try await records.transaction { session in
                try await session.query("SELECT count(*) AS n FROM model_element WHERE adoption = 'wygrana-rodzina' AND kind = 'component' AND active").scalar(Int.self)
            }
            #expect(components == 4)
        }
    }
}

@Suite("Tenants: isolation")
struct IsolationTests {
    /// SQLSTATE of what `body` throws, or nil if it does not throw.
    static func failure(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as PostgresError {
            return error.code?.code ?? "?"
        } catch {
            return "\(error)"
        }
    }

    @Test func theApplicationRoleReachesOnlyTheTenantItSwitchedTo() async throws {
        try await TenancyFixture.with(applying: ["torun", "warszawa"]) { fixture in
            let torun = try await fixture.records("torun")
            try await torun.write([HouseholdRecord(code: "H-1", area: "mokre", size: 4)])
            let warszawa = try await fixture.records("warszawa")
            try await warszawa.write([HouseholdRecord(code: "W-1", area: "nowa-praga", size: 3)])
            let denied = SQLState.insufficientPrivilege.code

            // Without SET LOCAL ROLE: fails closed, even naming the schema.
            #expect(await Self.failure { _ = try await fixture.app.query("SELECT * FROM t_torun.household") } == denied)
            // A schema the role may not use drops out of the search path: the table is not found.
            #expect(
                await Self.failure {
                    try await fixture.app.transaction { session in
                        try await session.query("SET LOCAL search_path TO t_torun")
                        try await session.query("SELECT * FROM household")
                    }
                } == SQLState.undefinedTable.code)
            // As Toruń: its own rows, but not Warszawa's, for reading or writing.
            #expect(try await torun.count(.households) == 1)
            #expect(await Self.failure { _ = try await torun.transaction { try await $0.query("SELECT * FROM t_warszawa.household") } } == denied)
            #expect(
                await Self.failure {
                    _ = try await torun.transaction { try await $0.query("INSERT INTO t_warszawa.household (code, area, size) VALUES ('X', 'nowa-praga', 1)") }
                } == denied)
            #expect(await Self.failure { _ = try await torun.transaction { try await $0.query("SET LOCAL ROLE kokon_owner") } } != nil)
            // The role switch ends with the transaction: the next use of the connection is back to nothing.
            #expect(await Self.failure { _ = try await fixture.app.query("SELECT count(*) FROM t_warszawa.household") } == denied)
            #expect(try await warszawa.count(.households) == 1)
        }
    }

    /// Dropping removes the schema, the role and what the tenant published; a role someone
    /// granted more to by hand is still dropped.
    @Test func droppingATenantRemovesItsRoleAndPublishedFigures() async throws {
        try await TenancyFixture.with(applying: ["torun", "warszawa"]) { fixture in
            for id in ["torun", "warszawa"] {
                try await Publisher(records: try await fixture.records(id), tenant: TenancyFixture.shipped.tenant(id)!).publish()
            }
            let database = try await fixture.admin.query("SELECT current_database()").scalar(String.self)
            let warszawa = try TenantBoundary(id: "warszawa", database: database)
            try await fixture.admin.query("GRANT SELECT ON kokon.tenants TO \(warszawa.role)")
            for id in ["torun", "warszawa"] {
                try await fixture.directory.drop(id, confirm: id)
                let role = try TenantBoundary(id: id, database: database).role.parts[0]
                #expect(try await fixture.admin.query("SELECT count(*) FROM pg_roles WHERE rolname = \(role)").scalar(Int.self) == 0)
                #expect(try await fixture.admin.query("SELECT count(*) FROM shared.publications WHERE tenant = \(id)").scalar(Int.self) == 0)
                #expect(try await fixture.admin.query("SELECT count(*) FROM shared.aggregates WHERE tenant = \(id)").scalar(Int.self) == 0)
                #expect(try await fixture.admin.query("SELECT count(*) FROM pg_namespace WHERE nspname = \("t_" + id)").scalar(Int.self) == 0)
            }
        }
    }

    @Test(arguments: ["../x", "a;drop schema b", "Torun", "toruń", "x", "ab-c", "a b", "t_torun\"; --"])
    func craftedTenantIDsNeverReachSQL(_ id: String) async throws {
        #expect(throws: TenantError.self) { try TenantBoundary(id: id, database: "kokon") }
        try await TenancyFixture.with(applying: []) { fixture in
            await #expect(throws: TenantError.self) { try await fixture.directory.plan([id]) }
            await #expect(throws: TenantError.self) { try await CaseRecords(pool: fixture.app, tenant: id, actor: "test") }
            await #expect(throws: TenantError.self) { try await fixture.directory.drop(id, confirm: id) }
        }
    }
}

@Suite("Tenants: plans and version changes")
struct TenantPlanTests {
    static let models = TenancyFixture.root.appending(path: "models")

    /// The shipped models, a 1.1.0 of the Toruń model with deliberate changes, and one tenant.
    static func catalog(adopting version: String, adaptation: String = "", id: String = "testowo") throws -> ModelCatalog {
        var catalog = ModelCatalog()
        for file in ["components/art/1.0.0.yaml", "wygrana-rodzina/1.0.0.yaml"] {
            let path = models.appending(path: file).path
            catalog.add(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path, kind: file.hasPrefix("components") ? .component : .programme)
        }
        let original = try String(contentsOf: models.appending(path: "wygrana-rodzina/1.0.0.yaml"), encoding: .utf8)
        let changed =
            original
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
            .replacingOccurrences(of: "  - id: community-animator\n    name: {pl: animator środowiskowy, en: community animator}\n", with: "")
            .replacingOccurrences(of: "    roles: [community-animator]\n", with: "    roles: [mentor]\n")
            .replacingOccurrences(
                of: "    roles: [family-assistant, mentor, community-animator, education-leader]\n", with: "    roles: [family-assistant, mentor, education-leader]\n"
            )
            .replacingOccurrences(
                of: "      - id: mentoring-session\n",
                with: "      - id: home-visit\n        name: {pl: wizyta domowa, en: home visit}\n        delivery: individual\n      - id: mentoring-session\n"
            )
            .replacingOccurrences(of: "  minimum_duration: 18 months\n", with: "  minimum_duration: 24 months\n")
            .replacingOccurrences(of: "  minimum_duration_at_least: 18 months\n", with: "  minimum_duration_at_least: 24 months\n")
            .replacingOccurrences(of: "    target: {at_least: 1}\n", with: "    target: {at_least: 2}\n")
        catalog.add(bytes: Array(changed.utf8), path: "models/wygrana-rodzina/1.1.0.yaml", kind: .programme)
        catalog.add(
            bytes: Array(
                """
                id: \(id)
                name: Gmina Testowo
                teryt: "0463011"
                voivodeship: kujawsko-pomorskie
                example: true
                areas: [{id: centrum, name: Centrum}]
                adoptions:
                  - model: wygrana-rodzina@\(version)
                    period: {start: 2025-01-01, end: 2026-12-31}
                \(adaptation)
                """.utf8), path: "tenants/\(id).yaml", kind: .tenant)
        catalog.checkAll()
        return catalog
    }

    @Test func aVersionChangeListsTheDifferencesThatAffectTheTenant() async throws {
        let old = try Self.catalog(adopting: "1.0")
        #expect(old.diagnostics.errors.isEmpty, "\(old.diagnostics.errors.map { old.render($0) })")
        try await TenancyFixture.with(applying: ["testowo"], catalog: old) { fixture in
            let new = try Self.catalog(adopting: "1.1")
            #expect(new.diagnostics.errors.isEmpty, "\(new.diagnostics.errors.map { new.render($0) })")
            let directory = TenantDirectory(pool: fixture.admin, catalog: new)
            let plan = try #require(try await directory.plan(["testowo"]).first)
            guard case .changeVersion(let adoption, let from, let to, let differences)? = plan.steps.first else {
                Issue.record("expected a version change, got \(plan.steps)")
                return
            }
            #expect(adoption == "wygrana-rodzina" && from == "wygrana-rodzina@1.0.0" && to == "wygrana-rodzina@1.1.0")
            let lines = differences.map(\.description)
            #expect(lines.contains("added activity specialist-work/home-visit"))
            #expect(lines.contains("removed role community-animator"))
            #expect(lines.contains("changed component neighbourhood-self-help: roles community-animator → mentor"))
            #expect(lines.contains("changed rule minimum-participation: 18 months → 24 months"))
            #expect(lines.contains("changed indicator network-actions-per-year: target at least 1 → at least 2"))
            #expect(plan.steps.count == 1, "\(plan.steps)")
            // plan changed nothing; apply does it once.
            #expect(try await directory.plan(["testowo"]).first?.steps.count == 1)
            _ = try await directory.apply(["testowo"])
            #expect(try await directory.plan(["testowo"]).first?.isEmpty == true)
            let records = try await fixture.records("testowo")
            let roles = try await records.transaction { session in
                try await session.query("SELECT id, active FROM model_element WHERE kind = 'role' ORDER BY id").rows.map {
                    "\(try $0.decode("id", as: String.self)):\(try $0.decode("active", as: Bool.self))"
                }
            }
            #expect(roles == ["community-animator:false", "education-leader:true", "family-assistant:true", "mentor:true"])
            let changes = try await fixture.admin.query("SELECT count(*) AS n FROM kokon.adoption_changes WHERE tenant = 'testowo' AND from_version = 'wygrana-rodzina@1.0.0'")
                .scalar(Int.self)
            #expect(changes == 1)
        }
    }

    /// Lint and apply agree at the limit: the longest id lint accepts gets a role name within
    /// PostgreSQL's 63 bytes whatever the database is called, and applies.
    @Test(arguments: [19, 20])
    func theLongestTenantIDAppliesInADatabaseWithALongName(_ databaseLength: Int) async throws {
        let id = "a" + String(repeating: "9", count: TenantID.maximumLength - 1)
        #expect(TenantID.isValid(id) && !TenantID.isValid(id + "9"))
        for length in 1...70 {
            let boundary = try TenantBoundary(id: id, database: "d" + String(repeating: "b", count: length - 1))
            #expect(boundary.role.parts[0].utf8.count <= Identifier.maximumByteLength)
        }
        let catalog = try Self.catalog(adopting: "1.0", id: id)
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map { catalog.render($0) })")
        let database = "b" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(databaseLength - 1)
        try await TenancyFixture.with(applying: [id], catalog: catalog, database: database) { fixture in
            let boundary = try TenantBoundary(id: id, database: database)
            let roles = try await fixture.admin.query("SELECT count(*) FROM pg_roles WHERE rolname = \(boundary.role.parts[0])").scalar(Int.self)
            #expect(roles == 1)
            #expect(try await fixture.records(id).transaction { try await $0.query("SELECT count(*) FROM household").scalar(Int.self) } == 0)
        }
    }

    @Test func aTenantWithAnOutOfBoundsAdaptationIsNotApplied() async throws {
        let catalog = try Self.catalog(
            adopting: "1.0",
            adaptation: """
                    adaptations:
                      - {change: drop-component, component: talent-academy, reason: brak szkoły, decided_by: Rada, decided_on: 2025-01-01, planned: true}
                """)
        let rendered = catalog.diagnostics.errors.map { catalog.render($0) }.joined()
        #expect(rendered.contains("talent-academy is a core component of wygrana-rodzina@1.0.0 and cannot be dropped"))
        try await TenancyFixture.with(applying: [], catalog: catalog) { fixture in
            await #expect { try await fixture.directory.apply(["testowo"]) } throws: { error in
                "\(error)" == "tenants/testowo.yaml has errors; run `kokon lint` to see them, fix them, then apply again"
            }
            let schemas = try await fixture.admin.query("SELECT count(*) AS n FROM pg_namespace WHERE nspname = 't_testowo'").scalar(Int.self)
            #expect(schemas == 0)
        }
    }
}
