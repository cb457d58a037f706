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
            #expect(await Self.failure {
                try await fixture.app.transaction { session in
                    try await session.query("SET LOCAL search_path TO t_torun")
                    try await session.query("SELECT * FROM household")
                }
            } == SQLState.undefinedTable.code)
            // As Toruń: its own rows, but not Warszawa's, for reading or writing.
            #expect(try await torun.count(.households) == 1)
            #expect(await Self.failure { _ = try await torun.transaction { try await $0.query("SELECT * FROM t_warszawa.household") } } == denied)
            #expect(await Self.failure {
                _ = try await torun.transaction { try await $0.query("INSERT INTO t_warszawa.household (code, area, size) VALUES ('X', 'nowa-praga', 1)") }
            } == denied)
            #expect(await Self.failure { _ = try await torun.transaction { try await $0.query("SET LOCAL ROLE kokon_owner") } } != nil)
            // The role switch ends with the transaction: the next use of the connection is back to nothing.
            #expect(await Self.failure { _ = try await fixture.app.query("SELECT count(*) FROM t_warszawa.household") } == denied)
            #expect(try await warszawa.count(.households) == 1)
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
