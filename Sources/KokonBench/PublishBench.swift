import Engine
import Foundation
public import Postgres
public import Templates

/// Publishing every tenant of a bench network, and the hand-written aggregate it is held to.
public enum PublishBench {
    /// The day the bench network is published as of (the closing of the second quarter of
    /// 2026, published on 1 July), so figures do not change with the date.
    public static let asOf = CalendarDate(year: 2026, month: 6, day: 30)
    /// The day it is published on.
    static let publishedOn = asOf.adding(days: 1)

    /// Publishes every tenant of `catalog`, as many at once as the pool has connections.
    public static func publishAll(_ pool: ConnectionPool, catalog: ModelCatalog) async throws {
        try await forEach(catalog.tenants, parallel: pool.size) { tenant in
            let records = try await CaseRecords(pool: pool, tenant: tenant.id, actor: "bench")
            try await Publisher(records: records, tenant: tenant).publish(today: publishedOn)
        }
    }

    /// Removes every publication, so the next ``publishAll(_:catalog:)`` is a whole one again
    /// (a closing already published is otherwise kept as it is).
    public static func unpublishAll(_ pool: ConnectionPool) async throws {
        try await pool.query("DELETE FROM shared.aggregates")
        try await pool.query("DELETE FROM shared.publications")
        try await pool.query("DELETE FROM shared.publication_history")
    }

    /// The same counts, for every tenant at once, in one statement; returns how many groups.
    public static func handWritten(_ database: ThrowawayDatabase, tenants: [String]) async throws -> Int {
        // The periods Kokon publishes as of 30 June 2026 for adoptions running since 2025: the
        // whole period, and each year and quarter that has ended.
        var periods: [(label: String, first: CalendarDate, last: CalendarDate)] = [
            ("all", CalendarDate(year: 2025, month: 1, day: 1), asOf),
            ("2025", CalendarDate(year: 2025, month: 1, day: 1), CalendarDate(year: 2025, month: 12, day: 31)),
        ]
        for (year, quarter) in [(2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2)] {
            let first = CalendarDate(year: year, month: quarter * 3 - 2, day: 1)
            let last = CalendarDate(year: year, month: quarter * 3, day: quarter == 1 || quarter == 4 ? 31 : 30)
            periods.append(("\(year)-Q\(quarter)", first, min(last, asOf)))
        }
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
                SELECT \(id) AS tenant, label AS period,
                       (SELECT count(DISTINCT e.household) FROM \(enrolment) e WHERE e.starts_on <= last AND (e.ends_on IS NULL OR e.ends_on >= first)) AS enrolled,
                       (SELECT count(DISTINCT e.household) FROM \(enrolment) e WHERE e.exit_reason = 'dropped-out' AND e.ends_on BETWEEN first AND last) AS dropped,
                       (SELECT count(*) FROM \(enrolment) e WHERE e.starts_on <= last
                        AND least(coalesce(e.ends_on, last), last) + 1 >= e.starts_on + interval '18 months') AS completed,
                       (SELECT count(*) FROM \(attendance) a JOIN \(session) s ON s.code = a.session JOIN \(person) p ON p.code = a.person
                        WHERE a.status = 'present' AND s.held_on BETWEEN first AND last) AS present,
                       (SELECT coalesce(sum(amount), 0) FROM \(expenditure) x WHERE x.spent_on BETWEEN first AND last) AS spent
                FROM (VALUES \(SQL.join(periods.map { "(\($0.label), \($0.first), \($0.last))" }, separator: ", "))) AS periods(label, first, last)
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
