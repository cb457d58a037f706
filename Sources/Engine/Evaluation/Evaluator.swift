import Foundation
public import Postgres
import Templates

/// Computes an ``Evaluation`` for each adoption of a tenant, in SQL, inside the tenant's own
/// boundary (its role and schema), so no case record leaves it.
public struct Evaluator: Sendable {
    /// The tenant's records.
    public let records: CaseRecords

    /// An evaluator for one tenant.
    public init(records: CaseRecords) { self.records = records }

    /// Whether `text` names a period evaluations and reports accept: `all`, or a year from
    /// 2000 to 2100.
    public static func isPeriod(_ text: String) -> Bool {
        FigurePeriod(text).map { !$0.isQuarter } ?? false
    }

    /// Evaluates every adoption (or one) for the whole adoption period, or one calendar year.
    /// `today` is the day figures are "as of" when the period has not ended yet.
    public func evaluate(adoption: String? = nil, year: Int? = nil, today: CalendarDate = .today) async throws -> [Evaluation] {
        try await records.transaction { session in
            try await evaluate(adoption: adoption, year: year, today: today, on: session)
        }
    }

    /// The same, in a transaction already inside the tenant's boundary.
    func evaluate(adoption: String?, year: Int?, today: CalendarDate, on session: Session) async throws -> [Evaluation] {
        var evaluations: [Evaluation] = []
        for context in try await contexts(adoption: adoption, today: today, on: session) {
            guard let period = year.map({ context.narrowed(to: $0) }) ?? context else { continue }
            evaluations.append(try await evaluate(period, rules: true, on: session))
        }
        return evaluations
    }

    /// What the rules find about households and persons (every adoption, its whole period),
    /// with the programme's Polish names to word them. Only the rules whose findings name a
    /// household or a person are checked, and no indicator is computed: a household's page
    /// needs no more.
    public func participantFindings(today: CalendarDate = .today) async throws -> [ParticipantFinding] {
        try await records.transaction { session in
            var found: [ParticipantFinding] = []
            for context in try await contexts(adoption: nil, today: today, on: session) {
                for check in [RuleCheck.minimumParticipation, RuleCheck.requiredPlans] {
                    found += try await check.check(context, session).findings.map { ParticipantFinding(finding: $0, names: context.names) }
                }
            }
            // An upgraded adoption is checked once per version; what the current one finds holds.
            var seen = Set<String>()
            return found.reversed().filter { seen.insert("\($0.finding.rule.rawValue) \($0.finding.entity)").inserted }.reversed()
        }
    }

    /// One adoption's fidelity and indicators for each quarter of its period so far, oldest
    /// first (the rules are checked for the whole period only), for a trend.
    public func quarterly(adoption: String, today: CalendarDate = .today) async throws -> [Evaluation] {
        try await records.transaction { session in
            var evaluations: [Evaluation] = []
            for context in try await contexts(adoption: adoption, today: today, on: session) {
                for quarter in context.quarters { evaluations.append(try await evaluate(quarter, rules: false, on: session)) }
            }
            return evaluations
        }
    }

    /// What evaluating each adoption (or one) over its whole period needs, read and decoded once:
    /// for an upgraded adoption, one context per version, each covering the days that version
    /// applied, so records are evaluated against the version they were made under.
    func contexts(adoption: String?, today: CalendarDate, on session: Session) async throws -> [AdoptionContext] {
        let rows = try await session.query(
            """
            SELECT id, starts_on, ends_on, unit, minimum_months, targets, programme, adaptations, upgrade, illustrative, baselines, fidelity_assessments
            FROM adoption ORDER BY id
            """
        ).rows
        let known = try rows.map { try $0.decode("id", as: String.self) }
        if let adoption, !known.contains(adoption) { throw EvaluationError.unknownAdoption(adoption, known: known) }
        // The tenant file's adaptations, then the register's in the order they were decided,
        // so a later decision (a caseload limit set again) is the one that holds.
        let recorded = try await CaseRecords.readAdaptations(on: session).sorted { ($0.decidedOn, $0.code) < ($1.decidedOn, $1.code) }
        var history: [String: [(version: String, start: CalendarDate, end: CalendarDate, programme: Programme, adaptations: [Adaptation])]] = [:]
        for row in try await session.query("SELECT adoption, model_version, starts_on, ends_on, programme, adaptations FROM adoption_version ORDER BY adoption, starts_on").rows {
            history[try row.decode("adoption"), default: []].append(
                (
                    try row.decode("model_version"), try row.decode("starts_on"), try row.decode("ends_on"),
                    try row.decode("programme", as: JSONB.self).decode(Programme.self), try row.decode("adaptations", as: JSONB.self).decode([Adaptation].self)
                ))
        }
        var contexts: [AdoptionContext] = []
        for row in rows where try adoption.map({ $0 == (try row.decode("id", as: String.self)) }) ?? true {
            let start: CalendarDate = try row.decode("starts_on")
            let end: CalendarDate = try row.decode("ends_on")
            let programme = try row.decode("programme", as: JSONB.self).decode(Programme.self)
            let id: String = try row.decode("id")
            let unit: ParticipationUnit = try row.decode("unit")
            let targets = try row.decode("targets", as: JSONB.self).decode(LocalTargets.self)
            let upgrade = try row.decode("upgrade", as: JSONB?.self).map { try $0.decode(Upgrade.self) }
            let register = recorded.filter { $0.adoption == id }
            let illustrative = try row.decode("illustrative", as: [String].self).compactMap(IllustrativePart.init(rawValue:))
            let local = try row.decode("baselines", as: JSONB.self).decode([LocalBaseline].self)
            let assessments = try row.decode("fidelity_assessments", as: JSONB.self).decode([SelfAssessment].self)
            let first = contexts.count
            defer { for index in first..<contexts.count { contexts[index].assessments = assessments } }
            let earlier = history[id] ?? []
            let currentStart = max(start, earlier.last.map { $0.end.adding(days: 1) } ?? start)
            // A register adaptation withdrawn at the upgrade holds only before it.
            let inForce = register.filter { upgrade?.resolution(of: $0.adaptation, code: $0.code)?.decision != .withdraw }
            func minimum(_ programme: Programme, _ adaptations: [Adaptation]) -> Int? {
                (adaptations.last { $0.change == .minimumDuration }?.duration ?? programme.participation?.minimumDuration)?.months
            }
            for (index, version) in earlier.enumerated() {
                let next = index + 1 < earlier.count ? earlier[index + 1].version : programme.version.description
                let adaptations = version.adaptations + register.filter { CalendarDate($0.adaptation.decidedOn) <= version.end }.map(\.adaptation)
                contexts.append(
                    AdoptionContext(
                        id: id, unit: unit, minimumMonths: minimum(version.programme, adaptations), targets: targets, programme: version.programme,
                        names: version.programme.polishNames, adaptations: adaptations, adoptionEnd: end, start: version.start, end: version.end,
                        asOf: min(version.end, today), today: today, label: "all",
                        versionNote: "według wersji \(version.version), do \(version.end.polish); od \(version.end.adding(days: 1).polish) obowiązuje wersja \(next)",
                        illustrative: illustrative, baselines: BaselineFigure.all(local: local, programme: version.programme)))
            }
            // A longer minimum participation recorded in the register holds over the file's.
            let longer = inForce.last { $0.change == .minimumDuration }?.duration?.months
            contexts.append(
                AdoptionContext(
                    id: id, unit: unit, minimumMonths: try longer ?? row.decode("minimum_months", as: Int?.self), targets: targets, programme: programme,
                    names: programme.polishNames, adaptations: try row.decode("adaptations", as: JSONB.self).decode([Adaptation].self) + inForce.map(\.adaptation),
                    adoptionEnd: end, start: currentStart, end: end, asOf: min(end, today), today: today, label: "all",
                    versionNote: earlier.last.map {
                        "według wersji \(programme.version), od \(currentStart.polish); do \($0.end.polish) obowiązywała wersja \($0.version)"
                    }, previousVersion: earlier.last?.version, illustrative: illustrative, baselines: BaselineFigure.all(local: local, programme: programme)))
        }
        return contexts
    }

    func evaluate(_ context: AdoptionContext, rules: Bool, on session: Session) async throws -> Evaluation {
        var checked: [Rule: Int] = [:]
        var findings: [Finding] = []
        for check in rules ? RuleCheck.all : [] {
            let result = try await check.check(context, session)
            checked[check.rule] = result.checked
            findings += result.findings
        }
        let indicators = try await IndicatorMeasure.values(context, on: session)
        let fidelity = try await FidelityMeasure.score(context, indicators: indicators, on: session)
        return Evaluation(
            tenant: records.tenant.id, adoption: context.id, model: context.programme.reference, modelName: context.programme.name.pl,
            period: EvaluationPeriod(label: context.label, start: context.start, end: context.end),
            asOf: context.asOf, findings: findings, rulesChecked: checked, indicators: indicators,
            fidelity: fidelity, adaptations: context.adaptations, names: context.names, versionNote: context.versionNote,
            illustrative: context.illustrative, baselines: context.baselines.isEmpty ? nil : context.baselines,
            goals: GoalProgress.all(context.programme))
    }
}

/// A finding about a household or a person, with the Polish names of its programme.
public struct ParticipantFinding: Sendable {
    /// What the rule found.
    public let finding: Finding
    /// The programme's Polish names by id, to word it.
    public let names: [String: String]
}

/// What every check needs to know about the adoption being evaluated.
struct AdoptionContext: Sendable {
    let id: String
    /// `family` or `person`: what an enrolment counts.
    let unit: ParticipationUnit
    let minimumMonths: Int?
    let targets: LocalTargets
    let programme: Programme
    /// The programme's Polish names by id, worked out once per adoption.
    let names: [String: String]
    let adaptations: [Adaptation]
    let adoptionEnd: CalendarDate
    /// The period evaluated.
    private(set) var start: CalendarDate
    private(set) var end: CalendarDate
    /// The day the figures describe.
    private(set) var asOf: CalendarDate
    /// The day the evaluation is made.
    let today: CalendarDate
    private(set) var label: String
    /// For an upgraded adoption, which version this part of it is evaluated against and
    /// since or until when, in Polish; nil for an adoption never upgraded.
    var versionNote: String? = nil
    /// For the current version of an upgraded adoption, the version run before it (which
    /// ended the day before `start`).
    var previousVersion: String? = nil
    /// The parts of the municipality's file made up for demonstrations.
    let illustrative: [IllustrativePart]
    /// The municipality's starting figures beside the origin city's.
    let baselines: [BaselineFigure]
    /// The coordinator's self-assessments of the programme's essential elements.
    var assessments: [SelfAssessment] = []
    /// Components the municipality dropped, as far as the programme allows: a core component
    /// kept dropped across an upgrade still counts, as not delivered. Worked out once, as
    /// every period's evaluation asks.
    let dropped: Set<String>
    /// Indicators whose target the municipality set for itself (in `programme` already).
    let localTargets: Set<String>

    init(
        id: String, unit: ParticipationUnit, minimumMonths: Int?, targets: LocalTargets, programme: Programme, names: [String: String],
        adaptations: [Adaptation], adoptionEnd: CalendarDate, start: CalendarDate, end: CalendarDate, asOf: CalendarDate, today: CalendarDate,
        label: String, versionNote: String? = nil, previousVersion: String? = nil, illustrative: [IllustrativePart] = [], baselines: [BaselineFigure] = []
    ) {
        self.illustrative = illustrative
        self.baselines = baselines
        self.id = id
        self.unit = unit
        self.minimumMonths = minimumMonths
        self.targets = targets
        (self.programme, self.localTargets) = AdaptationCheck(programme: programme).applyingLocalTargets(adaptations)
        self.names = names
        self.adaptations = adaptations
        self.adoptionEnd = adoptionEnd
        self.start = start
        self.end = end
        self.asOf = asOf
        self.today = today
        self.label = label
        self.versionNote = versionNote
        self.previousVersion = previousVersion
        let check = AdaptationCheck(programme: programme)
        dropped = Set(
            adaptations.filter { $0.change == .dropComponent }.compactMap(\.component).filter {
                check.problems(.dropComponent, component: $0).isEmpty
            })
    }

    /// The same adoption, for one calendar year of its period; nil when the year lies outside it.
    func narrowed(to year: Int) -> AdoptionContext? {
        narrowed(from: CalendarDate(year: year, month: 1, day: 1), to: CalendarDate(year: year, month: 12, day: 31), label: String(year))
    }

    /// The same adoption between two days (cut to its period); nil when they lie outside it.
    func narrowed(from day: CalendarDate, to lastDay: CalendarDate, label: String) -> AdoptionContext? {
        let first = max(start, day)
        let last = min(end, lastDay)
        guard first <= last else { return nil }
        // A copy keeps what was worked out once for the adoption (`dropped`).
        var narrowed = self
        narrowed.start = first
        narrowed.end = last
        narrowed.asOf = min(last, today)
        narrowed.label = label
        return narrowed
    }

    /// Each calendar quarter of the period that has begun by the day of evaluation, labelled
    /// like `2025-Q1`.
    var quarters: [AdoptionContext] {
        guard start <= asOf else { return [] }
        var result: [AdoptionContext] = []
        var year = start.year
        var quarter = (start.month - 1) / 3
        while CalendarDate(year: year, month: quarter * 3 + 1, day: 1) <= asOf {
            let first = CalendarDate(year: year, month: quarter * 3 + 1, day: 1)
            let last = CalendarDate(year: year, month: quarter * 3 + 3, day: quarter == 0 || quarter == 3 ? 31 : 30)
            if let narrowed = narrowed(from: first, to: last, label: "\(year)-Q\(quarter + 1)") { result.append(narrowed) }
            quarter += 1
            if quarter == 4 { (year, quarter) = (year + 1, 0) }
        }
        return result
    }

    /// Each calendar year of the period that has begun by the day of evaluation.
    var years: [AdoptionContext] {
        guard start.year <= asOf.year else { return [] }
        return (start.year...asOf.year).compactMap(narrowed(to:))
    }

    /// A role's caseload limit, after any adaptation.
    func caseloadLimit(_ role: String) -> Int? {
        adaptations.last { $0.change == .caseload && $0.role == role }?.max ?? programme.role(role)?.caseload?.max
    }
}

/// Why an evaluation could not be made.
public enum EvaluationError: Error, Sendable, CustomStringConvertible {
    /// No such adoption in the tenant.
    case unknownAdoption(String, known: [String])

    public var description: String {
        switch self {
        case .unknownAdoption(let id, let known): "the tenant has not adopted '\(id)'; its adoptions: " + known.joined(separator: ", ")
        }
    }
}
