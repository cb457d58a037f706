import Foundation
import Hummingbird
import KokonServer
import Logging
import Postgres
import ServiceLifecycle
import Templates

/// Kokon's server on a free loopback port for a benchmark's tools, as `kokon serve` runs it:
/// logged in as `kokon_app`, with the same router and services.
enum LoopbackServer {
    /// Serves `database` while `body` runs with the port, then shuts the server down and
    /// closes its pool, whether `body` succeeds or not.
    static func serving<Value>(
        _ database: ThrowawayDatabase, catalog: ModelCatalog, connections: Int, logger: Logger, _ body: (Int) async throws -> Value
    ) async throws -> Value {
        let appPool = ConnectionPool(
            conninfo: try ConnectionString.replacing(database.conninfo, with: ["user": "kokon_app"]), size: connections, logger: logger)
        var quiet = logger
        quiet.logLevel = .warning
        let services = try await ServerServices(pool: appPool, catalog: catalog, configuration: ServerConfiguration(port: 0, connections: connections))
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: KokonServer.router(services: services), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }, logger: quiet)
        let group = ServiceGroup(configuration: .init(services: [app], logger: quiet))
        let serving = Task { try await group.run() }
        var port = 0
        for await value in portStream {
            port = value
            break
        }
        let value: Value
        do {
            value = try await body(port)
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await serving.value
            await appPool.close()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await serving.value
        await appPool.close()
        return value
    }
}
