import Engine
import Foundation
import Hummingbird
import Logging
import NIOCore
import Postgres
import Reporting

/// Turns whatever a handler throws into an answer a person can act on: a problem document
/// for the API, a page in Polish for the browser. Unexpected errors are logged by type and
/// SQLSTATE only, since messages from the database can quote the values of a row.
enum ErrorTranslation {
    /// The problem an error stands for.
    static func problem(for error: any Error, context: KokonRequestContext) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                return .notFound(error.body ?? "there is no such address; the API is described at /api/v1/openapi.json")
            case .contentTooLarge:
                return Problem(.contentTooLarge, "Request too large", "the request body is larger than the server accepts; send fewer records at once")
            case .methodNotAllowed:
                return Problem(.methodNotAllowed, "Method not allowed", "this address does not accept \(error.body ?? "that method")")
            default:
                return Problem(error.status, error.status.reasonPhrase, error.body ?? error.status.reasonPhrase)
            }
        case is NIOTooManyBytesError:
            return Problem(.contentTooLarge, "Request too large", "the request body is larger than the server accepts; send fewer records at once")
        case let error as RecordError:
            switch error {
            case .rejected(let report):
                let issues = report.rejects.map { reject in
                    Problem.Issue(row: reject.row - 1, field: field(of: reject.reason, kind: report.kind), reason: reject.reason)
                }
                let detail = "\(report.rejectCount) of \(report.rows) record\(report.rows == 1 ? "" : "s") rejected, so nothing was written; fix them and send again"
                return Problem(.unprocessableContent, "Record rejected", detail, issues: issues)
            case .unknownKind:
                return .notFound(error.description)
            default:
                return .badRequest(error.description)
            }
        case let error as CaseRecords.LookupError:
            switch error {
            case .notFound: return .notFound(error.description)
            case .stillReferenced: return Problem(.conflict, "Still referred to", error.description)
            default: return .badRequest(error.description)
            }
        case let error as TenantError:
            return .notFound(error.description)
        case let error as EvaluationError:
            return .notFound(error.description)
        case let error as SuppressionError:
            return .badRequest(error.description)
        case let error as AdaptationRefusal:
            let issues = error.problems.map { Problem.Issue(row: nil, field: $0.field, reason: $0.message) }
            return Problem(.unprocessableContent, "Adaptation refused", "the adaptation was not recorded; fix the fields named and send it again", issues: issues)
        case let error as AccountError:
            return .badRequest(error.description)
        case let error as PostgresError where error.kind == .connection || error.message == PostgresError.poolClosed.message:
            return unavailable
        case let error as PostgresError where ["08", "57"].contains(error.code?.errorClass):
            // The server going down under a statement (shut down, crashed, still starting):
            // nothing was committed, and the same request will work once it is back.
            return unavailable
        case let error as PostgresError where error.code == .undefinedObject || error.code == .invalidSchemaName:
            return .notFound("this municipality is not set up in this database; an administrator runs `kokon tenant apply`")
        case let error as PostgresError where error.code?.errorClass == "22":
            // A data exception: a value the database cannot hold, such as a NUL character.
            return .badRequest("a value cannot be stored as it is (\(error.message)); correct it and send again")
        case is CancellationError:
            return unavailable
        default:
            var logged = "\(type(of: error))"
            if let error = error as? PostgresError { logged += " SQLSTATE \(error.code.map { "\($0)" } ?? "none")" }
            context.logger.error("unexpected error", metadata: ["error": .string(logged)])
            return Problem(
                .internalServerError, "Internal error",
                "something went wrong on the server; nothing was changed. Quote request id \(context.id) to the administrator")
        }
    }

    static let unavailable = Problem(
        .serviceUnavailable, "Database unavailable", "the database cannot be reached right now; try again in a minute")

    /// The field a rejection reason is about: record checks start their message with it.
    static func field(of reason: String, kind: String) -> String? {
        guard let kind = RecordKind.named(kind), let first = reason.split(separator: " ").first else { return nil }
        let word = String(first)
        return kind.column(word) != nil ? word : nil
    }

    /// The answer for an error: a problem document for the API, a page otherwise.
    static func response(for error: any Error, request: Request, context: KokonRequestContext) -> Response {
        let problem = problem(for: error, context: context)
        if request.uri.path.hasPrefix("/api/") || request.uri.path.hasPrefix("/healthz") || request.uri.path.hasPrefix("/readyz") {
            return (try? problem.response(from: request, context: context)) ?? Response(status: problem.status)
        }
        return Views.error(problem, principal: context.principal)
    }
}

/// Turns errors into answers inside the authenticated groups, where the principal is known,
/// so an error page still shows who is signed in.
struct ErrorTranslationMiddleware: RouterMiddleware {
    typealias Context = KokonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return ErrorTranslation.response(for: error, request: request, context: context)
        }
    }
}
