import Hummingbird
import Postgres

/// `/healthz` (the process answers), `/readyz` (the database answers too) and `/metrics`.
enum HealthRoutes {
    static func add(to router: Router<KokonRequestContext>, services: ServerServices) {
        router.get("/healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/readyz") { _, _ -> Response in
            do {
                _ = try await services.pool.query("SELECT 1 AS ready")
                return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
            } catch {
                throw ErrorTranslation.unavailable
            }
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: await services.metrics.exposition())))
        }
    }
}
