import Engine
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KokonServer
import Testing

/// Attempts to reach what a caller must not, through the API: every one is refused, and no
/// answer carries another municipality's or another caseworker's records.
@Suite("Isolation through the API")
struct IsolationTests {
    struct Attempt: Sendable, CustomStringConvertible {
        let what: String
        let uri: String
        var method: HTTPRequest.Method = .get
        var headers: HTTPFields = [:]
        var body: String?
        /// Text that must not appear in the answer: what Warszawa's records hold, which the
        /// caller did not send (its areas and a birth year).
        var secret: [String] = ["nowa-praga", "stara-praga", "1990"]
        /// A filter that matches nothing here may answer with an empty page.
        var emptyPageAllowed = false
        var description: String { "\(method) \(uri): \(what)" }
    }

    static func attempts(_ fixture: ServerFixture) -> [Attempt] {
        var list: [Attempt] = []
        let kinds = RecordKind.all.map(\.name)
        // A coordinator's token for Toruń, narrowed and not, on Warszawa's records.
        for token in ["torunWrite", "torunAny"] {
            for kind in kinds {
                list.append(Attempt(what: "\(token) lists Warszawa's \(kind)", uri: "/api/v1/municipalities/warszawa/records/\(kind)", headers: fixture.bearer(token)))
                list.append(
                    Attempt(
                        what: "\(token) writes Warszawa's \(kind)", uri: "/api/v1/municipalities/warszawa/records/\(kind)", method: .post,
                        headers: merged(fixture.bearer(token), jsonHeaders), body: #"{"code":"X-1","area":"nowa-praga","size":2}"#))
            }
            list.append(Attempt(what: "\(token) opens W-1 by code", uri: "/api/v1/municipalities/warszawa/records/households/W-1", headers: fixture.bearer(token)))
            list.append(
                Attempt(what: "\(token) deletes W-2", uri: "/api/v1/municipalities/warszawa/records/households/W-2", method: .delete, headers: fixture.bearer(token)))
            list.append(Attempt(what: "\(token) evaluates Warszawa", uri: "/api/v1/municipalities/warszawa/evaluation", headers: fixture.bearer(token)))
            list.append(Attempt(what: "\(token) publishes Warszawa", uri: "/api/v1/municipalities/warszawa/publications", method: .post, headers: fixture.bearer(token)))
        }
        // Warszawa's codes through Toruń's addresses: they are not Toruń's records.
        list.append(Attempt(what: "W-1 asked of Toruń", uri: "/api/v1/municipalities/torun/records/households/W-1", headers: fixture.bearer("torunWrite")))
        list.append(Attempt(what: "WP-1 asked of Toruń", uri: "/api/v1/municipalities/torun/records/persons/WP-1", headers: fixture.bearer("torunWrite")))
        list.append(
            Attempt(
                what: "filter by W-1 in Toruń", uri: "/api/v1/municipalities/torun/records/persons?household=W-1", headers: fixture.bearer("torunWrite"),
                emptyPageAllowed: true))
        // Another tenant's ids in a body: refused as not recorded here.
        list.append(
            Attempt(
                what: "a Toruń person in Warszawa's household", uri: "/api/v1/municipalities/torun/records/persons", method: .post,
                headers: merged(fixture.bearer("torunWrite"), jsonHeaders), body: #"{"code":"P-77","household":"W-1","birth_year":1990,"relation":"head"}"#))
        list.append(
            Attempt(
                what: "a Toruń enrolment of Warszawa's person", uri: "/api/v1/municipalities/torun/records/enrolments", method: .post,
                headers: merged(fixture.bearer("torunWrite"), jsonHeaders),
                body: #"{"adoption":"wygrana-rodzina","person":"WP-1","target_group":"families","start":"2025-01-01"}"#))
        // Traversal and encoded slashes in ids.
        for uri in [
            "/api/v1/municipalities/..%2Fwarszawa/records/households", "/api/v1/municipalities/torun%2F..%2Fwarszawa/records/households",
            "/api/v1/municipalities/t_warszawa/records/households", "/api/v1/municipalities/torun/records/households/..%2F..%2Fwarszawa%2Frecords%2Fhouseholds%2FW-1",
            "/api/v1/municipalities/torun/../warszawa/records/households", "/api/v1/municipalities/WARSZAWA/records/households",
            "/api/v1/municipalities/warszawa%00/records/households", "/api/v1/municipalities/torun/records/households%2F..%2F..%2F..%2Fwarszawa",
        ] {
            list.append(Attempt(what: "traversal", uri: uri, headers: fixture.bearer("torunWrite")))
        }
        // An analyst asks for case records, evaluation and publishing.
        for kind in kinds {
            list.append(Attempt(what: "analyst lists \(kind)", uri: "/api/v1/municipalities/torun/records/\(kind)", headers: fixture.bearer("analyst")))
        }
        list.append(Attempt(what: "analyst evaluates", uri: "/api/v1/municipalities/torun/evaluation", headers: fixture.bearer("analyst")))
        // The network administrator reads no case records.
        list.append(Attempt(what: "administrator opens H-1", uri: "/api/v1/municipalities/torun/records/households/H-1", headers: fixture.bearer("admin"), secret: ["mokre"]))
        // A caseworker on a household not assigned to them, and on the coordinator's kinds.
        list.append(
            Attempt(what: "caseworker 2 opens H-1", uri: "/api/v1/municipalities/torun/records/households/H-1", headers: fixture.bearer("caseworker2"), secret: ["mokre"]))
        list.append(
            Attempt(what: "caseworker 2 opens P-1", uri: "/api/v1/municipalities/torun/records/persons/P-1", headers: fixture.bearer("caseworker2"), secret: ["1985"]))
        list.append(
            Attempt(
                what: "caseworker 2 changes H-1", uri: "/api/v1/municipalities/torun/records/households/H-1", method: .put,
                headers: merged(fixture.bearer("caseworker2"), jsonHeaders), body: #"{"area":"mokre","size":9}"#, secret: ["mokre"]))
        list.append(
            Attempt(
                what: "caseworker 2 adds a person to H-1", uri: "/api/v1/municipalities/torun/records/persons", method: .post,
                headers: merged(fixture.bearer("caseworker2"), jsonHeaders), body: #"{"code":"P-88","household":"H-1","birth_year":2015,"relation":"child"}"#))
        list.append(
            Attempt(what: "caseworker 1 opens H-2", uri: "/api/v1/municipalities/torun/records/households/H-2", headers: fixture.bearer("caseworker1"), secret: ["podgorz"]))
        list.append(Attempt(what: "caseworker lists staff", uri: "/api/v1/municipalities/torun/records/staff", headers: fixture.bearer("caseworker1")))
        list.append(Attempt(what: "caseworker lists expenditures", uri: "/api/v1/municipalities/torun/records/expenditures", headers: fixture.bearer("caseworker1")))
        list.append(Attempt(what: "caseworker publishes", uri: "/api/v1/municipalities/torun/publications", method: .post, headers: fixture.bearer("caseworker1")))
        // Tokens that must not write.
        for token in ["expired", "revoked", "torunRead"] {
            list.append(
                Attempt(
                    what: "\(token) token writes", uri: "/api/v1/municipalities/torun/records/households", method: .post,
                    headers: merged(fixture.bearer(token), jsonHeaders), body: #"{"code":"H-99","area":"mokre","size":2}"#))
        }
        list.append(Attempt(what: "a made-up token", uri: "/api/v1/municipalities/torun/records/households", headers: [.authorization: "Bearer kokon_madeup"]))
        list.append(Attempt(what: "no credentials", uri: "/api/v1/municipalities/torun/records/households"))
        return list
    }

    @Test func everyAttemptIsRefused() async throws {
        try await ServerFixture.with { fixture in
            let attempts = Self.attempts(fixture)
            #expect(attempts.count >= 60)
            let households = try await fixture.count("households")
            let warszawa = try await fixture.count("households", in: "warszawa")
            try await fixture.application.test(.router) { client in
                for attempt in attempts {
                    try await client.execute(uri: attempt.uri, method: attempt.method, headers: attempt.headers, body: attempt.body.map(json)) { response in
                        if attempt.emptyPageAllowed && response.status == .ok {
                            #expect(response.text == #"{"next":null,"records":[]}"#, "\(attempt) found records")
                        } else {
                            #expect([400, 401, 403, 404, 422].contains(response.status.code), "\(attempt) was answered \(response.status.code): \(response.text)")
                        }
                        for secret in attempt.secret {
                            #expect(!response.text.contains(secret), "\(attempt) revealed \(secret)")
                        }
                    }
                }
            }
            #expect(try await fixture.count("households") == households)
            #expect(try await fixture.count("persons") == 3)
            #expect(try await fixture.count("households", in: "warszawa") == warszawa)
        }
    }

    /// The same addresses work for those who may use them, so the refusals above are not
    /// an accident of a broken route.
    @Test func theRightfulCallerIsServed() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.application.test(.router) { client in
                try await client.execute(uri: "/api/v1/municipalities/warszawa/records/households/W-1", method: .get, headers: fixture.bearer("warszawa")) {
                    #expect($0.status == .ok)
                    #expect($0.text.contains("nowa-praga"))
                }
                try await client.execute(uri: "/api/v1/municipalities/torun/records/households/H-1", method: .get, headers: fixture.bearer("caseworker1")) {
                    #expect($0.status == .ok)
                }
                try await client.execute(uri: "/api/v1/municipalities/torun/records/persons?household=H-1", method: .get, headers: fixture.bearer("caseworker1")) {
                    #expect($0.status == .ok)
                    #expect($0.text.contains("P-1"))
                }
                // Caseworker 2 sees nothing of H-1, but the households they register.
                try await client.execute(uri: "/api/v1/municipalities/torun/records/households", method: .get, headers: fixture.bearer("caseworker2")) {
                    #expect($0.text == #"{"next":null,"records":[]}"#)
                }
                try await client.execute(
                    uri: "/api/v1/municipalities/torun/records/households", method: .post, headers: merged(fixture.bearer("caseworker2"), jsonHeaders),
                    body: json(#"{"code":"H-20","area":"mokre","size":3}"#)
                ) { #expect($0.status == .created) }
                try await client.execute(uri: "/api/v1/municipalities/torun/records/households", method: .get, headers: fixture.bearer("caseworker2")) {
                    #expect($0.text.contains("H-20"))
                    #expect(!$0.text.contains("H-1\""))
                }
                try await client.execute(uri: "/api/v1/network/wygrana-rodzina/report", method: .get, headers: fixture.bearer("analyst")) {
                    #expect($0.status == .ok)
                }
            }
        }
    }
}
