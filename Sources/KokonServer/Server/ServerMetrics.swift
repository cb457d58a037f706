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

    /// The metrics' names and help (descriptors are not Sendable, so each is made when used).
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            metricName: "kokon_http_requests", unitName: "total", helpText: "HTTP requests answered, by route pattern, method and status.")
    }
    static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            metricName: "kokon_http_request_duration", unitName: "seconds",
            helpText: "Time from a request's arrival to its answer, by route pattern, method and status.")
    }
    static var inUse: MetricNameDescriptor {
        MetricNameDescriptor(
            metricName: "kokon_db_pool_connections_in_use", unitName: "", helpText: "PostgreSQL connections lent to requests now.")
    }
    static var open: MetricNameDescriptor { MetricNameDescriptor(metricName: "kokon_db_pool_connections_open", unitName: "", helpText: "PostgreSQL connections open now.") }
    static var waiting: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "kokon_db_pool_waiting", unitName: "", helpText: "Requests waiting for a PostgreSQL connection now.")
    }

    /// Counts one finished request.
    func record(route: String, method: String, status: Int, duration: Duration) {
        let labels = [("route", route), ("method", method), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: labels, buckets: Self.buckets).record(duration)
    }

    /// The text a Prometheus server scrapes.
    public func exposition() async -> String {
        let usage = await pool.usage()
        registry.makeGauge(descriptor: Self.inUse).set(Double(usage.inUse))
        registry.makeGauge(descriptor: Self.open).set(Double(usage.open))
        registry.makeGauge(descriptor: Self.waiting).set(Double(usage.waiting))
        return registry.emitToString()
    }
}
