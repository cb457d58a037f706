import ArgumentParser
import Engine
import Foundation
import Postgres
import Templates

/// `kokon bench publish`
struct BenchPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Compare a full re-publish of every tenant with one hand-written SQL aggregate over the same rows.",
        discussion: """
            Sets up TENANTS example tenants with ROWS attendance rows between them, then times \
            `kokon publish --all` (each tenant evaluated and published inside its own boundary, \
            with suppression) against a single hand-written statement that counts enrolled, \
            dropped-out and completing households, attendance, expenditure and network actions \
            over the same rows for the whole period and each year. Target: at most 1.5×.
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many tenants.")
    var tenants = 50

    @Option(help: "Attendance rows in all.")
    var rows = 1_000_000

    func run() async throws {
        let (publish, handWritten) = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            let catalog = try await BenchNetwork(tenants: tenants, rows: rows, models: models).build(database, progress: TerminalProgress(label: "setting up"))
            // Warm up both paths once (statistics, caches), then time them.
            _ = try await Self.handWritten(database.pool, tenants: catalog.tenants.map(\.id))
            let started = ContinuousClock.now
            try await Self.publishAll(database.pool, catalog: catalog)
            let publish = started.secondsElapsed
            let handStarted = ContinuousClock.now
            let groups = try await Self.handWritten(database.pool, tenants: catalog.tenants.map(\.id))
            let handWritten = handStarted.secondsElapsed
            print(String(format: "%d tenants, %d attendance rows: publish %.2f s, hand-written aggregate %.2f s (%d groups)", tenants, rows, publish, handWritten, groups))
            return (publish, handWritten)
        }
        print(String(format: "publish: %.2fx the hand-written aggregate (target <= 1.5x)", publish / handWritten))
    }

    static func publishAll(_ pool: ConnectionPool, catalog: ModelCatalog) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var remaining = catalog.tenants[...]
            func launch() {
                guard let tenant = remaining.popFirst() else { return }
                group.addTask {
                    let records = try await CaseRecords(pool: pool, tenant: tenant.id, actor: "bench")
                    try await Publisher(records: records, tenant: tenant).publish(k: 5, today: CalendarDate(year: 2026, month: 6, day: 30))
                }
            }
            for _ in 0..<pool.size { launch() }
            while try await group.next() != nil { launch() }
        }
    }

    /// The same counts, for every tenant at once, in one statement.
    static func handWritten(_ pool: ConnectionPool, tenants: [String]) async throws -> Int {
        var parts: [SQL] = []
        for id in tenants {
            let schema = try Identifier(validating: "t_" + id)
            let enrolment = try schema.appending("enrolment"), attendance = try schema.appending("attendance"), session = try schema.appending("session")
            let expenditure = try schema.appending("expenditure"), person = try schema.appending("person")
            parts.append("""
                SELECT \(id) AS tenant, coalesce(y::text, 'all') AS period,
                       (SELECT count(DISTINCT e.household) FROM \(enrolment) e WHERE y IS NULL OR extract(year FROM e.starts_on) <= y) AS enrolled,
                       (SELECT count(DISTINCT e.household) FROM \(enrolment) e WHERE e.exit_reason = 'dropped-out') AS dropped,
                       (SELECT count(*) FROM \(enrolment) e WHERE coalesce(e.ends_on, date '2026-06-30') + 1 >= e.starts_on + interval '18 months') AS completed,
                       (SELECT count(*) FROM \(attendance) a JOIN \(session) s ON s.code = a.session JOIN \(person) p ON p.code = a.person
                        WHERE a.status = 'present' AND (y IS NULL OR extract(year FROM s.held_on) = y)) AS present,
                       (SELECT coalesce(sum(amount), 0) FROM \(expenditure) x WHERE y IS NULL OR extract(year FROM x.spent_on) = y) AS spent
                FROM (VALUES (NULL::integer), (2025), (2026)) AS years(y)
                """)
        }
        // Summing every column keeps the planner from skipping any of them.
        let row = try await pool.query("""
            SELECT count(*) AS groups, sum(enrolled) AS enrolled, sum(dropped) AS dropped, sum(completed) AS completed, sum(present) AS present, sum(spent) AS spent
            FROM (\(SQL.join(parts, separator: " UNION ALL "))) figures
            """).first!
        return try row.decode("groups", as: Int.self)
    }
}
