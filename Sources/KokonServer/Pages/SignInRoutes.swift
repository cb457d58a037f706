import Engine
import Foundation
import Hummingbird
import Templates

/// Signing in and out in the browser.
///
/// The sign-in form is protected from cross-site submission before any session exists by a
/// token sent twice: in a cookie and in the form. Signing in always starts a new session id.
enum SignInRoutes {
    /// The cookie that carries the sign-in form's token.
    static let formCookie = "kokon_form"

    static func add(to router: RouterGroup<KokonRequestContext>, services: ServerServices) {
        let secure = services.configuration.behindTLS
        let limit = services.configuration.bodyLimit

        router.get("/") { _, context -> Response in
            guard let principal = context.principal else { return redirect("/sign-in") }
            let roles = principal.account.grants.map { grant in
                [grant.role.polishName, grant.tenant.map { "— \($0)" }, grant.staff.map { "(kod pracownika \($0))" }].compactMap { $0 }.joined(separator: " ")
            }
            let tenants = Set(principal.account.grants.filter { $0.role.isPerMunicipality }.compactMap(\.tenant)).sorted()
            let municipalities = tenants.map { HomePage.Municipality(name: services.catalog.tenant($0)?.name ?? $0, url: "/m/\($0)/households") }
            return Views.render(
                HomePage(
                    signedIn: SiteHeader(principal).signedIn, displayName: principal.account.displayName, email: principal.account.email, roles: roles,
                    municipalities: municipalities, hasMunicipalities: !municipalities.isEmpty,
                    mayReadNetwork: Policy.allows(principal, .readNetworkReport(model: nil, runningIn: []))))
        }

        router.get("/sign-in") { request, context -> Response in
            if context.principal != nil { return redirect("/") }
            var awaiting = false
            if let cookie = request.cookies[AuthenticationMiddleware.sessionCookie]?.value, !cookie.isEmpty {
                awaiting = try await services.sessions.resume(idHash: Secrets.digest(cookie))?.awaitingSecondFactor ?? false
            }
            return signInForm(problem: nil, email: "", secondFactor: awaiting, secure: secure)
        }

        router.post("/sign-in") { request, context -> Response in
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
            try checkFormToken(request, fields)
            let email = (fields["email"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = fields["password"] ?? ""
            let previous = request.cookies[AuthenticationMiddleware.sessionCookie].map { Secrets.digest($0.value) }
            switch try await services.signIn.attempt(email: email, password: password, address: context.remoteAddress, previous: previous) {
            case .refused:
                return signInForm(problem: SignIn.refusal, email: email, secondFactor: false, secure: secure, status: .unauthorized)
            case .secondFactorRequired:
                return signInForm(
                    problem: "Administrator sieci musi mieć drugi składnik logowania. Poproś innego administratora o polecenie: kokon account second-factor \(email)",
                    email: email, secondFactor: false, secure: secure, status: .forbidden)
            case .started(let cookie, _, let awaiting):
                var response = awaiting ? signInForm(problem: nil, email: "", secondFactor: true, secure: secure) : redirect("/")
                response.setCookie(sessionCookie(cookie, secure: secure))
                return response
            }
        }

        router.post("/sign-in/second-factor") { request, context -> Response in
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
            try checkFormToken(request, fields)
            guard let cookie = request.cookies[AuthenticationMiddleware.sessionCookie]?.value,
                try await services.signIn.confirmSecondFactor(code: fields["code"] ?? "", cookie: cookie, address: context.remoteAddress)
            else {
                return signInForm(
                    problem: "Kod jest nieprawidłowy albo wygasł. Wpisz aktualny kod z aplikacji.", email: "", secondFactor: true, secure: secure,
                    status: .unauthorized)
            }
            return redirect("/")
        }

        router.post("/sign-out") { request, context -> Response in
            if case .browser(let idHash, _)? = context.principal?.credential {
                try await services.sessions.end(idHash: idHash)
            }
            var response = redirect("/sign-in")
            response.setCookie(sessionCookie("", secure: secure, maxAge: 0))
            return response
        }
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The session cookie; `maxAge: 0` removes it from the browser.
    static func sessionCookie(_ value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: AuthenticationMiddleware.sessionCookie, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The form with a fresh token, set as a cookie too.
    static func signInForm(problem: String?, email: String, secondFactor: Bool, secure: Bool, status: HTTPResponse.Status = .ok) -> Response {
        let token = Secrets.random(bytes: 24)
        var response = Views.render(
            SignInPage(
                title: secondFactor ? "Drugi składnik logowania" : "Logowanie do Kokonu", problem: problem, email: email, formToken: token,
                secondFactor: secondFactor),
            status: status)
        response.setCookie(Cookie(name: formCookie, value: token, path: "/sign-in", secure: secure, httpOnly: true, sameSite: .strict))
        return response
    }

    /// The form's token must match its cookie: another site can make a browser send the form,
    /// but cannot read or set the cookie.
    static func checkFormToken(_ request: Request, _ fields: FormFields) throws {
        guard let cookie = request.cookies[formCookie]?.value, let given = fields[CSRFMiddleware.field], Secrets.equal(cookie, given) else {
            throw Problem(.forbidden, "Form expired", "the sign-in form was out of date; reload the page and sign in again")
        }
    }
}
