import Foundation
public import Postgres
import Prometheus

/// The server's metrics in Prometheus's text format: requests by route, method and status,
/// their latency, and the database pool's use.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let pool: ConnectionPool
    /// Latency buckets from 1 ms to 10 s.
    static let buckets: [Duration] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].map { .milliseconds($0) }

    /// Metrics for a server using `pool`.
    public init(pool: ConnectionPool) { self.pool = pool }

    /// Counts one finished request.
    func record(route: String, method: String, status: Int, duration: Duration) {
        let labels = [("route", route), ("method", method), ("status", String(status))]
        registry.makeCounter(name: "kokon_http_requests_total", labels: labels, help: "HTTP requests answered, by route pattern, method and status.")
            .increment()
        registry.makeDurationHistogram(
            name: "kokon_http_request_duration_seconds", labels: labels, buckets: Self.buckets,
            help: "Time from a request's arrival to its answer, by route pattern, method and status."
        ).record(duration)
    }

    /// The text a Prometheus server scrapes.
    public func exposition() async -> String {
        let usage = await pool.usage()
        registry.makeGauge(name: "kokon_db_pool_connections_in_use", help: "PostgreSQL connections lent to requests now.").set(Double(usage.inUse))
        registry.makeGauge(name: "kokon_db_pool_connections_open", help: "PostgreSQL connections open now.").set(Double(usage.open))
        registry.makeGauge(name: "kokon_db_pool_waiting", help: "Requests waiting for a PostgreSQL connection now.").set(Double(usage.waiting))
        return registry.emitToString()
    }
}
