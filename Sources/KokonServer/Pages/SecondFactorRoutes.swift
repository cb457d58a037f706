import Engine
import Foundation
import Hummingbird
import Reporting

/// Setting up the second factor in the browser: a new key is shown (to type into an
/// authenticator app, or as its `otpauth://` address), and is kept only once a code made from
/// it proves the app has it. Turning it off takes the current password; a network
/// administrator, who cannot sign in without one, cannot turn it off.
enum SecondFactorRoutes {
    struct SecondFactorPage: Page {
        static let template = "second-factor"
        let title = "Drugi składnik logowania"
        let signedIn: SiteHeader.SignedIn?
        let csrfToken: String
        let saved: String?
        let summary: String?
        let enabled: Bool
        let mayTurnOff: Bool
        /// For setting up: the key in groups of four, the app's address, and the form's fields.
        let key: String?
        let address: String?
        let secret: String?
        let fields: [FormField]
    }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        let limit = services.configuration.bodyLimit

        pages.get("/account/second-factor") { request, context -> Response in
            guard let principal = context.principal else { throw Problem.unauthenticated }
            let saved: String? =
                switch request.uri.queryParameters.get("saved") {
                case "on": "Drugi składnik jest włączony: przy następnym logowaniu Kokon zapyta o kod z aplikacji."
                case "off": "Drugi składnik jest wyłączony."
                default: nil
                }
            return page(context, principal, secret: Secrets.secondFactorSecret(), saved: saved, problems: [:])
        }

        pages.post("/account/second-factor") { request, context -> Response in
            guard let principal = context.principal, case .browser = principal.credential else { throw Problem.unauthenticated }
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
            let secret = fields["secret"] ?? ""
            guard secret.count == 20, secret.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                return page(
                    context, principal, secret: Secrets.secondFactorSecret(), saved: nil, problems: ["code": "Klucz wygasł lub jest niepełny; zacznij od nowa z nowym kluczem."])
            }
            guard SecondFactor.verify(fields["code"] ?? "", secret: secret) else {
                return page(
                    context, principal, secret: secret, saved: nil,
                    problems: ["code": "Kod się nie zgadza. Wpisz 6 cyfr, które aplikacja pokazuje teraz dla Kokonu, i sprawdź, czy zegar telefonu jest ustawiony automatycznie."])
            }
            try await services.accounts.setSecondFactor(secret, account: principal.account.id)
            return SignInRoutes.redirect("/account/second-factor?saved=on")
        }

        pages.post("/account/second-factor/off") { request, context -> Response in
            guard let principal = context.principal, case .browser = principal.credential else { throw Problem.unauthenticated }
            guard !principal.account.holds(.networkAdministrator) else {
                throw Problem(.forbidden, "Forbidden", "a network administrator cannot sign in without a second factor, so it stays on")
            }
            var request = request
            let fields = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
            guard let stored = try await services.accounts.credentials(email: principal.account.email),
                try await PasswordHasher.verify(fields["current"] ?? "", hash: stored.passwordHash)
            else {
                return page(context, principal, secret: nil, saved: nil, problems: ["current": "Hasło jest nieprawidłowe; drugi składnik pozostaje włączony."])
            }
            try await services.accounts.setSecondFactor(nil, account: principal.account.id)
            return SignInRoutes.redirect("/account/second-factor?saved=off")
        }
    }

    static func page(_ context: KokonRequestContext, _ principal: Principal, secret: String?, saved: String?, problems: [String: String]) -> Response {
        let enabled = principal.account.hasSecondFactor
        var fields: [FormField]
        var address: String?
        var key: String?
        if enabled {
            fields = [FormField(id: "current", name: "current", label: "Obecne hasło", type: "password")]
        } else {
            fields = [
                FormField(
                    id: "code", name: "code", label: "Kod z aplikacji (6 cyfr)", hint: "Kod zmienia się co 30 sekund.", pattern: "[0-9 ]{6,7}",
                    inputMode: "numeric")
            ]
            if let secret {
                address = SecondFactor.authenticatorURL(secret: secret, email: principal.account.email)
                key = address.flatMap { URLComponents(string: $0)?.queryItems?.first { $0.name == "secret" }?.value }.map(grouped)
            }
        }
        for index in fields.indices { fields[index].error = problems[fields[index].name] }
        return Views.render(
            SecondFactorPage(
                signedIn: SiteHeader(context.principal).signedIn, csrfToken: CaseworkRoutes.csrf(context), saved: saved,
                summary: problems.isEmpty ? nil : enabled ? "Drugi składnik nie został wyłączony." : "Drugi składnik nie został włączony.",
                enabled: enabled, mayTurnOff: !principal.account.holds(.networkAdministrator), key: key, address: address,
                secret: enabled ? nil : secret, fields: fields),
            status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// A key in groups of four letters, as authenticator apps show and accept it.
    static func grouped(_ key: String) -> String {
        stride(from: 0, to: key.count, by: 4).map { start in
            let from = key.index(key.startIndex, offsetBy: start)
            return String(key[from..<key.index(from, offsetBy: min(4, key.count - start))])
        }.joined(separator: " ")
    }
}
