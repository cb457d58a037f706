import Engine
import Hummingbird
import Reporting

/// Changing one's own password: the current one first, then the new one twice. Every
/// session of the account ends, so a stolen session does not outlive the change.
enum PasswordRoutes {
    struct PasswordPage: Page {
        static let template = "password"
        let title = "Zmiana hasła"
        let signedIn: SiteHeader.SignedIn?
        let csrfToken: String
        let summary: String?
        let fields: [FormField]
    }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        let limit = services.configuration.bodyLimit

        pages.get("/account/password") { _, context -> Response in
            guard context.principal != nil else { throw Problem.unauthenticated }
            return form(context, problems: [:])
        }

        pages.post("/account/password") { request, context -> Response in
            guard let principal = context.principal, case .browser = principal.credential else { throw Problem.unauthenticated }
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
            let current = fields["current"] ?? ""
            let new = fields["new"] ?? ""
            guard let stored = try await services.accounts.credentials(email: principal.account.email),
                try await PasswordHasher.verify(current, hash: stored.passwordHash)
            else {
                return form(context, problems: ["current": "Obecne hasło jest nieprawidłowe."])
            }
            if let problem = PasswordPolicy.problem(with: new, email: principal.account.email) {
                return form(context, problems: ["new": "Nowe hasło nie spełnia zasad (\(problem))."])
            }
            guard new == fields["repeat"] else { return form(context, problems: ["repeat": "Hasła różnią się; wpisz nowe hasło dwa razy tak samo."]) }
            try await services.accounts.setPasswordHash(try await PasswordHasher.hash(new), email: principal.account.email)
            return SignInRoutes.redirect("/sign-in")
        }
    }

    static func form(_ context: KokonRequestContext, problems: [String: String]) -> Response {
        var fields = [
            FormField(id: "current", name: "current", label: "Obecne hasło", type: "password"),
            FormField(id: "new", name: "new", label: "Nowe hasło", type: "password"),
            FormField(id: "repeat", name: "repeat", label: "Nowe hasło jeszcze raz", type: "password"),
        ]
        for index in fields.indices { fields[index].error = problems[fields[index].name] }
        return Views.render(
            PasswordPage(
                signedIn: SiteHeader(context.principal).signedIn, csrfToken: CaseworkRoutes.csrf(context),
                summary: problems.isEmpty ? nil : "Hasło nie zostało zmienione.", fields: fields),
            status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
