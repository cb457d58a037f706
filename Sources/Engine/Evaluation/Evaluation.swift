public import Foundation
public import Postgres
public import Templates

/// How one municipality delivers one adopted programme: rule findings, indicator values and
/// fidelity, computed inside the municipality's own boundary from its case records.
public struct Evaluation: Sendable, Codable {
    /// The tenant.
    public let tenant: String
    /// The adoption (the programme's id).
    public let adoption: String
    /// `id@version` of the programme adopted.
    public let model: String
    /// The programme's Polish name.
    public let modelName: String
    /// The period evaluated.
    public let period: EvaluationPeriod
    /// The day the figures describe (the period's end, or today if earlier).
    public let asOf: CalendarDate
    /// Every rule not met, with the entity and how far it is from compliance.
    public let findings: [Finding]
    /// How many entities each rule checked, by rule, so "no findings" can be read as "all met".
    public let rulesChecked: [Rule: Int]
    /// Every indicator the programme defines.
    public let indicators: [IndicatorValue]
    /// Adherence, dose and reach.
    public let fidelity: Fidelity
    /// The municipality's recorded adaptations, shown beside the fidelity score.
    public let adaptations: [Adaptation]
    /// The programme's Polish names by id (components, activities, roles, plans, …), so a
    /// report can name what it shows without the template at hand.
    public let names: [String: String]
    /// For an adoption upgraded to a new version, which version this evaluation is made
    /// against and since or until when, in Polish ("według wersji 1.0.0, do 31.12.2018; …").
    public var versionNote: String? = nil
    /// The parts of the municipality's file made up for demonstrations (its targets feed reach,
    /// its adaptations sit beside fidelity), so a report can say so.
    public var illustrative: [IllustrativePart]? = nil
    /// The municipality's starting figures, each beside the origin city's for reference.
    public var baselines: [BaselineFigure]? = nil
    /// The programme's goals with the indicators and components that serve them, when its
    /// template states a logic model.
    public var goals: [GoalProgress]? = nil
}

/// One goal of the programme and what in the evaluation serves it: a report reads the
/// indicators' values and the components' delivery by goal.
public struct GoalProgress: Sendable, Codable, Hashable {
    /// The goal's id.
    public let id: String
    /// The goal, in Polish.
    public let name: String
    /// The indicators showing progress towards it, by id, in the programme's order.
    public let indicators: [String]
    /// The components working towards it, by id, in the programme's order.
    public let components: [String]

    /// The goals of a programme that states a logic model; nil when it states none.
    static func all(_ programme: Programme) -> [GoalProgress]? {
        guard programme.hasLogicModel, let goals = programme.goals else { return nil }
        return goals.filter { !$0.id.isEmpty }.map { goal in
            GoalProgress(
                id: goal.id, name: goal.name.pl,
                indicators: programme.indicators(serving: goal.id).map(\.id), components: programme.components(serving: goal.id).map(\.id))
        }
    }
}

/// A starting figure: the municipality's own, and the programme's from its origin city, which
/// is only a reference (another city, another year).
public struct BaselineFigure: Sendable, Codable, Hashable {
    /// The baseline's id.
    public let id: String
    /// What was measured, in Polish.
    public let name: String
    /// The municipality's figure ("58", "12%", or both), nil when it states none.
    public let local: String?
    /// The year the municipality's figure describes.
    public let year: Int?
    /// Where the municipality's figure comes from.
    public let source: String?
    /// The origin city's figure, nil for a baseline of the municipality's own.
    public let reference: String?
    /// The year the origin city's figure describes.
    public let referenceYear: Int?

    /// The programme's baselines with the municipality's figures where it states them, then
    /// the municipality's own.
    static func all(local: [LocalBaseline], programme: Programme) -> [BaselineFigure] {
        func figure(_ value: Quantity?, _ share: Quantity?) -> String? {
            let parts = [value?.description, share?.description].compactMap { $0 }
            return parts.isEmpty ? nil : parts.joined(separator: " / ")
        }
        let defined = programme.baselines ?? []
        let shared = defined.map { baseline in
            let own = local.first { $0.id == baseline.id }
            return BaselineFigure(
                id: baseline.id, name: own?.name?.pl ?? baseline.name.pl, local: own.flatMap { figure($0.value, $0.share) }, year: own?.year,
                source: own?.source, reference: figure(baseline.value, baseline.share), referenceYear: baseline.year)
        }
        let own = local.filter { item in !defined.contains { $0.id == item.id } }.map {
            BaselineFigure(
                id: $0.id, name: $0.name?.pl ?? $0.id, local: figure($0.value, $0.share), year: $0.year, source: $0.source, reference: nil, referenceYear: nil)
        }
        return shared + own
    }
}

/// The days an evaluation covers: a whole adoption, or one calendar year of it.
public struct EvaluationPeriod: Sendable, Codable, Hashable, CustomStringConvertible {
    /// A label: `all` or a year such as `2025`.
    public let label: String
    /// First day.
    public let start: CalendarDate
    /// Last day.
    public let end: CalendarDate

    public var description: String { label == "all" ? "\(start) – \(end)" : label }
}

/// The rules a programme's delivery is checked against.
public enum Rule: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    /// Each household or person takes part at least the minimum time.
    case minimumParticipation = "minimum-participation"
    /// Each network carries out its obligations.
    case networkObligation = "network-obligation"
    /// No worker supports more households than the role's caseload limit.
    case caseload
    /// Everyone a component serves has the plan it requires.
    case requiredPlan = "required-plan"
    /// Each quota of a target group is filled.
    case quota

    public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A rule not met by one entity: which rule, who, and the figures and dates that show it.
/// Sentences about it, in Polish and English, are written where it is rendered.
public struct Finding: Sendable, Codable, Hashable {
    /// What the records show, for each way a rule can be missed.
    public enum Facts: Sendable, Codable, Hashable {
        /// An enrolment that ended after `months` of the `minimum` months required.
        case participationEnded(start: CalendarDate, end: CalendarDate, months: Int, minimum: Int)
        /// An enrolment that cannot reach `minimum` months before the adoption ends.
        case participationCannotReach(start: CalendarDate, adoptionEnd: CalendarDate, months: Int, minimum: Int)
        /// A network that held `held` of the `minimum` actions of `actionTypes` in `year` (nil:
        /// over the whole project).
        case networkActions(year: Int?, held: Int, minimum: Int, actionTypes: [String])
        /// A worker in `role` supporting `cases` households on `day`, over `limit`.
        case caseload(role: String, cases: Int, limit: Int, day: CalendarDate)
        /// `workers` recorded in `role` with `supervisors` in the role that supervises them,
        /// fewer than one for every `atMost`.
        case supervision(role: String, workers: Int, supervisor: String, supervisors: Int, atMost: Int)
        /// A participant of `component` (in `targetGroup`) without the `plan` it requires.
        case missingPlan(component: String, targetGroup: String?, plan: String)
        /// A quota with `filled` of its `size` places taken.
        case quotaUnfilled(quota: String, filled: Int, size: Int)
    }

    /// The rule.
    public let rule: Rule
    /// The entity: a pseudonymous code (household, person, staff, network) or a quota's id.
    public let entity: String
    /// What the records show.
    public let facts: Facts
    /// How far from compliance, in the rule's unit (months, actions, cases, plans, places).
    public let shortfall: Int

    /// A finding from its parts.
    public init(rule: Rule, entity: String, facts: Facts, shortfall: Int) {
        self.rule = rule
        self.entity = entity
        self.facts = facts
        self.shortfall = shortfall
    }
}

/// An indicator's value for the period.
public struct IndicatorValue: Sendable, Codable, Hashable {
    /// Whether the target is reached.
    public enum Status: String, Sendable, Codable {
        /// The value reaches the target.
        case met
        /// Not yet, but the period is not over and the pace would reach it.
        case onTrack = "on-track"
        /// The value misses the target.
        case notMet = "not-met"
        /// The programme sets no target.
        case noTarget = "no-target"
        /// Case records cannot give this value (or there is nothing to count yet).
        case noData = "no-data"
    }

    /// The indicator's id.
    public let id: String
    /// Its Polish name.
    public let name: String
    /// output, result, …
    public let kind: IndicatorKind
    /// The value: a count, a percentage (0–100) for shares, or a change.
    public let value: Decimal?
    /// For shares: the entities meeting it.
    public let numerator: Int?
    /// For shares: the entities counted.
    public let denominator: Int?
    /// Whether the value is a percentage.
    public let percent: Bool
    /// The target in words, e.g. "co najmniej 34%" (English: "at least 34%").
    public let target: LocalizedText?
    /// Met, on track, not met…
    public let status: Status
    /// Why there is no value, or how it was reached, when that needs saying.
    public let note: IndicatorNote?
}

/// What a reader needs beside an indicator's value; Reporting words it.
public enum IndicatorNote: Sendable, Codable, Hashable {
    /// A per-network figure while no network is recorded.
    case noNetworkYet
    /// How a per-network, per-year figure was reached.
    case actionsPerNetwork(actions: Int, networks: Int, days: Int)
    /// A change needs observations in two years; `years` have some so far (0 or 1).
    case changeNeedsTwoYears(years: Int)
    /// The counts a change was worked out from.
    case yearCounts(firstYear: Int, first: Int, lastYear: Int, last: Int)
    /// The yearly rates a change of a rate was worked out from: `first` of `firstOf` subjects
    /// had the outcome in the first year, `last` of `lastOf` in the last.
    case yearRates(firstYear: Int, first: Int, firstOf: Int, lastYear: Int, last: Int, lastOf: Int)
    /// Groups counted, the different people present at their sessions, and sessions of the
    /// activity recorded without a group (which no group count can include).
    case groupMembers(groups: Int, members: Int, ungroupedSessions: Int)
    /// The indicator compares with a baseline that case records do not hold.
    case baselineNotInRecords(baseline: String)
    /// Case records cannot give this kind of measure.
    case notFromRecords(type: MeasureType, subject: String)
    /// A share of nobody: nobody is in the group yet.
    case nobodyToCount
    /// A share of a scored outcome: `measured` of `of` subjects have a score after entry.
    case scoredSuccesses(measured: Int, of: Int)
    /// A change of a scored outcome: the mean entry and later scores of the `subjects`
    /// measured at both.
    case scoreMeans(subjects: Int, entry: Decimal, later: Decimal)
    /// A change of a scored outcome while no subject has both an entry and a later score.
    case scoresNeedEntryAndLater
}

/// How faithfully the programme is delivered.
public struct Fidelity: Sendable, Codable, Hashable {
    /// Core components with at least one session in the period, of all core components not dropped.
    public let coreComponentsDelivered: Int
    /// Core components the municipality must deliver.
    public let coreComponents: Int
    /// Core components with no session in the period.
    public let missingComponents: [String]
    /// Adherence, 0–1.
    public let adherence: Double
    /// Mean months of participation received, capped at the minimum, over the minimum (0–1);
    /// nil when the programme sets no minimum.
    public let doseMonths: Double?
    /// Mean sessions attended (present) per enrolled household or person.
    public let sessionsPerSubject: Double
    /// Households or persons enrolled.
    public let enrolled: Int
    /// The local target, if the tenant set one.
    public let target: Int?
    /// Enrolled over target, 0–1 (may exceed 1), when there is a target.
    public let reach: Double?
    /// Of the components that state an adequate dose, the mean share of households or persons
    /// who received it so far (0–1); nil when no component states one.
    public let doseSessions: Double?
    /// One score, 0–100: the mean of adherence, the two doses and reach (each capped at 1) that apply.
    public let score: Double
    /// Per household (or person): months, sessions attended, and whether they completed.
    public let subjects: [SubjectDose]
    /// Per component that states a session length or an adequate dose: what was delivered.
    public let doses: [ComponentDose]
    /// The programme's essential elements and whether each is in place; nil when it lists none.
    public var checklist: [ChecklistItem]? = nil
}

/// One essential element of the programme and whether it is in place.
public struct ChecklistItem: Sendable, Codable, Hashable {
    /// The element's id.
    public let element: String
    /// The element, in Polish.
    public let name: String
    /// How it is judged.
    public let assessed: FidelityAssessment
    /// Whether it is in place: nil when no self-assessment is recorded yet.
    public let met: Bool?
    /// For a self-assessed element, the day of the assessment that counts.
    public let assessedOn: CalendarDate?
    /// For an element judged from records, the indicator that decides it.
    public let indicator: String?

    /// Met, counted as such in the score; an element never assessed counts as not in place.
    public var counts: Bool { met ?? false }
}

/// What one component delivered against the dose its template states.
public struct ComponentDose: Sendable, Codable, Hashable {
    /// The component's id.
    public let component: String
    /// The stated length of one session, if any.
    public let sessionMinutes: MinuteRange?
    /// Sessions of the component held in the period.
    public let sessionsHeld: Int
    /// Of those, how many lasted within the stated length; nil when no length is stated.
    public let sessionsWithinLength: Int?
    /// Sessions that make an adequate dose over the whole participation; nil when not stated.
    public let adequateSessions: Int?
    /// When the dose follows the component's schedule: the share of the sessions scheduled so
    /// far that is adequate (0–1).
    public let scheduledShare: Double?
    /// What the programme enrols: households or persons.
    public let unit: ParticipationUnit
    /// Households or persons counted for the dose.
    public let subjects: Int
    /// Of those, how many attended at least their share of the adequate dose by now: all of it
    /// once they have taken part for the programme's minimum duration, in proportion before.
    public let adequate: Int

    /// A component's dose from its parts.
    public init(
        component: String, sessionMinutes: MinuteRange?, sessionsHeld: Int, sessionsWithinLength: Int?, adequateSessions: Int?,
        scheduledShare: Double? = nil, unit: ParticipationUnit, subjects: Int, adequate: Int
    ) {
        self.component = component
        self.sessionMinutes = sessionMinutes
        self.sessionsHeld = sessionsHeld
        self.sessionsWithinLength = sessionsWithinLength
        self.adequateSessions = adequateSessions
        self.scheduledShare = scheduledShare
        self.unit = unit
        self.subjects = subjects
        self.adequate = adequate
    }

    /// Sessions within the stated length, of all held (0–1); nil without a length or sessions.
    public var lengthShare: Double? {
        guard let within = sessionsWithinLength, sessionsHeld > 0 else { return nil }
        return Double(within) / Double(sessionsHeld)
    }

    /// Households or persons with an adequate dose so far, of all counted (0–1); nil when no
    /// dose is stated or nobody is enrolled.
    public var adequateShare: Double? {
        guard adequateSessions != nil || scheduledShare != nil, subjects > 0 else { return nil }
        return Double(adequate) / Double(subjects)
    }
}

/// What one household or person received.
public struct SubjectDose: Sendable, Codable, Hashable {
    /// The pseudonymous code.
    public let code: String
    /// Months taken part so far.
    public let months: Int
    /// Days taken part so far, for schedules counted from enrolment.
    public let days: Int
    /// Sessions attended (present).
    public let sessions: Int
    /// Reached the minimum participation.
    public let completed: Bool
    /// Left early by dropping out (not for moving away or other reasons).
    public let droppedOut: Bool
}
