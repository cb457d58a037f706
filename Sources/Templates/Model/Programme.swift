public import Foundation

/// A resolved programme template: its own content, what it inherited through `extends`, and
/// the library components it uses, checked and typed. This is what `kokon show --format json`
/// prints and what the engine adopts.
public struct Programme: Sendable, Codable, Hashable {
    public var id: String
    public var version: SemanticVersion
    public var name: LocalizedText
    public var summary: LocalizedText?
    public var extends: ModelReference?
    /// The chain of programmes this one builds on, nearest first, as `id@version`.
    public var lineage: [String] = []
    public var origin: Origin?
    public var implementer: String?
    public var contact: String?
    public var status: ProgrammeStatus?
    public var partners: [Partner]?
    public var funding: Funding?
    public var budget: Budget?
    public var period: Period?
    public var themes: [LocalizedText]?
    /// What the programme aims at; outcomes, indicators and components name the goals they serve.
    public var goals: [Goal]?
    public var expectedResults: [LocalizedText]?
    public var criteria: [Criterion]?
    public var targetGroups: [TargetGroup]?
    public var participation: Participation?
    public var roles: [Role]?
    public var plans: [Plan]?
    public var outcomes: [Outcome]?
    public var components: [Component]?
    /// Local programmes and instruments it is carried out through, as the source names them.
    public var deliveredThrough: [LocalizedText]?
    /// The kinds of activation instrument it uses.
    public var activationInstruments: [ActivationInstrument]?
    public var networks: [Network]?
    public var baselines: [Baseline]?
    public var indicators: [Indicator]?
    public var phases: [Phase]?
    public var products: [Product]?
    public var adaptation: AdaptationBounds?
    /// The programme's essential elements, each judged from records or by self-assessment.
    public var fidelityChecklist: [FidelityElement]?
    /// This version's life: draft, approved or withdrawn, when, what changed, what replaces it.
    /// Never inherited through `extends`: each version states its own.
    public var release: Release?

    /// `id@version`.
    public var reference: String { "\(id)@\(version)" }

    /// The component with an id.
    public func component(_ id: String) -> Component? { components?.first { $0.id == id } }
    /// The role with an id.
    public func role(_ id: String) -> Role? { roles?.first { $0.id == id } }
    /// The outcome with an id.
    public func outcome(_ id: String) -> Outcome? { outcomes?.first { $0.id == id } }
}

/// A version's life, as its methodologist records it.
public struct Release: Sendable, Codable, Hashable {
    /// Draft, approved or withdrawn.
    public var status: ReleaseStatus
    /// When it was approved, or withdrawn.
    public var date: Day?
    /// What changed from the version before (the changelog entry).
    public var changes: [LocalizedText]?
    /// For a withdrawn version: the version to run instead.
    public var replacedBy: ModelReference?
    /// For a withdrawn version: why it was withdrawn.
    public var reason: LocalizedText?
}

extension Programme {
    /// Whether municipalities may newly adopt this version: approved, or with no stated life
    /// (templates written before versions had one).
    public var isAdoptable: Bool { release.map { $0.status == .approved } ?? true }
}

public struct Origin: Sendable, Codable, Hashable {
    public var municipality: String
    public var voivodeship: String?
    public var area: LocalizedText?
    public var reach: String?
}

public struct Partner: Sendable, Codable, Hashable {
    public var name: String
    public var sector: String
    public var role: String?
    public var country: String?
    public var description: LocalizedText?
}

public struct Funding: Sendable, Codable, Hashable {
    public var source: String?
    public var programme: String?
    public var programmingPeriod: String?
    public var priority: String?
    public var measure: String?
    public var submeasure: String?
    public var call: String?
    public var projectType: String?
    public var specificObjective: LocalizedText?
    public var agreementSigned: Day?
}

public struct BudgetLine: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var amount: Money?
}

public struct Budget: Sendable, Codable, Hashable {
    public var total: Money?
    public var approximate: Bool?
    public var grant: Money?
    public var ownContribution: Money?
    public var years: String?
    public var lines: [BudgetLine]?
}

public struct Period: Sendable, Codable, Hashable {
    public var start: Day
    public var end: Day
}

public struct Criterion: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    /// How it is settled from records; a flag unless stated.
    public var type: CriterionType?
    /// For a count: which members, and how many.
    public var count: MemberCount?
    /// For a window: the event, and how long before or after it an enrolment may start.
    public var window: EventWindow?

    /// Its type, a flag unless stated.
    public var kind: CriterionType { type ?? .flag }
}

/// How long after (or before) a dated event of a person an enrolment may start, in whole
/// months: events are recorded to the month, never the day, so a date in a person's life is
/// not kept more exactly than the rule needs.
public struct EventWindow: Sendable, Codable, Hashable {
    /// The event's id, as recorded for persons (e.g. `left-care`).
    public var event: String
    /// What the event is, for forms and the handbook.
    public var eventName: LocalizedText
    /// After the event (the default) or before it.
    public var side: WindowSide?
    /// The shortest and the longest time between the event and the enrolment's start.
    public var atLeast: Duration?
    public var atMost: Duration?

    /// Its side, after unless stated.
    public var direction: WindowSide { side ?? .after }

    /// "najwyżej 12 miesięcy po zdarzeniu „opuszczenie pieczy zastępczej”".
    public var polish: String {
        let span =
            switch (atLeast, atMost) {
            case (let low?, let high?): "od \(low.polish) do \(high.polish)"
            case (let low?, nil): "co najmniej \(low.polish)"
            case (nil, let high?): "najwyżej \(high.polish)"
            case (nil, nil): ""
            }
        return "\(span) \(direction == .after ? "po zdarzeniu" : "przed zdarzeniem") „\(eventName.pl)”"
    }
}

/// How many household members of a kind a count criterion asks for.
public struct MemberCount: Sendable, Codable, Hashable {
    /// Which members are counted.
    public var of: MemberKind
    /// The fewest.
    public var atLeast: Int?
    /// The most.
    public var atMost: Int?

    /// "co najmniej 3 dzieci", "najwyżej 0 dzieci", "od 1 do 2 dorosłych".
    public var polish: String {
        switch (atLeast, atMost) {
        case (let low?, let high?): "od \(low) do \(high) \(of.polish)"
        case (let low?, nil): "co najmniej \(low) \(of.polish)"
        case (nil, let high?): high == 0 ? "bez \(of.polish)" : "najwyżej \(high) \(of.polish)"
        case (nil, nil): of.polish
        }
    }
}

public struct Quota: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var size: Int
    public var criteria: [String]?
    public var anyOfCriteria: [String]?
}

/// Ages a target group serves, in an explicit unit.
public struct AgeRange: Sendable, Codable, Hashable {
    /// The youngest age served.
    public var min: Int
    /// The oldest age served.
    public var max: Int
    /// What the numbers count.
    public var unit: AgeUnit

    /// A range from its parts.
    public init(min: Int, max: Int, unit: AgeUnit) {
        self.min = min
        self.max = max
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey { case min, max, unit }

    /// Reads a stored range. Adoptions stored before ranges had a unit counted in years, so
    /// those still read as years; a template must now state its unit (the schema requires it).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        min = try container.decode(Int.self, forKey: .min)
        max = try container.decode(Int.self, forKey: .max)
        unit = try container.decodeIfPresent(AgeUnit.self, forKey: .unit) ?? .years
    }
}

public struct TargetGroup: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var unit: TargetGroupUnit?
    public var size: Int?
    public var approximate: Bool?
    public var age: AgeRange?
    public var criteria: [String]?
    /// Criteria an enrolment into the group must meet; checked at enrolment.
    public var requires: [String]?
    /// Criteria that keep a household or person out of the group; checked at enrolment.
    public var excludes: [String]?
    public var eligibility: [LocalizedText]?
    public var preferences: [LocalizedText]?
    public var quotas: [Quota]?
    public var relatedTo: String?
}

public struct Participation: Sendable, Codable, Hashable {
    public var unit: ParticipationUnit
    public var minimumDuration: Duration?
    public var description: LocalizedText?
}

public struct Caseload: Sendable, Codable, Hashable {
    public var min: Int?
    public var max: Int
    public var unit: ParticipationUnit?
}

public struct Role: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var caseload: Caseload?
    /// What a worker must have for the role.
    public var qualifications: [LocalizedText]?
    /// Training each worker must complete.
    public var training: [LocalizedText]?
    /// Supervision each worker receives.
    public var supervision: Supervision?
    /// Who supervises the role, and how many per supervisor.
    public var supervisedBy: SupervisionRatio?
}

/// Minutes of supervision per period, e.g. 60 a week.
public struct Supervision: Sendable, Codable, Hashable {
    public var minutes: Int
    public var per: String
}

/// One supervisor of `role` for at most `atMost` workers.
public struct SupervisionRatio: Sendable, Codable, Hashable {
    public var role: String
    public var atMost: Int

    /// The supervisors `workers` need: one for every `atMost`, started.
    public func supervisorsNeeded(for workers: Int) -> Int { Self.supervisorsNeeded(for: workers, atMost: atMost) }

    /// The supervisors `workers` need when one may have at most `atMost`.
    public static func supervisorsNeeded(for workers: Int, atMost: Int) -> Int { (workers + atMost - 1) / atMost }
}

public struct Plan: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var `for`: RecordSubject?
}

public struct Outcome: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var unit: RecordSubject?
    /// The goals this change serves.
    public var goals: [String]?
    /// How it is measured; nil when it is simply observed on a day.
    public var measurement: OutcomeMeasurement?
}

public struct Cadence: Sendable, Codable, Hashable {
    public var times: Int
    public var per: String

    /// A cadence from its parts.
    public init(times: Int, per: String) {
        self.times = times
        self.per = per
    }

    /// Sessions a year, for comparing cadences counted per different periods; nil per project.
    public var perYear: Double? {
        switch per {
        case "week": Double(times) * 365.25 / 7
        case "month": Double(times) * 12
        case "year": Double(times)
        default: nil
        }
    }

    /// "1 raz w tygodniu", "2 razy w miesiącu".
    public var polish: String {
        let period =
            switch per {
            case "week": "w tygodniu"
            case "month": "w miesiącu"
            case "year": "w roku"
            default: "w projekcie"
            }
        return "\(times) \(PolishWords.form(times, "raz", "razy", "razy")) \(period)"
    }
}

/// The delivery forms a municipality may use for a component.
public struct DeliveryBound: Sendable, Codable, Hashable {
    /// The component.
    public var component: String
    /// The forms allowed.
    public var forms: [String]
}

/// How seldom a municipality may hold a component's sessions: at least this often.
public struct CadenceBound: Sendable, Codable, Hashable {
    /// The component.
    public var component: String
    /// The least often it may be held.
    public var atLeast: Cadence
}

/// The criteria a municipality may add to a target group's rules, as requirements or
/// exclusions: it may narrow the group the programme serves, never widen it.
public struct EligibilityBound: Sendable, Codable, Hashable {
    /// The target group.
    public var targetGroup: String
    /// The programme's criteria it may add.
    public var criteria: [String]
}

public struct Occasion: Sendable, Codable, Hashable {
    public var start: Day
    public var end: Day?
    public var place: String?
    public var hours: String?
}

public struct Activity: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var delivery: String?
    public var roles: [String]?
    public var cadence: Cadence?
    public var count: Int?
    public var groupSize: Int?
    public var participants: Int?
    /// Families planned to take part, where the source counts families.
    public var families: Int?
    public var occasions: [Occasion]?
    public var actionType: String?
}

public struct Component: Sendable, Codable, Hashable {
    public var id: String
    /// The library component this one is built on, resolved to an exact version.
    public var use: String?
    public var name: LocalizedText?
    public var description: LocalizedText?
    public var core: Bool?
    public var delivery: [String]?
    public var roles: [String]?
    public var targetGroups: [String]?
    public var requiresPlan: String?
    public var cadence: Cadence?
    /// How often participants meet as their time in the programme goes on.
    public var schedule: [ScheduleStep]?
    /// The event the schedule is counted from instead of enrolment (e.g. a birth): one a
    /// window criterion of the programme names, so it is recorded for persons.
    public var scheduleFrom: String?
    /// How long one session lasts, in minutes.
    public var sessionMinutes: MinuteRange?
    /// Sessions each participant is expected to attend over the whole participation.
    public var expectedSessions: Int?
    /// The fewest sessions that make an adequate dose.
    public var minimumSessions: Int?
    /// The share of the expected sessions that makes an adequate dose.
    public var adequateShare: Quantity?
    public var activities: [Activity]?
    /// The goals this component exists for.
    public var goals: [String]?

    /// True unless marked adaptable; a component is core by default.
    public var isCore: Bool { core ?? true }

    /// The adequate share of the scheduled sessions, 0–1, when the dose follows a schedule.
    public var scheduledShare: Double? {
        guard let schedule, !schedule.isEmpty, let share = adequateShare else { return nil }
        return NSDecimalNumber(decimal: share.value).doubleValue / 100
    }

    /// The sessions that make an adequate dose over the whole participation: the minimum as
    /// given, or the adequate share of the expected sessions (rounded up); nil if neither is set.
    public var adequateSessions: Int? {
        if let minimumSessions { return minimumSessions }
        guard let share = adequateShare, let expected = expectedSessions else { return nil }
        let exact = NSDecimalNumber(decimal: share.value * Decimal(expected) / 100).doubleValue
        return Int(exact.rounded(.up))
    }
}

/// One step of a component's schedule: a session every so often, until a time after enrolment.
public struct ScheduleStep: Sendable, Codable, Hashable {
    /// What the step is called.
    public var name: LocalizedText?
    /// When the step ends, after enrolment; nil for the last, open-ended step.
    public var until: Duration?
    /// How often a session is held.
    public var every: Duration
}

extension [ScheduleStep] {
    /// The sessions the schedule holds between `from` and `to` days after the moment it is
    /// counted from; days before that moment hold none.
    public func sessions(from: Double, to: Double) -> Double {
        Swift.max(0, sessions(inFirst: Swift.max(0, to)) - sessions(inFirst: Swift.max(0, from)))
    }

    /// The sessions the schedule holds in the first `days` days after enrolment (fractional:
    /// a session every 2 weeks is half a session after one week).
    public func sessions(inFirst days: Double) -> Double {
        var start = 0.0
        var total = 0.0
        for step in self {
            let end = step.until.map(\.approximateDays) ?? .infinity
            let overlap = Swift.max(0, Swift.min(days, end) - start)
            total += overlap / step.every.approximateDays
            start = end
            if start >= days { break }
        }
        return total
    }
}

/// A length in whole minutes, from the shortest to the longest.
public struct MinuteRange: Sendable, Codable, Hashable {
    /// The shortest.
    public var min: Int
    /// The longest.
    public var max: Int

    /// A range from its ends.
    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    /// "60–90 minut", or "60 minut" for a fixed length.
    public var polish: String {
        (min == max ? "\(max)" : "\(min)–\(max)") + " " + PolishWords.form(max, "minuta", "minuty", "minut")
    }
}

public struct Obligation: Sendable, Codable, Hashable {
    public var minimum: Int
    public var per: String
    public var actionTypes: [String]
    /// The kinds are examples: an action of any kind counts.
    public var open: Bool?

    /// The kinds an action may be of to count; nil when any kind counts.
    public var countedTypes: [String]? { open == true ? nil : actionTypes }
}

public struct Network: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var memberSectors: [String]?
    public var obligations: [Obligation]?
}

/// A number, or a percentage.
public struct Quantity: Sendable, Codable, Hashable, CustomStringConvertible {
    public var value: Decimal
    public var percent: Bool
    public var description: String { "\(value)\(percent ? "%" : "")" }

    /// A number, or a percentage.
    public init(value: Decimal, percent: Bool) {
        self.value = value
        self.percent = percent
    }

    /// "40", "35%", "12,5%" (a comma or a point; at most two decimals); nil otherwise.
    public static func parse(_ text: String) -> Quantity? {
        var number = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let percent = number.hasSuffix("%")
        if percent { number = String(number.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard number.range(of: #"^[0-9]{1,9}(\.[0-9]{1,2})?$"#, options: .regularExpression) != nil, let value = Decimal(string: number) else { return nil }
        return Quantity(value: value, percent: percent)
    }
}

public struct Target: Sendable, Codable, Hashable {
    public var atLeast: Quantity?
    public var atMost: Quantity?
    public var direction: TargetDirection?

    /// A target from its bounds.
    public init(atLeast: Quantity? = nil, atMost: Quantity? = nil, direction: TargetDirection? = nil) {
        self.atLeast = atLeast
        self.atMost = atMost
        self.direction = direction
    }
}

public struct Measure: Sendable, Codable, Hashable {
    public var type: MeasureType
    public var subject: String
    public var outcome: String?
    public var targetGroup: String?
    public var component: String?
    public var activity: String?
    public var plan: String?
    public var network: String?
    public var actionTypes: [String]?
    public var per: String?
    public var baseline: String?
    /// For change of an outcome: compare yearly rates, not counts.
    public var rate: Bool?
}

public struct Indicator: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var kind: IndicatorKind
    public var description: LocalizedText?
    public var measure: Measure
    public var target: Target?
    /// The goals this figure shows progress towards, besides those of the outcome it measures.
    public var goals: [String]?
}

/// An essential element of the programme: from records, met when an indicator reaches its
/// target; by self-assessment, met as the coordinator last recorded it.
public struct FidelityElement: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var assessed: FidelityAssessment
    /// For an element judged from records: the indicator whose target shows it is in place.
    public var indicator: String?
}

public struct Baseline: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var value: Quantity?
    public var share: Quantity?
    public var year: Int?
    public var source: String?
    public var note: LocalizedText?
}

public struct Phase: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var start: Day?
    public var end: Day?
}

public struct Product: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var kind: String
    public var audience: LocalizedText?
    public var description: LocalizedText?
    public var component: String?
}

public struct CaseloadBound: Sendable, Codable, Hashable {
    public var role: String
    public var min: Int
    public var max: Int
}

public struct AdaptationBounds: Sendable, Codable, Hashable {
    public var caseload: [CaseloadBound]?
    public var mayDrop: [String]?
    public var mayAddActivities: Bool?
    public var minimumDurationAtLeast: Duration?
    /// Indicators whose target a municipality may set for itself.
    public var localTargets: [String]?
    /// The delivery forms a municipality may use for a component.
    public var delivery: [DeliveryBound]?
    /// How seldom a municipality may hold a component's sessions.
    public var cadence: [CadenceBound]?
    /// Criteria a municipality may add to a target group's rules.
    public var eligibility: [EligibilityBound]?
    public var notes: LocalizedText?
}
