import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// `Idempotency-Key` for POSTs: the first answer is remembered for a day, and a retry with the
/// same key and the same request gets it again without doing anything twice.
enum Idempotency {
    static let header = HTTPField.Name("Idempotency-Key")!

    /// Runs `work` once per key; `work` reads the JSON body through the closure it is given.
    static func once(
        _ request: Request, _ context: KokonRequestContext, services: ServerServices,
        _ work: (() async throws -> [String: JSONValue]) async throws -> (HTTPResponse.Status, String)
    ) async throws -> Response {
        let limit = services.configuration.bodyLimit
        guard let key = request.headers[header], let principal = context.principal else {
            let (status, body) = try await work { try await JSONAnswer.object(request, limit: limit) }
            return JSONAnswer.raw(body, status: status)
        }
        guard (1...200).contains(key.count) else { throw Problem.badRequest("the Idempotency-Key header must have 1 to 200 characters") }
        var request = request
        guard let type = request.headers[.contentType]?.lowercased(), type.hasPrefix("application/json") else {
            throw Problem(.unsupportedMediaType, "Unsupported media type", "send the body as JSON with 'Content-Type: application/json'")
        }
        let body = String(buffer: try await request.collectBody(upTo: limit))
        let fingerprint = Secrets.digest("\(request.method.rawValue) \(request.uri.path)\n\(body)")
        if let answer = try await services.idempotency.answer(account: principal.account.id, key: key) {
            guard answer.requestHash == fingerprint else {
                throw Problem(
                    .unprocessableContent, "Idempotency key reused",
                    "this Idempotency-Key was used for a different request; use a new key for each new request")
            }
            var response = JSONAnswer.raw(answer.body, status: HTTPResponse.Status(code: answer.status))
            response.headers[.init("Idempotent-Replayed")!] = "true"
            return response
        }
        let (status, text) = try await work { try await JSONAnswer.object(request, limit: limit) }
        try await services.idempotency.remember(
            account: principal.account.id, key: key, answer: .init(status: Int(status.code), body: text, requestHash: fingerprint))
        return JSONAnswer.raw(text, status: status)
    }
}
