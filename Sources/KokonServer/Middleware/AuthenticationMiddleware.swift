import Engine
import Foundation
import Hummingbird

/// Finds out who sent a request: an API token (`Authorization: Bearer …`) or a browser
/// session cookie. It only identifies; ``Policy`` decides what the principal may do.
///
/// A token that is unknown, expired or revoked is refused at once (401), rather than treated
/// as anonymous, so an integration learns that its token is the problem. A session still
/// waiting for its second factor identifies nobody.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = KokonRequestContext
    let services: ServerServices

    /// The session cookie's name.
    static let sessionCookie = "kokon_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "), authorization.count > 7 else {
                throw Problem(.unauthorized, "Not signed in", "the Authorization header must be 'Bearer ' followed by an API token")
            }
            let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard let found = try await services.tokens.authenticate(hash: Secrets.digest(token)) else {
                throw Problem(
                    .unauthorized, "Not signed in", "this API token is unknown, expired or revoked; ask an administrator for a new one (kokon token create)")
            }
            context.principal = Principal(account: found.account, credential: .token(id: found.id, tenant: found.tenant, scope: found.scope))
            services.audit.tokenUsed(.init(token: found.id, at: Date(), method: request.method.rawValue, route: context.endpointPath ?? "unmatched"))
        } else if let cookie = request.cookies[Self.sessionCookie]?.value, !cookie.isEmpty {
            let idHash = Secrets.digest(cookie)
            if let live = try await services.sessions.resume(idHash: idHash), !live.awaitingSecondFactor {
                context.principal = Principal(account: live.account, credential: .browser(idHash: idHash, csrfToken: live.csrfToken))
            }
        }
        return try await next(request, context)
    }
}
