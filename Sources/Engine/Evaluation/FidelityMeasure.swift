import Foundation
import Postgres
import Templates

/// Adherence (core components delivered), dose (months and sessions received) and reach
/// (enrolled against the local target) of one adoption.
enum FidelityMeasure {
    /// `indicators` are the adoption's indicator values, already computed for the same day:
    /// the checklist reads the statuses of those its elements name.
    static func score(_ context: AdoptionContext, indicators: [IndicatorValue], on session: Session) async throws -> Fidelity {
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
        // per subject in one aggregation.
        let family = context.unit == .family
        let (attendee, household) = attendee(context)
        let subjects = try await session.query(
            """
            WITH enrolled AS (
                SELECT coalesce(e.household, e.person) AS code, min(e.starts_on) AS starts_on,
                       sum(months_between(e.starts_on, least(coalesce(e.ends_on, \(context.asOf)), \(context.asOf)) + 1)) AS months,
                       sum(least(coalesce(e.ends_on, \(context.asOf)), \(context.asOf)) - e.starts_on + 1) AS days,
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
            SELECT en.code, en.months::integer AS months, en.days::integer AS days, en.dropped, coalesce(pr.n, 0)::bigint AS sessions
            FROM enrolled en LEFT JOIN present pr ON pr.code = en.code
            ORDER BY en.code
            """
        ).rows.map { row in
            let months: Int = try row.decode("months")
            return SubjectDose(
                code: try row.decode("code"), months: months, days: try row.decode("days"), sessions: try row.decode("sessions"),
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
        let doses = try await componentDoses(context, subjects: subjects, on: session)
        let adequateShares = doses.compactMap(\.adequateShare)
        let doseSessions = adequateShares.isEmpty ? nil : adequateShares.reduce(0, +) / Double(adequateShares.count)
        let checklist = checklist(context, indicators: indicators)
        let inPlace = checklist.map { items in Double(items.filter(\.counts).count) / Double(items.count) }
        let parts = [adherence, doseMonths, doseSessions, reach.map { min($0, 1) }, inPlace].compactMap { $0 }
        var fidelity = Fidelity(
            coreComponentsDelivered: delivered, coreComponents: components.count, missingComponents: missing, adherence: adherence,
            doseMonths: doseMonths, sessionsPerSubject: sessionsPerSubject, enrolled: enrolled, target: target, reach: reach,
            doseSessions: doseSessions, score: parts.reduce(0, +) / Double(parts.count) * 100, subjects: subjects, doses: doses)
        fidelity.checklist = checklist
        return fidelity
    }

    /// The programme's essential elements as of the context's day: one judged from records is in
    /// place when its indicator has met its target; one judged by self-assessment as the
    /// coordinator's latest assessment up to that day says (not in place if there is none).
    /// Nil when the programme lists no elements.
    static func checklist(_ context: AdoptionContext, indicators values: [IndicatorValue]) -> [ChecklistItem]? {
        guard let elements = context.programme.fidelityChecklist, !elements.isEmpty else { return nil }
        return elements.map { element in
            switch element.assessed {
            case .records:
                let status = values.first { $0.id == element.indicator }?.status
                return ChecklistItem(
                    element: element.id, name: element.name.pl, assessed: .records, met: status.map { $0 == .met }, assessedOn: nil,
                    indicator: element.indicator)
            case .selfAssessment:
                let latest = context.assessments.filter { $0.element == element.id && CalendarDate($0.on) <= context.asOf }.max { $0.on < $1.on }
                return ChecklistItem(
                    element: element.id, name: element.name.pl, assessed: .selfAssessment, met: latest?.met, assessedOn: latest.map { CalendarDate($0.on) },
                    indicator: nil)
            }
        }
    }

    /// Each component that states a session length or an adequate dose: sessions held within
    /// the length, and households or persons who attended enough of it by now. Before a
    /// participant has taken part for the minimum duration, their due is the adequate dose in
    /// proportion to the months so far; a programme without a minimum duration asks the whole
    /// dose of everyone.
    static func componentDoses(_ context: AdoptionContext, subjects: [SubjectDose], on session: Session) async throws -> [ComponentDose] {
        let stated = (context.programme.components ?? []).filter { component in
            !context.dropped.contains(component.id)
                && (component.sessionMinutes != nil || component.adequateSessions != nil || component.scheduledShare != nil)
        }
        guard !stated.isEmpty else { return [] }
        let ids = stated.map(\.id)
        // Bound as text arrays (the binding type for lists) and cast in SQL.
        let shortest = stated.map { String($0.sessionMinutes?.min ?? 0) }
        let longest = stated.map { String($0.sessionMinutes?.max ?? 0) }
        let held = try await session.query(
            """
            SELECT m.id, count(se.code) AS held, count(se.code) FILTER (WHERE se.minutes BETWEEN m.shortest AND m.longest) AS within
            FROM unnest(\(ids)::text[], \(shortest)::integer[], \(longest)::integer[]) AS m(id, shortest, longest)
            LEFT JOIN session se ON se.component = m.id AND se.adoption = \(context.id) AND se.held_on BETWEEN \(context.start) AND \(context.asOf)
            GROUP BY m.id
            """
        ).rows
        var counts: [String: (held: Int, within: Int)] = [:]
        for row in held { counts[try row.decode("id")] = (try row.decode("held"), try row.decode("within")) }

        let (attendee, household) = attendee(context)
        let attended = try await session.query(
            """
            SELECT se.component, \(attendee) AS code, count(*) AS n
            FROM attendance at JOIN session se ON se.code = at.session \(household)
            WHERE se.adoption = \(context.id) AND at.status = 'present' AND se.held_on BETWEEN \(context.start) AND \(context.asOf)
              AND se.component = ANY(\(ids)::text[])
            GROUP BY 1, 2
            """
        ).rows
        var present: [String: [String: Int]] = [:]
        for row in attended {
            present[try row.decode("component"), default: [:]][try row.decode("code")] = try row.decode("n")
        }

        // For a schedule counted from an event: days from the event's month (the latest one
        // recorded for the person, or any member of the household) to the first enrolment.
        var offsets: [String: [String: Int]] = [:]
        for event in Set(stated.compactMap { $0.schedule == nil ? nil : $0.scheduleFrom }) {
            let member: SQL = context.unit == .family ? "pe.person IN (SELECT m.code FROM person m WHERE m.household = e.household)" : "pe.person = e.person"
            let rows = try await session.query(
                """
                SELECT coalesce(e.household, e.person) AS code, (min(e.starts_on) - max(pe.month))::integer AS offset_days
                FROM enrolment e JOIN person_event pe ON pe.event = \(event) AND \(member)
                WHERE e.adoption = \(context.id) AND e.starts_on <= \(context.asOf)
                  AND (CASE WHEN \(context.unit == .family) THEN e.household IS NOT NULL ELSE e.person IS NOT NULL END)
                GROUP BY 1
                """
            ).rows
            for row in rows { offsets[event, default: [:]][try row.decode("code")] = try row.decode("offset_days") }
        }

        return stated.map { component in
            let count = counts[component.id] ?? (0, 0)
            // What each subject is due by now: the adequate share of the sessions its schedule
            // has held since their enrolment (timed from the event it is counted from, where
            // recorded), or the adequate dose prorated to the minimum duration.
            let due: ((SubjectDose) -> Double)? =
                if let schedule = component.schedule, let share = component.scheduledShare {
                    { subject in
                        guard let event = component.scheduleFrom, let offset = offsets[event]?[subject.code] else {
                            return share * schedule.sessions(inFirst: Double(subject.days))
                        }
                        return share * schedule.sessions(from: Double(offset), to: Double(offset + subject.days))
                    }
                } else if let dose = component.adequateSessions {
                    { subject in Double(dose) * (context.minimumMonths.map { minimum in Double(min(subject.months, minimum)) / Double(minimum) } ?? 1) }
                } else {
                    nil
                }
            let adequate = due.map { due in subjects.filter { Double(present[component.id]?[$0.code] ?? 0) + 1e-9 >= due($0) }.count } ?? 0
            return ComponentDose(
                component: component.id, sessionMinutes: component.sessionMinutes, sessionsHeld: count.held,
                sessionsWithinLength: component.sessionMinutes == nil ? nil : count.within, adequateSessions: component.adequateSessions,
                scheduledShare: component.scheduledShare, unit: context.unit, subjects: due == nil ? 0 : subjects.count, adequate: adequate)
        }
    }

    /// Who an attendance row counts for, and the join that finds it: the person's household in
    /// family programmes (only they need the join), the person otherwise.
    static func attendee(_ context: AdoptionContext) -> (subject: SQL, join: SQL) {
        context.unit == .family ? ("p.household", "JOIN person p ON p.code = at.person") : ("at.person", "")
    }
}
