import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KokonServer
import Testing

/// Sign-in, cookies, CSRF and lockout on the real server over loopback.
@Suite("Browser sessions")
struct BrowserSessionTests {
    /// A browser's cookie jar, kept by hand.
    final class Browser: @unchecked Sendable {
        var cookies: [String: String] = [:]
        let lock = NSLock()

        var header: HTTPFields {
            lock.withLock {
                cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
            }
        }

        func keep(_ response: TestResponse) {
            for value in response.headers[values: .setCookie] {
                let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                let name = String(pair[0])
                let content = pair.count > 1 ? String(pair[1]) : ""
                lock.withLock { if content.isEmpty { cookies[name] = nil } else { cookies[name] = content } }
            }
        }

        subscript(name: String) -> String? { lock.withLock { cookies[name] } }
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return ByteBuffer(
            string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.sorted().joined(separator: "&"))
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Opens the sign-in form and sends it; returns the answer.
    static func signIn(_ client: some TestClientProtocol, _ browser: Browser, email: String, password: String) async throws -> TestResponse {
        let page = try await client.execute(uri: "/sign-in", method: .get, headers: browser.header)
        browser.keep(page)
        let token = try #require(hidden("csrf_token", in: page.text), "the sign-in page answered \(page.status): \(page.text)")
        let response = try await client.execute(
            uri: "/sign-in", method: .post, headers: merged(merged(browser.header, formType), [:]),
            body: form(["csrf_token": token, "email": email, "password": password]))
        browser.keep(response)
        return response
    }

    @Test func signInStartsANewSessionAndSignOutEndsIt() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                browser.cookies["kokon_session"] = "planted-by-an-attacker"
                let answer = try await Self.signIn(client, browser, email: "Coordinator@Torun.test", password: ServerFixture.password)
                #expect(answer.status == .seeOther)
                let session = try #require(browser["kokon_session"])
                #expect(session != "planted-by-an-attacker" && session.count >= 40)
                let cookie = answer.headers[values: .setCookie].first { $0.hasPrefix("kokon_session=") } ?? ""
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
                let home = try await client.execute(uri: "/", method: .get, headers: browser.header)
                #expect(home.status == .ok && home.text.contains("koordynator — torun"))
                let csrf = try #require(Self.hidden("csrf_token", in: home.text))
                let out = try await client.execute(uri: "/sign-out", method: .post, headers: merged(browser.header, Self.formType), body: Self.form(["csrf_token": csrf]))
                #expect(out.status == .seeOther)
                let ended = try await client.execute(uri: "/api/v1/municipalities", method: .get, headers: [.cookie: "kokon_session=\(session)"])
                #expect(ended.status == .unauthorized)
                // Signing in again gives yet another id.
                _ = try await Self.signIn(client, browser, email: "coordinator@torun.test", password: ServerFixture.password)
                let again = try #require(browser["kokon_session"])
                #expect(again != session)
                #expect(try await client.execute(uri: "/api/v1/municipalities", method: .get, headers: browser.header).status == .ok)
            }
        }
    }

    @Test func refusalsLookTheSameAndLockoutEnds() async throws {
        // The lock lasts its full 15 minutes; time passes by moving the recorded failures back,
        // so a slow machine (each attempt checks a bcrypt hash) cannot let a failure expire early.
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                func refusal(_ email: String, _ password: String) async throws -> (UInt, String) {
                    let response = try await Self.signIn(client, Browser(), email: email, password: password)
                    let text = response.text.replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression)
                    return (UInt(response.status.code), text.replacingOccurrences(of: email, with: "EMAIL"))
                }
                let wrong = try await refusal("analyst@network.test", "not the password at all")
                let unknown = try await refusal("nobody@network.test", "not the password at all")
                #expect(wrong.0 == 401 && wrong == unknown)
                // Five failures lock the account; then even the right password is refused alike.
                for _ in 0..<4 { _ = try await refusal("analyst@network.test", "still not the password") }
                #expect(try await refusal("analyst@network.test", ServerFixture.password) == wrong)
                // Ten minutes later it is still locked; after the whole window it opens again.
                try await fixture.ageSignInFailures(minutes: 10)
                #expect(try await refusal("analyst@network.test", ServerFixture.password) == wrong)
                try await fixture.ageSignInFailures(minutes: 6)
                let released = try await Self.signIn(client, Browser(), email: "analyst@network.test", password: ServerFixture.password)
                #expect(released.status == .seeOther)
            }
        }
    }

    @Test func stateChangesWithoutTheTokenWriteNothing() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await Self.signIn(client, browser, email: "coordinator@torun.test", password: ServerFixture.password)
                let body = json(#"{"code":"H-30","area":"mokre","size":2}"#)
                let uri = "/api/v1/municipalities/torun/records/households"
                let missing = try await client.execute(uri: uri, method: .post, headers: merged(browser.header, jsonHeaders), body: body)
                #expect(missing.status == .forbidden)
                let wrong = try await client.execute(uri: uri, method: .post, headers: merged(merged(browser.header, jsonHeaders), [.init("X-CSRF-Token")!: "guess"]), body: body)
                #expect(wrong.status == .forbidden)
                let forged = try await client.execute(
                    uri: "/sign-out", method: .post, headers: merged(browser.header, Self.formType), body: Self.form(["csrf_token": "guess"]))
                #expect(forged.status == .forbidden && forged.text.contains("Formularz wygasł"))
                #expect(try await fixture.count("households") == 2)
                // The session survived the forged sign-out, and with the token the write goes through.
                let csrf = try #require(Self.hidden("csrf_token", in: try await client.execute(uri: "/", method: .get, headers: browser.header).text))
                let right = try await client.execute(uri: uri, method: .post, headers: merged(merged(browser.header, jsonHeaders), [.init("X-CSRF-Token")!: csrf]), body: body)
                #expect(right.status == .created)
                #expect(try await fixture.count("households") == 3)
                // A sign-in form sent without its own token is refused too.
                let blind = try await client.execute(
                    uri: "/sign-in", method: .post, headers: Self.formType,
                    body: Self.form(["email": "coordinator@torun.test", "password": ServerFixture.password]))
                #expect(blind.status == .forbidden)
            }
        }
    }

    @Test func aDisabledAccountsSessionStopsAtOnce() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await Self.signIn(client, browser, email: "caseworker1@torun.test", password: ServerFixture.password)
                #expect(try await client.execute(uri: "/api/v1/municipalities", method: .get, headers: browser.header).status == .ok)
                try await fixture.services.accounts.setDisabled(true, email: "caseworker1@torun.test")
                #expect(try await client.execute(uri: "/api/v1/municipalities", method: .get, headers: browser.header).status == .unauthorized)
                #expect(try await client.execute(uri: "/api/v1/municipalities", method: .get, headers: fixture.bearer("caseworker1")).status == .unauthorized)
            }
        }
    }

    @Test func theSecondFactorIsAskedForAndChecked() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                let first = try await Self.signIn(client, browser, email: "admin@network.test", password: ServerFixture.password)
                #expect(first.status == .ok && first.text.contains("Drugi składnik"))
                // Between the password and the code, the session identifies nobody.
                #expect(try await client.execute(uri: "/api/v1/municipalities", method: .get, headers: browser.header).status == .unauthorized)
                let token = try #require(Self.hidden("csrf_token", in: first.text))
                let wrong = try await client.execute(
                    uri: "/sign-in/second-factor", method: .post, headers: merged(browser.header, Self.formType),
                    body: Self.form(["csrf_token": token, "code": "000000"]))
                #expect(wrong.status == .unauthorized)
                browser.keep(wrong)
                let again = try #require(Self.hidden("csrf_token", in: wrong.text))
                let right = try await client.execute(
                    uri: "/sign-in/second-factor", method: .post, headers: merged(browser.header, Self.formType),
                    body: Self.form(["csrf_token": again, "code": SecondFactor.code(secret: fixture.adminSecret)]))
                #expect(right.status == .seeOther)
                #expect(try await client.execute(uri: "/api/v1/municipalities", method: .get, headers: browser.header).status == .ok)
            }
        }
    }

    @Test func theSecondFactorIsSetUpInTheBrowserOnlyWithARightCode() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await Self.signIn(client, browser, email: "caseworker1@torun.test", password: ServerFixture.password)
                let setup = try await client.execute(uri: "/account/second-factor", method: .get, headers: browser.header)
                #expect(setup.status == .ok && setup.text.contains("otpauth://totp/Kokon:caseworker1@torun.test"))
                let secret = try #require(Self.hidden("secret", in: setup.text))
                let csrf = try #require(Self.hidden("csrf_token", in: setup.text))
                func post(_ uri: String, _ fields: [String: String]) async throws -> TestResponse {
                    try await client.execute(
                        uri: uri, method: .post, headers: merged(browser.header, Self.formType), body: Self.form(fields.merging(["csrf_token": csrf]) { a, _ in a }))
                }
                let stored = { try await fixture.services.accounts.credentials(email: "caseworker1@torun.test")?.secondFactor }
                let wrong = try await post("/account/second-factor", ["secret": secret, "code": "000000"])
                #expect(wrong.status == .unprocessableContent && wrong.text.contains("Kod się nie zgadza"))
                #expect(try await stored() == nil, "a wrong code keeps nothing")
                let right = try await post("/account/second-factor", ["secret": secret, "code": SecondFactor.code(secret: secret)])
                #expect(right.status == .seeOther && right.headers[.location] == "/account/second-factor?saved=on")
                #expect(try await stored() == secret)
                // The next sign-in asks for the code.
                let next = Browser()
                let asked = try await Self.signIn(client, next, email: "caseworker1@torun.test", password: ServerFixture.password)
                #expect(asked.status == .ok && asked.text.contains("Drugi składnik"))
                // Turning it off takes the password.
                #expect(try await post("/account/second-factor/off", ["current": "not the password"]).status == .unprocessableContent)
                #expect(try await stored() == secret)
                #expect(try await post("/account/second-factor/off", ["current": ServerFixture.password]).status == .seeOther)
                #expect(try await stored() == nil)
            }
        }
    }
}
