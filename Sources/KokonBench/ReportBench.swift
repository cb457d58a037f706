import Engine
import Foundation
import Postgres
import Reporting

/// The network report over the published figures of many municipalities.
///
/// The report reads published aggregates only, a few dozen rows per municipality. So the
/// fixture publishes up to `published` municipalities through the normal path (set-up,
/// records, evaluation, suppression) and then copies their published rows, as the
/// administrator, to further example municipalities until there are `count`: the figures the
/// report reads are real published figures, and setting up all 2,477 Polish gminas takes a
/// minute instead of half an hour.
public struct ReportBench: Sendable {
    /// Municipalities in the report.
    public let count: Int
    /// Of which set up and published through the normal path.
    public let published: Int
    /// Attendance rows in all, among the published ones.
    public let rows: Int
    /// The folder of programme templates.
    public let models: String

    /// A report over `count` municipalities, `published` of them published for real.
    public init(count: Int, published: Int = 50, rows: Int, models: String) {
        self.count = count
        self.published = min(published, count)
        self.rows = rows
        self.models = models
    }

    /// Sets up, publishes and copies; returns the seconds publishing took.
    public func prepare(_ database: ThrowawayDatabase, progress: @escaping BenchProgress) async throws -> Double {
        let catalog = try await BenchNetwork(tenants: published, rows: rows, models: models).build(database, progress: progress)
        let started = ContinuousClock.now
        try await PublishBench.publishAll(database.pool, catalog: catalog)
        let seconds = started.secondsElapsed
        guard count > published else { return seconds }
        // Municipality n copies the figures of published municipality ((n - 1) % published) + 1.
        try await database.pool.transaction { session in
            try await session.query(
                """
                INSERT INTO shared.publications (tenant, tenant_name, example, adoption, model_id, model_version, model_name, lineage, k, as_of)
                SELECT 'bench_' || lpad(n::text, 4, '0'), 'Gmina testowa bench_' || lpad(n::text, 4, '0'), p.example, p.adoption,
                       p.model_id, p.model_version, p.model_name, p.lineage, p.k, p.as_of
                FROM generate_series(\(published + 1), \(count)) n
                JOIN shared.publications p ON p.tenant = 'bench_' || lpad((((n - 1) % \(published)) + 1)::text, 4, '0')
                """)
            try await session.query(
                """
                INSERT INTO shared.aggregates (tenant, adoption, model_version, measure, label, kind, period, unit, value, numerator,
                                               denominator, target, status, suppressed)
                SELECT 'bench_' || lpad(n::text, 4, '0'), a.adoption, a.model_version, a.measure, a.label, a.kind, a.period, a.unit,
                       a.value, a.numerator, a.denominator, a.target, a.status, a.suppressed
                FROM generate_series(\(published + 1), \(count)) n
                JOIN shared.aggregates a ON a.tenant = 'bench_' || lpad((((n - 1) % \(published)) + 1)::text, 4, '0')
                """)
        }
        // As autovacuum leaves the copied figures (statistics, visibility map, hint bits), so
        // the first format timed does not pay for setting them on every page.
        try await database.pool.query("VACUUM ANALYZE shared.publications, shared.aggregates")
        return seconds
    }

    /// How long one report took, in seconds: what `kokon report network --format F` does.
    public struct Timing: Sendable {
        /// `html`, `csv` or `json`.
        public let format: String
        /// Reading published figures as the reporting role.
        public let read: Double
        /// Building the comparison.
        public let build: Double
        /// Rendering it in the format.
        public let render: Double
        /// Municipalities compared.
        public let municipalities: Int

        /// All of it.
        public var total: Double { read + build + render }
    }

    /// Makes the report three times, once per format, each from reading the figures on, as
    /// the command does (it writes one format per call); the slowest is the headline.
    public func measure(_ database: ThrowawayDatabase) async throws -> [Timing] {
        var timings: [Timing] = []
        for format in ["html", "csv", "json"] {
            var clock = ContinuousClock.now
            func lap() -> Double {
                let seconds = clock.secondsElapsed
                clock = ContinuousClock.now
                return seconds
            }
            let figures = try await PublishedFigures.read(database.pool, model: "wygrana-rodzina", period: "all")
            let read = lap()
            let report = NetworkReport(model: "wygrana-rodzina", period: "all", figures: figures)
            let build = lap()
            switch format {
            case "html": _ = report.html()
            case "csv": _ = report.csv()
            default: _ = try report.json()
            }
            timings.append(Timing(format: format, read: read, build: build, render: lap(), municipalities: report.rows.count))
        }
        return timings
    }
}
