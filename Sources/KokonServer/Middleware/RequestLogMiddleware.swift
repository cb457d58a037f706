import Foundation
import Hummingbird
import Logging

/// Logs every request once it is answered: its id, method, route pattern, status and
/// duration — never its address, body, query or the codes in its path — and counts it in
/// the metrics. The id is also sent back as `X-Request-Id`, so a user can quote it.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = KokonRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorTranslation.response(for: error, request: request, context: context)
        }
        let elapsed = ContinuousClock.now - started
        let route = context.endpointPath ?? "unmatched"
        response.headers[.init("X-Request-Id")!] = context.id
        metrics.record(route: route, method: request.method.rawValue, status: Int(response.status.code), duration: elapsed)
        // In tenths of a millisecond, written without Foundation's formatter: this runs for every request.
        let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(route), "status": .stringConvertible(response.status.code),
                "duration_ms": .string("\(tenths / 10).\(tenths % 10)"),
            ])
        return response
    }
}
