import Foundation
import Postgres
import Templates

/// Adherence (core components delivered), dose (months and sessions received) and reach
/// (enrolled against the local target) of one adoption.
enum FidelityMeasure {
    static func score(_ context: AdoptionContext, on session: Session) async throws -> Fidelity {
        // The core components of the version evaluated, less those it lets the municipality drop
        // and that it dropped: an upgraded adoption's earlier days count against the earlier version.
        let core = (context.programme.components ?? []).filter { $0.isCore && !context.dropped.contains($0.id) }.map(\.id)
        let components = try await session.query(
            """
            SELECT m.id, EXISTS (SELECT 1 FROM session s WHERE s.adoption = \(context.id) AND s.component = m.id
                                 AND s.held_on BETWEEN \(context.start) AND \(context.asOf)) AS delivered
            FROM unnest(\(core)::text[]) AS m(id) ORDER BY m.id
            """
        ).rows
        let missing = try components.filter { !(try $0.decode("delivered", as: Bool.self)) }.map { try $0.decode("id", as: String.self) }
        let delivered = components.count - missing.count

        // One row per enrolled household (family programmes) or person. Attendance is counted
        // per subject in one aggregation; only family programmes need the person's household.
        let family = context.unit == .family
        let attendee: SQL = family ? "p.household" : "at.person"
        let household: SQL = family ? "JOIN person p ON p.code = at.person" : ""
        let subjects = try await session.query(
            """
            WITH enrolled AS (
                SELECT coalesce(e.household, e.person) AS code, min(e.starts_on) AS starts_on,
                       sum(months_between(e.starts_on, least(coalesce(e.ends_on, \(context.asOf)), \(context.asOf)) + 1)) AS months,
                       coalesce(bool_or(e.exit_reason = 'dropped-out' AND e.ends_on <= \(context.asOf)), false) AS dropped
                FROM enrolment e
                WHERE e.adoption = \(context.id) AND (CASE WHEN \(family) THEN e.household IS NOT NULL ELSE e.person IS NOT NULL END)
                  AND e.starts_on <= \(context.asOf) AND (e.ends_on IS NULL OR e.ends_on >= \(context.start))
                GROUP BY 1
            ), present AS (
                SELECT \(attendee) AS code, count(*) AS n
                FROM attendance at JOIN session se ON se.code = at.session \(household)
                WHERE se.adoption = \(context.id) AND at.status = 'present' AND se.held_on BETWEEN \(context.start) AND \(context.asOf)
                GROUP BY 1
            )
            SELECT en.code, en.months::integer AS months, en.dropped, coalesce(pr.n, 0)::bigint AS sessions
            FROM enrolled en LEFT JOIN present pr ON pr.code = en.code
            ORDER BY en.code
            """
        ).rows.map { row in
            let months: Int = try row.decode("months")
            return SubjectDose(
                code: try row.decode("code"), months: months, sessions: try row.decode("sessions"),
                completed: context.minimumMonths.map { months >= $0 } ?? true, droppedOut: try row.decode("dropped"))
        }
        let enrolled = subjects.count
        let doseMonths: Double? = context.minimumMonths.flatMap { minimum in
            subjects.isEmpty ? nil : subjects.map { Double(min($0.months, minimum)) / Double(minimum) }.reduce(0, +) / Double(subjects.count)
        }
        let sessionsPerSubject = subjects.isEmpty ? 0 : Double(subjects.map(\.sessions).reduce(0, +)) / Double(subjects.count)
        let target = context.unit == .family ? context.targets.families : context.targets.participants
        let reach = target.map { Double(enrolled) / Double($0) }
        let adherence = components.isEmpty ? 1 : Double(delivered) / Double(components.count)
        let parts = [adherence, doseMonths, reach.map { min($0, 1) }].compactMap { $0 }
        return Fidelity(
            coreComponentsDelivered: delivered, coreComponents: components.count, missingComponents: missing, adherence: adherence,
            doseMonths: doseMonths, sessionsPerSubject: sessionsPerSubject, enrolled: enrolled, target: target, reach: reach,
            score: parts.reduce(0, +) / Double(parts.count) * 100, subjects: subjects)
    }
}
