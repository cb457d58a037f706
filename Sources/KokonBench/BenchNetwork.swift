import Engine
import Foundation
import Postgres
import Synchronization
public import Templates

/// A network of example municipalities with bulk records, shared by the publish and report
/// benchmarks. The records are written straight into each tenant's tables as the
/// administrator, with SQL (a benchmark's fixture, not an import), so millions of rows take
/// minutes rather than hours; what is measured afterwards goes through the normal paths.
public struct BenchNetwork: Sendable {
    /// How many municipalities.
    public let tenants: Int
    /// Attendance rows in all.
    public let rows: Int
    /// The folder of programme templates.
    public let models: String

    /// A network of `tenants` municipalities sharing `rows` attendance rows.
    public init(tenants: Int, rows: Int, models: String) {
        self.tenants = tenants
        self.rows = rows
        self.models = models
    }

    /// Sets up the tenants and their records; returns the catalog with their definitions.
    public func build(_ database: ThrowawayDatabase, progress: @escaping BenchProgress) async throws -> ModelCatalog {
        let catalog = try BenchTenants.catalog(models: models, count: tenants)
        try await Catalogue.migrate(database.pool)
        _ = try await TenantDirectory(pool: database.pool, catalog: catalog).apply(parallel: database.pool.size)
        let perTenant = max(40, rows / tenants)
        let households = max(20, perTenant / 400)
        let sessions = (perTenant + 39) / 40
        let schemas = try catalog.tenants.map { try database.boundary(of: $0.id).schema }
        let done = Counter()
        try await forEach(schemas, parallel: database.pool.size) { schema in
            try await database.pool.withSession { session in
                try await session.transaction { session in
                    try await Self.fill(schema, households: households, sessions: sessions, perTenant: perTenant, on: session)
                }
            }
            progress(done.increment(), schemas.count)
        }
        // The tables as autovacuum leaves them after a load (visibility maps, hint bits), so
        // it does not set to work on a million new rows while a bench is timing.
        try await database.pool.query("VACUUM")
        return catalog
    }

    static func fill(_ schema: Identifier, households: Int, sessions: Int, perTenant: Int, on session: Session) async throws {
        func table(_ name: String) throws -> Identifier { try schema.appending(name) }
        let persons = households * 3
        try await session.query(
            """
            INSERT INTO \(try table("household")) (code, area, size) SELECT 'B-H' || g, 'centrum', 3 FROM generate_series(1, \(households)) g
            """)
        try await session.query(
            """
            INSERT INTO \(try table("person")) (code, household, birth_year, relation)
            SELECT 'B-P' || g, 'B-H' || ((g - 1) / 3 + 1), CASE WHEN g % 3 = 1 THEN 1982 ELSE 2013 END, CASE WHEN g % 3 = 1 THEN 'head' ELSE 'child' END
            FROM generate_series(1, \(persons)) g
            """)
        // Every seventh family drops out after the last session (2025-11-27), so everyone at a
        // session is enrolled on its day, as the attendance table requires.
        try await session.query(
            """
            INSERT INTO \(try table("enrolment")) (adoption, household, target_group, starts_on, ends_on, exit_reason)
            SELECT 'wygrana-rodzina', 'B-H' || g, 'families', date '2025-01-01' + (g % 90)::integer,
                   CASE WHEN g % 7 = 0 THEN date '2025-11-30' END, CASE WHEN g % 7 = 0 THEN 'dropped-out' END
            FROM generate_series(1, \(households)) g
            """)
        try await session.query(
            """
            INSERT INTO \(try table("session")) (code, adoption, component, activity, held_on, minutes)
            SELECT 'B-S' || g, 'wygrana-rodzina', 'family-education', 'parent-workshop', date '2025-04-01' + (g % 240)::integer, 60
            FROM generate_series(1, \(sessions)) g
            """)
        try await session.query(
            """
            INSERT INTO \(try table("attendance")) (session, person, status)
            SELECT 'B-S' || s, 'B-P' || ((s * 7 + i) % \(persons) + 1), CASE WHEN i % 10 = 0 THEN 'excused' ELSE 'present' END
            FROM generate_series(1, \(sessions)) s, generate_series(0, 39) i
            WHERE (s - 1) * 40 + i < \(perTenant)
            """)
        try await session.query(
            """
            INSERT INTO \(try table("expenditure")) (code, adoption, budget_line, spent_on, amount)
            SELECT 'B-E' || g, 'wygrana-rodzina', 'staff', date '2025-01-28' + g * 30, 25000 FROM generate_series(0, 17) g
            """)
        // Statistics as imports leave them (each import analyses the table it wrote), in one
        // statement for the six tables.
        let tables = try ["household", "person", "enrolment", "session", "attendance", "expenditure"].map(table)
        try await session.query("ANALYZE \(tables)")
    }
}

/// Runs `body` for every item, at most `parallel` at a time.
func forEach<Item: Sendable>(_ items: [Item], parallel: Int, _ body: @escaping @Sendable (Item) async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        var remaining = items[...]
        func launch() {
            guard let item = remaining.popFirst() else { return }
            group.addTask { try await body(item) }
        }
        for _ in 0..<max(1, parallel) { launch() }
        while try await group.next() != nil { launch() }
    }
}

/// A thread-safe counter for progress from concurrent tasks.
final class Counter: Sendable {
    private let value = Mutex(0)
    /// Adds one and returns the new value.
    func increment() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
