import Engine
import Hummingbird
import Reporting

/// The header every server page shows: who is signed in, and the sign-out form.
struct SiteHeader: Sendable {
    let signedIn: SignedIn?

    struct SignedIn: Sendable {
        let displayName: String
        let csrfToken: String
    }

    init(_ principal: Principal?) {
        if let principal, case .browser(_, let csrf) = principal.credential {
            signedIn = SignedIn(displayName: principal.account.displayName, csrfToken: csrf)
        } else {
            signedIn = nil
        }
    }
}

/// The sign-in form, or the second-factor form after a correct password.
struct SignInPage: Page {
    static let template = "sign-in"
    let title: String
    let signedIn: SiteHeader.SignedIn? = nil
    /// Why the last attempt failed, if it did.
    let problem: String?
    /// What was typed, kept so it need not be typed again (never the password).
    let email: String
    /// The token tying the form to this browser (double-submitted as a cookie).
    let formToken: String
    let secondFactor: Bool
}

/// The start page of a signed-in account.
struct HomePage: Page {
    static let template = "home"
    let title = "Kokon"
    let signedIn: SiteHeader.SignedIn?
    let displayName: String
    let email: String
    let roles: [String]
    struct Municipality: Sendable {
        let name: String
        let url: String
    }
    let municipalities: [Municipality]
    let hasMunicipalities: Bool
    /// Whether to link the network meeting pages.
    let mayReadNetwork: Bool
}

/// One option of a select on a page.
struct Option: Sendable {
    let value: String
    let label: String
    let selected: Bool
}

/// Differences between programme versions as a page lists them: grouped by what changed,
/// each in a Polish sentence.
struct DifferenceGroup: Sendable {
    let heading: String
    let changes: [String]

    /// The non-empty groups of `differences`, in the order of ``ModelDifference/Area``.
    static func of(_ differences: [ModelDifference]) -> [DifferenceGroup] {
        ModelDifference.Area.allCases.compactMap { area in
            let changes = differences.filter { $0.area == area }.map(\.polish)
            return changes.isEmpty ? nil : DifferenceGroup(heading: area.polish, changes: changes)
        }
    }
}

/// A refusal or an error, in words a user can act on.
struct ErrorPage: Page {
    static let template = "error"
    let title: String
    let detail: String
    let status: Int
    let signedIn: SiteHeader.SignedIn?
}

/// Pages as HTTP answers, all rendered by the one escaping renderer.
enum Views {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func render<View: Page>(_ view: View, status: HTTPResponse.Status = .ok) -> Response {
        html(PageRenderer.shipped.render(view), status: status)
    }

    /// The page for a problem: its Polish title and the detail.
    static func error(_ problem: Problem, principal: Principal?) -> Response {
        // A page that needs signing in sends the browser to the sign-in form.
        if problem.status == .unauthorized { return SignInRoutes.redirect("/sign-in") }
        let title: String =
            switch problem.status {
            case .unauthorized: "Zaloguj się, aby kontynuować"
            case .forbidden where problem.title == "Form expired": "Formularz wygasł"
            case .forbidden: "Brak dostępu"
            case .notFound: "Nie znaleziono"
            case .serviceUnavailable: "Baza danych jest chwilowo niedostępna"
            case .contentTooLarge: "Przesłane dane są za duże"
            default: problem.status.code >= 500 ? "Wystąpił błąd serwera" : "Nie można wykonać tej operacji"
            }
        let detail: String =
            switch problem.status {
            case .unauthorized: "Ta strona jest dostępna po zalogowaniu."
            case .notFound: "Nie ma takiej strony albo nie masz do niej dostępu."
            case .forbidden where problem.title == "Form expired":
                "Formularz wygasł lub nie miał znacznika bezpieczeństwa, więc nic nie zapisano. Odśwież stronę i wyślij formularz ponownie."
            case .forbidden: "Twoja rola nie obejmuje tej strony. Jeśli to pomyłka, poproś koordynatora lub administratora o uprawnienia."
            case .serviceUnavailable: "Spróbuj ponownie za minutę; nic nie zostało zmienione."
            default: PolishReasons.polish(problem.detail) ?? problem.detail
            }
        return render(ErrorPage(title: title, detail: detail, status: Int(problem.status.code), signedIn: SiteHeader(principal).signedIn), status: problem.status)
    }
}
