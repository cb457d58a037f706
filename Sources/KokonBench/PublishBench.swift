import Engine
import Foundation
public import Postgres
public import Templates

/// Publishing every tenant of a bench network, and the hand-written aggregate it is held to.
public enum PublishBench {
    /// The day the bench network is published as of, so figures do not change with the date.
    public static let asOf = CalendarDate(year: 2026, month: 6, day: 30)

    /// Publishes every tenant of `catalog`, as many at once as the pool has connections.
    public static func publishAll(_ pool: ConnectionPool, catalog: ModelCatalog) async throws {
        try await forEach(catalog.tenants, parallel: pool.size) { tenant in
            let records = try await CaseRecords(pool: pool, tenant: tenant.id, actor: "bench")
            try await Publisher(records: records, tenant: tenant).publish(k: 5, today: asOf)
        }
    }

    /// The same counts, for every tenant at once, in one statement; returns how many groups.
    public static func handWritten(_ database: ThrowawayDatabase, tenants: [String]) async throws -> Int {
        var parts: [SQL] = []
        for id in tenants {
            let schema = try database.boundary(of: id).schema
            let enrolment = try schema.appending("enrolment")
            let attendance = try schema.appending("attendance")
            let session = try schema.appending("session")
            let expenditure = try schema.appending("expenditure")
            let person = try schema.appending("person")
            parts.append(
                """
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
        let row = try await database.pool.query(
            """
            SELECT count(*) AS groups, sum(enrolled) AS enrolled, sum(dropped) AS dropped, sum(completed) AS completed, sum(present) AS present, sum(spent) AS spent
            FROM (\(SQL.join(parts, separator: " UNION ALL "))) figures
            """
        ).first!
        return try row.decode("groups", as: Int.self)
    }
}
