import Engine
import Foundation
import KokonServer
import KokonTestSupport
import Testing

/// An account's roles travel with every token lookup as `role:tenant:staff` text; they must
/// come back exactly, in order, and a change must show on the very next lookup.
@Suite("An account's roles, read with its token")
struct AccountGrantsTests {
    @Test func everyRoleComesBackExactlyAndAChangeShowsAtOnce() async throws {
        try await ServerFixture.with { fixture in
            let admin = fixture.tenancy.admin
            let torun = try await CaseRecords(pool: admin, tenant: "torun", actor: "test")
            // A staff code with every kind of character a code may hold besides letters and digits.
            try await torun.write(.staff, [["code": "S-9.x_y", "adoption": "wygrana-rodzina", "role": "family-assistant", "organisation": "mopr"]])
            let directory = AccountDirectory(pool: admin)
            try await directory.grant(RoleGrant(role: .analyst), to: "caseworker1@torun.test")
            try await directory.grant(RoleGrant(role: .coordinator, tenant: "warszawa"), to: "caseworker1@torun.test")
            try await directory.grant(RoleGrant(role: .caseworker, tenant: "torun", staff: "S-9.x_y"), to: "coordinator@warszawa.test")
            #expect(
                try await directory.find(email: "coordinator@warszawa.test")?.grants == [
                    RoleGrant(role: .caseworker, tenant: "torun", staff: "S-9.x_y"), RoleGrant(role: .coordinator, tenant: "warszawa"),
                ])
            let expected = [
                RoleGrant(role: .analyst), RoleGrant(role: .caseworker, tenant: "torun", staff: "S-1"), RoleGrant(role: .coordinator, tenant: "warszawa"),
            ]
            #expect(try await directory.find(email: "caseworker1@torun.test")?.grants == expected)

            let token = Secrets.apiToken()
            let tokens = APITokens(pool: admin)
            _ = try await tokens.create(hash: Secrets.digest(token), email: "caseworker1@torun.test", tenant: nil, scope: .read, expiresAt: Date().addingTimeInterval(600))
            #expect(try await tokens.authenticate(hash: Secrets.digest(token))?.account.grants == expected)
            try await directory.revoke(RoleGrant(role: .coordinator, tenant: "warszawa"), from: "caseworker1@torun.test")
            #expect(try await tokens.authenticate(hash: Secrets.digest(token))?.account.grants == Array(expected.prefix(2)))
        }
    }
}
