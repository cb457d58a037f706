import Foundation
import Postgres
import Templates

/// Computes every indicator a programme defines from the tenant's records.
enum IndicatorMeasure {
    static func values(_ context: AdoptionContext, on session: Session) async throws -> [IndicatorValue] {
        var values: [IndicatorValue] = []
        for indicator in context.programme.indicators ?? [] {
            values.append(try await value(of: indicator, context, on: session))
        }
        return values
    }

    /// The persons or households a measure's subject names, enrolled during the period, as
    /// a query returning `code` (pseudonymous) rows.
    static func subjects(_ measure: Measure, _ context: AdoptionContext) -> SQL {
        let group = measure.targetGroup ?? ""
        let households = measure.subject == "families"
        let childrenOnly = measure.subject == "children"
        return """
            SELECT DISTINCT CASE WHEN \(households) THEN coalesce(e.household, p.household) ELSE coalesce(e.person, m.code) END AS code
            FROM enrolment e
            LEFT JOIN person p ON p.code = e.person
            LEFT JOIN person m ON m.household = e.household AND NOT \(households)
            WHERE e.adoption = \(context.id) AND e.starts_on <= least(\(context.end), \(context.asOf))
              AND (e.ends_on IS NULL OR e.ends_on >= \(context.start))
              AND (\(group) = '' OR e.target_group = \(group)
                   OR e.target_group IN (SELECT id FROM model_element WHERE adoption = e.adoption AND kind = 'target-group' AND parent = \(group)))
              AND (NOT \(childrenOnly) OR coalesce(p.birth_year, m.birth_year) > extract(year FROM \(context.asOf))::integer - 18)
              AND CASE WHEN \(households) THEN coalesce(e.household, p.household) ELSE coalesce(e.person, m.code) END IS NOT NULL
            """
    }

    /// What a measure gave: the value and what a reader needs beside it.
    struct Measurement {
        var value: Decimal?
        var percent = false
        var numerator: Int?
        var denominator: Int?
        var note: IndicatorNote?
        /// A count that grows over the period, judged against the pace so far while it runs.
        var countLike = false
    }

    static func value(of indicator: Indicator, _ context: AdoptionContext, on session: Session) async throws -> IndicatorValue {
        let measured = try await measurement(indicator.measure, context, on: session)
        return IndicatorValue(
            id: indicator.id, name: indicator.name.pl, kind: indicator.kind, value: measured.value, numerator: measured.numerator,
            denominator: measured.denominator, percent: measured.percent,
            target: targetText(indicator.target).map {
                context.localTargets.contains(indicator.id) ? LocalizedText(pl: $0.pl + " (cel gminy)", en: ($0.en ?? "") + " (local target)") : $0
            },
            status: status(measured.value, indicator.target, context, countLike: measured.countLike), note: measured.note)
    }

    /// Each kind of measure is one named step.
    static func measurement(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        switch (measure.type, measure.subject) {
        case (.count, "families"), (.count, "participants"), (.count, "persons"), (.count, "children"):
            try await subjectCount(measure, context, on: session)
        case (.count, "network-actions"): try await networkActions(measure, context, on: session)
        case (.count, "sessions"): try await sessionCount(measure, context, on: session)
        case (.count, "groups"): try await groupCount(measure, context, on: session)
        case (.count, "plans"): try await planCount(measure, context, on: session)
        case (.share, _) where measure.outcome != nil: try await outcomeShare(measure, context, on: session)
        case (.share, _) where measure.plan != nil: try await planShare(measure, context, on: session)
        case (.change, _) where measure.outcome != nil && measure.rate == true: try await outcomeRateChange(measure, context, on: session)
        case (.change, _) where measure.outcome != nil: try await outcomeChange(measure, context, on: session)
        default: notFromRecords(measure, context)
        }
    }

    /// How many families, participants, persons or children took part.
    static func subjectCount(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        let count = try await session.query("SELECT count(*) AS n FROM (\(subjects(measure, context))) s").scalar(Int.self)
        return Measurement(value: Decimal(count), countLike: true)
    }

    /// Network actions, in all or per network and year.
    static func networkActions(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        let types = measure.actionTypes ?? []
        let row = try await session.query(
            """
            SELECT (SELECT count(*) FROM network_action na JOIN network n ON n.code = na.network
                    WHERE n.adoption = \(context.id) AND (\(measure.network ?? "") = '' OR n.network = \(measure.network ?? ""))
                      AND (cardinality(\(types)) = 0 OR na.action_type = ANY(\(types)))
                      AND na.held_on BETWEEN \(context.start) AND \(context.asOf)) AS actions,
                   (SELECT count(*) FROM network n WHERE n.adoption = \(context.id)
                      AND (\(measure.network ?? "") = '' OR n.network = \(measure.network ?? ""))) AS networks
            """
        ).first!
        let actions: Int = try row.decode("actions")
        let networks: Int = try row.decode("networks")
        guard measure.per == "year" else { return Measurement(value: Decimal(actions), countLike: true) }
        let days = max(1, context.asOf.daysSinceEpoch - context.start.daysSinceEpoch + 1)
        guard networks > 0 else { return Measurement(value: nil, note: .noNetworkYet) }
        // Actions per network per year, over the part of the period that has passed.
        let perYear = Double(actions) / Double(networks) / (Double(days) / 365.25)
        return Measurement(
            value: Decimal(string: String(format: "%.2f", perYear)),
            note: .actionsPerNetwork(actions: actions, networks: networks, days: days))
    }

    /// Sessions held, of a component or activity.
    static func sessionCount(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        let count = try await session.query(
            """
            SELECT count(*) AS n FROM session WHERE adoption = \(context.id) AND held_on BETWEEN \(context.start) AND \(context.asOf)
              AND (\(measure.component ?? "") = '' OR component = \(measure.component ?? "")) AND (\(measure.activity ?? "") = '' OR activity = \(measure.activity ?? ""))
            """
        ).scalar(Int.self)
        return Measurement(value: Decimal(count), countLike: true)
    }

    /// Groups that met for the activity in the period: sessions sharing a group code are one
    /// group. The note says how many different people were present at them.
    static func groupCount(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        let row = try await session.query(
            """
            SELECT count(DISTINCT se.group_code) AS groups, count(DISTINCT at.person) FILTER (WHERE at.status = 'present') AS members,
                   count(*) FILTER (WHERE se.group_code IS NULL AND at.person IS NULL) AS ungrouped
            FROM session se LEFT JOIN attendance at ON at.session = se.code AND se.group_code IS NOT NULL
            WHERE se.adoption = \(context.id) AND se.held_on BETWEEN \(context.start) AND \(context.asOf) AND se.activity = \(measure.activity ?? "")
            """
        ).first!
        let groups: Int = try row.decode("groups")
        return Measurement(
            value: Decimal(groups), note: .groupMembers(groups: groups, members: try row.decode("members"), ungroupedSessions: try row.decode("ungrouped")),
            countLike: true)
    }

    /// Plans drawn up.
    static func planCount(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        let count = try await session.query(
            """
            SELECT count(*) AS n FROM plan WHERE adoption = \(context.id) AND drawn_up_on <= \(context.asOf)
              AND (\(measure.plan ?? "") = '' OR plan = \(measure.plan ?? ""))
            """
        ).scalar(Int.self)
        return Measurement(value: Decimal(count), countLike: true)
    }

    /// The share of subjects with an outcome; for a scored outcome, the note says how many
    /// were measured after entry at all.
    static func outcomeShare(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        let row = try await session.query(withOutcome(measure, context)).first!
        var measured = share(row)
        if let count = try? row.decode("measured", as: Int.self), measured.denominator ?? 0 > 0 {
            measured.note = .scoredSuccesses(measured: count, of: measured.denominator ?? 0)
        }
        return measured
    }

    /// The subjects of `context` (denominator) and those of them with the measure's outcome
    /// achieved by the day the figures describe, from `since` on when given (numerator). An
    /// observed outcome is achieved when observed (after entry); a scored one when the
    /// subject's latest score after entry reaches the success score, so a later relapse counts.
    static func withOutcome(_ measure: Measure, _ context: AdoptionContext, since: CalendarDate? = nil) -> SQL {
        let from: SQL = since.map { "AND o.observed_on >= \($0)" } ?? ""
        let afterEntry: SQL = """
            o.adoption = \(context.id) AND o.outcome = \(measure.outcome!) AND o.observed_on <= \(context.asOf) \(from)
            AND o.occasion IS DISTINCT FROM 'entry' AND (o.household = s.code OR o.person = s.code OR op.household = s.code)
            """
        if let measurement = context.programme.outcome(measure.outcome!)?.measurement, measurement.isScored {
            let success = measurement.success
            return """
                SELECT count(*) AS denominator, count(latest.score) AS measured,
                       count(*) FILTER (WHERE latest.score >= coalesce(\(success?.atLeast?.value), latest.score)
                                          AND latest.score <= coalesce(\(success?.atMost?.value), latest.score)) AS numerator
                FROM (\(subjects(measure, context))) s
                LEFT JOIN LATERAL (SELECT o.score FROM outcome o LEFT JOIN person op ON op.code = o.person
                                   WHERE \(afterEntry) AND o.score IS NOT NULL ORDER BY o.observed_on DESC LIMIT 1) latest ON true
                """
        }
        return """
            SELECT count(*) AS denominator,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outcome o LEFT JOIN person op ON op.code = o.person WHERE \(afterEntry))) AS numerator
            FROM (\(subjects(measure, context))) s
            """
    }

    /// The share of subjects with a plan.
    static func planShare(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        var planMeasure = measure
        if planMeasure.targetGroup == nil, let component = measure.component, let group = context.programme.component(component)?.targetGroups?.first {
            planMeasure.targetGroup = group
        }
        let row = try await session.query(
            """
            SELECT count(*) AS denominator,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM plan pl WHERE pl.adoption = \(context.id) AND pl.plan = \(measure.plan!)
                                                    AND pl.drawn_up_on <= \(context.asOf) AND (pl.person = s.code OR pl.household = s.code))) AS numerator
            FROM (\(subjects(planMeasure, context))) s
            """
        ).first!
        return share(row)
    }

    /// The change in observed outcomes between the first and the last year; for a scored
    /// outcome, the mean change in score.
    static func outcomeChange(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        if context.programme.outcome(measure.outcome!)?.measurement?.isScored == true {
            return try await scoreChange(measure, context, on: session)
        }
        let rows = try await session.query(
            """
            SELECT extract(year FROM o.observed_on)::integer AS year, count(*) AS n FROM outcome o
            WHERE o.adoption = \(context.id) AND o.outcome = \(measure.outcome!) AND o.observed_on BETWEEN \(context.start) AND \(context.asOf)
            GROUP BY 1 ORDER BY 1
            """
        ).rows
        guard rows.count >= 2, let first = rows.first, let last = rows.last else {
            return Measurement(
                value: nil,
                note: .changeNeedsTwoYears(years: rows.count))
        }
        let (before, after): (Int, Int) = (try first.decode("n"), try last.decode("n"))
        let note = IndicatorNote.yearCounts(firstYear: try first.decode("year"), first: before, lastYear: try last.decode("year"), last: after)
        return Measurement(value: Decimal(after - before), numerator: after, denominator: before, note: note)
    }

    /// The mean change in score of the subjects measured both at entry and after it: each
    /// subject's latest score after entry minus their first entry score, averaged.
    static func scoreChange(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        let ofSubject: SQL = """
            o.adoption = \(context.id) AND o.outcome = \(measure.outcome!) AND o.observed_on <= \(context.asOf) AND o.score IS NOT NULL
            AND (o.household = s.code OR o.person = s.code OR op.household = s.code)
            """
        let row = try await session.query(
            """
            SELECT count(*) AS pairs, round(avg(later.score - entry.score), 1) AS change,
                   round(avg(entry.score), 1) AS before, round(avg(later.score), 1) AS after
            FROM (\(subjects(measure, context))) s
            JOIN LATERAL (SELECT o.score FROM outcome o LEFT JOIN person op ON op.code = o.person
                          WHERE \(ofSubject) AND o.occasion = 'entry' ORDER BY o.observed_on LIMIT 1) entry ON true
            JOIN LATERAL (SELECT o.score FROM outcome o LEFT JOIN person op ON op.code = o.person
                          WHERE \(ofSubject) AND o.occasion IS DISTINCT FROM 'entry' ORDER BY o.observed_on DESC LIMIT 1) later ON true
            """
        ).first!
        let pairs: Int = try row.decode("pairs")
        guard pairs > 0 else { return Measurement(value: nil, note: .scoresNeedEntryAndLater) }
        let before: Decimal = try row.decode("before")
        let after: Decimal = try row.decode("after")
        return Measurement(value: try row.decode("change"), note: .scoreMeans(subjects: pairs, entry: before, later: after))
    }

    /// The yearly rate of an outcome among the subjects enrolled that year, first year against
    /// last, in percentage points: unlike a count, it does not rise because more are enrolled.
    static func outcomeRateChange(_ measure: Measure, _ context: AdoptionContext, on session: Session) async throws -> Measurement {
        var rates: [(year: Int, share: Measurement)] = []
        for year in context.start.year...context.asOf.year {
            let last = min(CalendarDate(year: year, month: 12, day: 31), context.asOf)
            guard let within = context.narrowed(from: CalendarDate(year: year, month: 1, day: 1), to: last, label: String(year)) else { continue }
            let rate = share(try await session.query(withOutcome(measure, within, since: within.start)).first!)
            if rate.value != nil { rates.append((year, rate)) }
        }
        guard rates.count >= 2, let first = rates.first, let last = rates.last, let before = first.share.value, let after = last.share.value else {
            return Measurement(value: nil, note: .changeNeedsTwoYears(years: rates.count))
        }
        let note = IndicatorNote.yearRates(
            firstYear: first.year, first: first.share.numerator ?? 0, firstOf: first.share.denominator ?? 0, lastYear: last.year,
            last: last.share.numerator ?? 0, lastOf: last.share.denominator ?? 0)
        return Measurement(value: after - before, note: note)
    }

    /// A measure case records cannot give, with the reason.
    static func notFromRecords(_ measure: Measure, _ context: AdoptionContext) -> Measurement {
        let why = measure.baseline.map { IndicatorNote.baselineNotInRecords(baseline: $0) } ?? .notFromRecords(type: measure.type, subject: measure.subject)
        return Measurement(value: nil, note: why)
    }

    static func share(_ row: Row) -> Measurement {
        let denominator = (try? row.decode("denominator", as: Int.self)) ?? 0
        let numerator = (try? row.decode("numerator", as: Int.self)) ?? 0
        guard denominator > 0 else {
            return Measurement(value: nil, percent: true, numerator: 0, denominator: 0, note: .nobodyToCount)
        }
        let percent = Decimal(string: String(format: "%.1f", Double(numerator) * 100 / Double(denominator)))
        return Measurement(value: percent, percent: true, numerator: numerator, denominator: denominator)
    }

    static func targetText(_ target: Target?) -> LocalizedText? {
        guard let target else { return nil }
        var polish: [String] = []
        var english: [String] = []
        if let atLeast = target.atLeast {
            polish.append("co najmniej \(atLeast.polish)")
            english.append("at least \(atLeast)")
        }
        if let atMost = target.atMost {
            polish.append("najwyżej \(atMost.polish)")
            english.append("at most \(atMost)")
        }
        switch target.direction {
        case .decrease?:
            polish.append("spadek")
            english.append("a decrease")
        case .increase?:
            polish.append("wzrost")
            english.append("an increase")
        case nil: break
        }
        return polish.isEmpty ? nil : LocalizedText(pl: polish.joined(separator: ", "), en: english.joined(separator: ", "))
    }

    /// Met, not met, or (for counts while the period runs) on track at the pace so far.
    static func status(_ value: Decimal?, _ target: Target?, _ context: AdoptionContext, countLike: Bool) -> IndicatorValue.Status {
        guard let target else { return value == nil ? .noData : .noTarget }
        guard let value else { return .noData }
        var met = true
        if let atLeast = target.atLeast, value < atLeast.value { met = false }
        if let atMost = target.atMost, value > atMost.value { met = false }
        if target.direction == .decrease, value >= 0 { met = false }
        if target.direction == .increase, value <= 0 { met = false }
        if met { return .met }
        if countLike, context.asOf < context.end, let atLeast = target.atLeast {
            let elapsed = Double(context.asOf.daysSinceEpoch - context.start.daysSinceEpoch + 1) / Double(context.end.daysSinceEpoch - context.start.daysSinceEpoch + 1)
            if NSDecimalNumber(decimal: value).doubleValue >= NSDecimalNumber(decimal: atLeast.value).doubleValue * elapsed { return .onTrack }
        }
        return .notMet
    }
}

extension Quantity {
    /// As Polish writes it: a decimal comma (22,5%).
    var polish: String { description.replacingOccurrences(of: ".", with: ",") }
}
