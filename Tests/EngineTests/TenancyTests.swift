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
