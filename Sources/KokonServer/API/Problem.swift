import Foundation
public import Hummingbird

/// An error answer in the form of RFC 9457 (`application/problem+json`): what is wrong, in the
/// same words the command line uses, and for a rejected record which field and row.
public struct Problem: HTTPResponseError, Sendable {
    /// One thing wrong with a submitted record.
    public struct Issue: Sendable, Codable, Equatable {
        /// The record's position in the request (1 for the first), when several were sent.
        public let row: Int?
        /// The field that is wrong, when the message names one.
        public let field: String?
        /// What is wrong and how to fix it.
        public let reason: String
    }

    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A short summary of the kind of problem.
    public let title: String
    /// What is wrong in this case and how to fix it.
    public let detail: String
    /// The single problems of a rejected write.
    public var issues: [Issue] = []

    /// A problem.
    public init(_ status: HTTPResponse.Status, _ title: String, _ detail: String, issues: [Issue] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.issues = issues
    }

    struct Body: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let errors: [Issue]?
    }

    /// The JSON text of the problem.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(type: "about:blank", title: title, status: Int(status.code), detail: detail, errors: issues.isEmpty ? nil : issues)
        return String(decoding: (try? encoder.encode(body)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/problem+json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}

extension Problem {
    static func notFound(_ detail: String) -> Problem { Problem(.notFound, "Not found", detail) }
    static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, "Bad request", detail) }
    static func forbidden(_ detail: String) -> Problem { Problem(.forbidden, "Forbidden", detail) }
    static let unauthenticated = Problem(
        .unauthorized, "Not signed in",
        "sign in at /sign-in, or send an API token as 'Authorization: Bearer …' (kokon token create makes one)")
}
