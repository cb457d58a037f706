import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KokonServer
import KokonTestSupport
import Logging
import Postgres
import Templates
import Testing

/// The API's contract: records checked like imports, problems in RFC 9457 form, limits,
/// retries that record once, and a document that matches the routes.
@Suite("JSON API")
struct APITests {
    static let households = "/api/v1/municipalities/torun/records/households"

    @Test func recordsAreCheckedLikeImportsAndChangedInPlace() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.application.test(.router) { client in
                let write = merged(fixture.bearer("torunWrite"), jsonHeaders)
                let bad = try await client.execute(uri: Self.households, method: .post, headers: write, body: json(#"{"code":"H-9","area":"atlantyda","size":3}"#))
                #expect(bad.status == .unprocessableContent)
                #expect(bad.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                let problem = try JSONSerialization.jsonObject(with: Data(bad.text.utf8)) as! [String: Any]
                let issue = (problem["errors"] as! [[String: Any]])[0]
                #expect(issue["field"] as? String == "area")
                // The same words as `kokon import`.
                #expect((issue["reason"] as! String).hasPrefix("area 'atlantyda' is not one of this municipality's areas"))

                let created = try await client.execute(uri: Self.households, method: .post, headers: write, body: json(#"{"code":"H-9","area":"mokre","size":3}"#))
                #expect(created.status == .created && created.text.contains(#""added":1"#))
                let changed = try await client.execute(uri: Self.households + "/H-9", method: .put, headers: write, body: json(#"{"area":"podgorz","size":5}"#))
                #expect(changed.status == .ok && changed.text.contains("podgorz"))
                let refused = try await client.execute(uri: Self.households + "/H-9", method: .put, headers: write, body: json(#"{"area":"podgorz","size":50}"#))
                #expect(refused.status == .unprocessableContent && refused.text.contains("size"))
                let renamed = try await client.execute(uri: Self.households + "/H-9", method: .put, headers: write, body: json(#"{"code":"H-10","area":"mokre","size":1}"#))
                #expect(renamed.status == .badRequest)
                let inUse = try await client.execute(uri: Self.households + "/H-1", method: .delete, headers: fixture.bearer("torunWrite"))
                #expect(inUse.status == .conflict && inUse.text.contains("person"))
                #expect(try await client.execute(uri: Self.households + "/H-9", method: .delete, headers: fixture.bearer("torunWrite")).status == .noContent)
                #expect(try await client.execute(uri: Self.households + "/H-9", method: .get, headers: fixture.bearer("torunWrite")).status == .notFound)

                // Attendance per session, all or none.
                let attendance = "/api/v1/municipalities/torun/sessions/SES-1/attendance"
                let mixed = try await client.execute(
                    uri: attendance, method: .post, headers: write, body: json(#"{"attendance":[{"person":"P-2","status":"present"},{"person":"P-404","status":"present"}]}"#))
                #expect(mixed.status == .unprocessableContent)
                let listed = try await client.execute(uri: "/api/v1/municipalities/torun/records/attendance?limit=500", method: .get, headers: fixture.bearer("torunWrite"))
                #expect(!listed.text.contains("P-404"))
            }
        }
    }

    @Test func theAdaptationRegisterIsReadAndAddedToWithTheSameChecks() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.application.test(.router) { client in
                let uri = "/api/v1/municipalities/torun/adaptations"
                let write = merged(fixture.bearer("torunWrite"), jsonHeaders)
                let frame =
                    #""adoption":"wygrana-rodzina","reason":"Więcej czasu dla rodzin.","decided_by":"Zespół koordynujący","decided_on":"2025-06-01","planned":"planned","phase":"implementation","decider":"programme-manager","modifies":"content","level":"individual","fidelity":"consistent","goal":"effectiveness","reason_level":"recipient""#
                let shorter = try await client.execute(
                    uri: uri, method: .post, headers: write, body: json(#"{"code":"A-1","change":"minimum-duration","duration":12,"nature":"shortening","# + frame + "}"))
                #expect(shorter.status == .unprocessableContent)
                let problem = try JSONSerialization.jsonObject(with: Data(shorter.text.utf8)) as! [String: Any]
                let issue = (problem["errors"] as! [[String: Any]])[0]
                #expect(issue["field"] as? String == "duration" && (issue["reason"] as! String).contains("18 miesięcy"))
                let longer = try await client.execute(
                    uri: uri, method: .post, headers: write, body: json(#"{"code":"A-1","change":"minimum-duration","duration":24,"nature":"lengthening","# + frame + "}"))
                #expect(longer.status == .created && longer.text.contains(#""duration":"24""#) && longer.text.contains(#""nature":"lengthening""#))
                let listed = try await client.execute(uri: uri, method: .get, headers: fixture.bearer("torunRead"))
                #expect(listed.status == .ok && listed.text.contains(#""code":"A-1""#))
                // Reading is not writing: a read token, and a caseworker, record nothing.
                let again = json(#"{"code":"A-2","change":"minimum-duration","duration":30,"nature":"lengthening","# + frame + "}")
                #expect(try await client.execute(uri: uri, method: .post, headers: merged(fixture.bearer("torunRead"), jsonHeaders), body: again).status == .forbidden)
                #expect(try await client.execute(uri: uri, method: .post, headers: merged(fixture.bearer("caseworker1"), jsonHeaders), body: again).status == .forbidden)
                let unknown = try await client.execute(uri: uri, method: .post, headers: write, body: json(#"{"surname":"Kowalski"}"#))
                #expect(unknown.status == .badRequest && unknown.text.contains("unknown field 'surname'"))
            }
        }
    }

    @Test func pagesFollowTheCursor() async throws {
        try await ServerFixture.with { fixture in
            let records = try await CaseRecords(pool: fixture.tenancy.admin, tenant: "torun", actor: "test")
            try await records.write(.households, (10..<35).map { ["code": "H-\($0)", "area": "mokre", "size": "2"] })
            try await fixture.application.test(.router) { client in
                var seen: [String] = []
                var uri = Self.households + "?limit=10"
                while true {
                    let page = try await client.execute(uri: uri, method: .get, headers: fixture.bearer("torunRead"))
                    #expect(page.status == .ok)
                    let object = try JSONSerialization.jsonObject(with: Data(page.text.utf8)) as! [String: Any]
                    seen += (object["records"] as! [[String: Any]]).map { $0["code"] as! String }
                    guard let next = object["next"] as? String else { break }
                    uri = Self.households + "?limit=10&after=" + next
                }
                #expect(seen.count == 27 && Set(seen).count == 27)
                #expect(try await client.execute(uri: Self.households + "?after=%%%", method: .get, headers: fixture.bearer("torunRead")).status == .badRequest)
                #expect(try await client.execute(uri: Self.households + "?colour=red", method: .get, headers: fixture.bearer("torunRead")).status == .badRequest)
                #expect(try await client.execute(uri: Self.households + "?limit=0", method: .get, headers: fixture.bearer("torunRead")).status == .badRequest)
            }
        }
    }

    /// Wygrana Rodzina with a yes/no criterion its families group excludes.
    static let excludingOtherProgrammes = TenancyFixture.shipped(editing: "models/wygrana-rodzina/1.0.0.yaml") {
        $0.replacingOccurrences(
            of: "target_groups:\n",
            with: "  - id: in-other-programme\n    name: {pl: w innym programie wsparcia rodzin}\ntarget_groups:\n"
        ).replacingOccurrences(
            of: "    criteria: [inherited-poverty, lives-in-selected-area]\n",
            with: "    criteria: [inherited-poverty, lives-in-selected-area]\n    excludes: [in-other-programme]\n")
    }

    @Test func anEnrolmentAGroupExcludesIsRefusedNamingTheCriterion() async throws {
        let catalog = Self.excludingOtherProgrammes
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map(\.message))")
        try await ServerFixture.with(serving: catalog, applying: catalog) { fixture in
            try await fixture.application.test(.router) { client in
                let write = merged(fixture.bearer("torunWrite"), jsonHeaders)
                let base = "/api/v1/municipalities/torun/records/"
                #expect(
                    try await client.execute(uri: base + "households", method: .post, headers: write, body: json(#"{"code":"H-9","area":"mokre","size":2}"#)).status == .created)
                let person = #"{"code":"P-9","household":"H-9","birth_year":1990,"relation":"head","flags":"in-other-programme"}"#
                #expect(try await client.execute(uri: base + "persons", method: .post, headers: write, body: json(person)).status == .created)
                let enrolment = #"{"adoption":"wygrana-rodzina","household":"H-9","target_group":"families","start":"2025-01-01"}"#
                let refused = try await client.execute(uri: base + "enrolments", method: .post, headers: write, body: json(enrolment))
                #expect(refused.status == .unprocessableContent)
                #expect(
                    refused.text.contains(
                        "household H-9 meets 'in-other-programme' (w innym programie wsparcia rodzin), which target group families excludes; enrol in another group, or correct the flags"
                    ))
                #expect(try await fixture.count("enrolments") == 3, "the example's three enrolments, no more")
            }
        }
    }

    @Test func badBodiesAreRefusedWithTheRightStatus() async throws {
        var configuration = ServerConfiguration(port: 0)
        configuration.bodyLimit = 4096
        try await ServerFixture.with(configuration: configuration) { fixture in
            try await fixture.application.test(.router) { client in
                let write = merged(fixture.bearer("torunWrite"), jsonHeaders)
                let big = #"{"code":"H-9","area":"mokre","size":3,"x":""# + String(repeating: "a", count: 5000) + #""}"#
                #expect(try await client.execute(uri: Self.households, method: .post, headers: write, body: json(big)).status == .contentTooLarge)
                let form: HTTPFields = merged(fixture.bearer("torunWrite"), [.contentType: "text/csv"])
                #expect(try await client.execute(uri: Self.households, method: .post, headers: form, body: json("code,area,size")).status == .unsupportedMediaType)
                let unknown = try await client.execute(
                    uri: Self.households, method: .post, headers: write, body: json(#"{"code":"H-9","area":"mokre","size":3,"name":"Kowalski"}"#))
                #expect(unknown.status == .badRequest && unknown.text.contains("unknown field 'name'"))
                #expect(try await client.execute(uri: Self.households, method: .post, headers: write, body: json("[1,2]")).status == .badRequest)
                #expect(try await client.execute(uri: Self.households, method: .post, headers: write, body: json("{nope")).status == .badRequest)
                let nul = try await client.execute(uri: Self.households, method: .post, headers: write, body: json(#"{"code":"H-\u0000","area":"mokre","size":3}"#))
                #expect(nul.status.code < 500)
                #expect(try await fixture.count("households") == 2)
            }
        }
    }

    @Test func aRetriedPostRecordsOnce() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.application.test(.router) { client in
                let headers = merged(merged(fixture.bearer("torunWrite"), jsonHeaders), [.init("Idempotency-Key")!: "visit-2026-12-01-a"])
                let body =
                    #"{"code":"SES-9","adoption":"wygrana-rodzina","component":"family-education","activity":"parent-workshop","date":"2025-03-01","minutes":60,"staff":"S-2"}"#
                let uri = "/api/v1/municipalities/torun/records/sessions"
                let first = try await client.execute(uri: uri, method: .post, headers: headers, body: json(body))
                #expect(first.status == .created, "\(first.text)")
                let second = try await client.execute(uri: uri, method: .post, headers: headers, body: json(body))
                #expect(second.status == .created && second.text == first.text)
                #expect(second.headers[.init("Idempotent-Replayed")!] == "true")
                let other = try await client.execute(uri: uri, method: .post, headers: headers, body: json(body.replacingOccurrences(of: "60", with: "90")))
                #expect(other.status == .unprocessableContent)
                #expect(try await fixture.count("sessions") == 3)
            }
        }
    }

    @Test func theDocumentDescribesExactlyTheRoutes() async throws {
        try await ServerFixture.with { fixture in
            let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as! [String: Any]
            let paths = document["paths"] as! [String: [String: Any]]
            var documented: Set<String> = []
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) { documented.insert("\(method.uppercased()) \(path)") }
            }
            let routed = Set(KokonServer.router(services: fixture.services).routes.map { "\($0.method) \($0.path)" })
            // The browser pages are not part of the API; everything else must be documented.
            let api = routed.filter { $0.contains(" /api/") || ["GET /healthz", "GET /readyz", "GET /metrics"].contains($0) }
            #expect(routed.count > api.count)
            #expect(api == documented, "routes without documentation: \(api.subtracting(documented)); documented but not routed: \(documented.subtracting(api))")
            try await fixture.application.test(.router) { client in
                let served = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
                #expect(served.text == OpenAPIDocument.text)
            }
        }
    }

    @Test func logsAndMetricsCarryRoutesNotCodes() async throws {
        try await ServerFixture.with { fixture in
            let captured = CapturedLogs()
            let app = Application(
                router: KokonServer.router(services: fixture.services), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                logger: Logger(label: "test") { _ in captured })
            try await app.test(.router) { client in
                #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
                #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
                let read = try await client.execute(uri: Self.households + "/H-1", method: .get, headers: fixture.bearer("torunRead"))
                #expect(read.status == .ok && read.headers[.init("X-Request-Id")!] != nil)
                #expect(read.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                let metrics = try await client.execute(uri: "/metrics", method: .get)
                #expect(metrics.text.contains(#"kokon_http_requests_total{route="/api/v1/municipalities/{tenant}/records/{kind}/{code}",method="GET",status="200"} 1"#))
                #expect(metrics.text.contains("kokon_db_pool_connections_open"))
            }
            let lines = captured.entries.map(\.message).joined(separator: "\n") + captured.renderedMetadata
            #expect(lines.contains("/api/v1/municipalities/{tenant}/records/{kind}/{code}"))
            #expect(!lines.contains("H-1") && !lines.contains("kokon_") && !lines.contains(fixture.tokens["torunRead"]!))
            // Reading a household as a coordinator is audited, by key only.
            try await fixture.services.audit.flush()
            let audited = try await fixture.tenancy.admin.query("SELECT kind, key FROM kokon.read_audit").rows.map {
                "\(try $0.decode("kind", as: String.self)) \(try $0.decode("key", as: String.self))"
            }
            #expect(audited == ["households H-1"])
        }
    }

    /// The second wall: with no scope stated, a tenant transaction sees no household, and a
    /// caseworker's scope hides the others' families whatever the query asks.
    @Test func rowLevelSecurityHoldsWithoutTheServer() async throws {
        try await ServerFixture.with { fixture in
            let boundary = try await CaseRecords(pool: fixture.tenancy.app, tenant: "torun", actor: "test").tenant
            let unscoped = try await fixture.tenancy.app.withSession { session in
                try await session.transaction(as: boundary.role, searchPath: [boundary.schema]) {
                    try await $0.query("SELECT count(*) FROM household").scalar(Int.self)
                }
            }
            #expect(unscoped == 0)
            let caseworker = CaseRecords(pool: fixture.tenancy.app, boundary: boundary, actor: "test", scope: .caseworker(staff: "S-1"))
            let visible = try await caseworker.transaction { session in
                try await session.query("SELECT array_agg(code ORDER BY code) FROM household").scalar([String].self)
            }
            #expect(visible == ["H-1"])
            let persons = try await caseworker.transaction { try await $0.query("SELECT count(*) FROM person WHERE household = 'H-2'").scalar(Int.self) }
            #expect(persons == 0)
            let everyone = CaseRecords(pool: fixture.tenancy.app, boundary: boundary, actor: "test", scope: .all)
            #expect(try await everyone.count(.households) == 2)
        }
    }
}
