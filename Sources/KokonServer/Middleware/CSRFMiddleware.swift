import Foundation
import Hummingbird

/// Refuses a state-changing request from a browser session unless it carries the session's
/// CSRF token: the form field `csrf_token` (in an ordinary or a file-upload form), or the `X-CSRF-Token` header for scripts. Other
/// sites can make a browser send the cookie, but cannot read the token. Requests with an API
/// token carry no cookie and need none; forms sent before signing in (the sign-in form
/// itself) are checked against their own cookie by their handler.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = KokonRequestContext
    let bodyLimit: Int

    /// The form field that carries the token.
    static let field = "csrf_token"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method), case .browser(_, let expected)? = context.principal?.credential else {
            return try await next(request, context)
        }
        var request = request
        var given = request.headers[.init("X-CSRF-Token")!]
        if given == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: bodyLimit)
            given = FormFields(String(buffer: body))[Self.field]
        } else if given == nil, let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
            let body = try await request.collectBody(upTo: bodyLimit)
            given = MultipartForm(Array(body.readableBytesView), boundary: boundary)[Self.field]
        }
        guard let given, Secrets.equal(given, expected) else {
            throw Problem(
                .forbidden, "Form expired",
                "the form was missing its security token or it was out of date, so nothing was saved; reload the page and send the form again")
        }
        return try await next(request, context)
    }
}

/// The fields of an `application/x-www-form-urlencoded` body; the last of repeated names wins.
struct FormFields: Sendable {
    let values: [String: String]
    /// Every value of each name, in order.
    let all: [String: [String]]

    init(_ text: String) {
        var values: [String: String] = [:]
        var all: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name] = value
            all[name, default: []].append(value)
        }
        self.values = values
        self.all = all
    }

    subscript(name: String) -> String? { values[name] }

    static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
