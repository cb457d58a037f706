public import Engine
import Foundation
import Postgres
import Templates

/// One adoption's evaluation as a page section: fidelity cards, the adaptation register,
/// indicators against their targets, the rules and what misses them. The municipality's
/// report file and the coordinator's dashboard show the same section (partial
/// `evaluation-section`).
public struct EvaluationSection: Sendable {
    struct Bar: Sendable {
        let width: Int
        let label: String

        /// A bar for a fraction 0–1.
        init(_ fraction: Double) {
            width = Int((max(0, min(1, fraction)) * 160).rounded())
            label = Polish.percent(fraction)
        }
    }

    struct Card: Sendable {
        let title: String
        let value: String
        let bar: Bar?
        /// The municipality's adaptations that change what this figure measures against.
        var touchedBy: [String] = []
    }

    struct AdaptationRow: Sendable {
        let summary: String
        let reason: String
        let decidedBy: String
        let decidedOn: String
        let kind: String
    }

    struct BaselineRow: Sendable {
        let name: String
        let local: String
        let reference: String
    }

    struct IndicatorRow: Sendable {
        let name: String
        let note: String?
        let shown: String
        let detail: String?
        let target: String
        let badgeLabel: String
        let badgeStyle: String
    }

    /// A goal of the programme with its indicators (value and verdict) and components.
    struct GoalRow: Sendable {
        let name: String
        /// "2 z 3 wskaźników osiągnięto".
        let summary: String
        let indicators: [String]
        let components: [String]
    }

    struct RuleRow: Sendable {
        let name: String
        let checked: Int
        let failing: Int
        /// The adaptations that change what this rule checks against.
        let touchedBy: [String]
    }

    struct FindingRow: Sendable {
        let entity: String
        /// Where the entity's records are, when the page can link there.
        let url: String?
        let detail: String
    }

    let modelName: String
    let model: String
    let period: String
    let asOf: String
    /// For an upgraded adoption, which version this part is evaluated against.
    let versionNote: String?
    /// What in the municipality's file is made up for demonstrations.
    let illustrative: String?
    let cards: [Card]
    let missingComponents: String?
    /// Per component with a stated dose: what was delivered, in a sentence.
    let doses: [String]
    let hasDoses: Bool
    /// The programme's essential elements, each in a sentence.
    let checklist: [String]
    let hasChecklist: Bool
    let hasAdaptations: Bool
    let adaptations: [AdaptationRow]
    /// The municipality's starting figures beside the origin city's.
    let baselines: [BaselineRow]
    let hasBaselines: Bool
    let indicators: [IndicatorRow]
    /// The programme's goals, when its template links indicators and components to them.
    let goals: [GoalRow]
    let hasGoals: Bool
    let rules: [RuleRow]
    let hasFindings: Bool
    let findingCount: Int
    let findings: [FindingRow]

    /// The section for `evaluation`; `link` gives the page of a finding's household or person
    /// (nil: shown as a code only).
    public init(_ evaluation: Evaluation, link: (String) -> String? = { _ in nil }) {
        modelName = evaluation.modelName
        model = evaluation.model
        period = evaluation.period.label == "all" ? Reporting.dateRange(evaluation.period.start, evaluation.period.end) : evaluation.period.label
        asOf = evaluation.asOf.polish
        versionNote = evaluation.versionNote
        illustrative = IllustrativePart.notice(evaluation.illustrative ?? [])
        baselines = (evaluation.baselines ?? []).map { figure in
            let origin = [figure.year.map(String.init), figure.source].compactMap { $0 }.joined(separator: ", ")
            return BaselineRow(
                name: figure.name, local: figure.local.map { $0 + (origin.isEmpty ? "" : " (\(origin))") } ?? "gmina nie podała",
                reference: figure.reference.map { $0 + (figure.referenceYear.map { " (\($0))" } ?? "") } ?? "—")
        }
        hasBaselines = !baselines.isEmpty
        cards = Self.cards(evaluation.fidelity, adaptations: evaluation.adaptations, names: evaluation.names)
        let missing = evaluation.fidelity.missingComponents.map { "„" + (evaluation.names[$0] ?? $0) + "”" }.joined(separator: ", ")
        missingComponents = missing.isEmpty ? nil : missing
        doses = evaluation.fidelity.doses.map { Self.doseLine($0, names: evaluation.names) }
        hasDoses = !doses.isEmpty
        checklist = Self.checklistLines(evaluation.fidelity, names: evaluation.names)
        hasChecklist = !checklist.isEmpty
        adaptations = evaluation.adaptations.map { adaptation in
            AdaptationRow(
                summary: Reporting.polishSummary(adaptation, names: evaluation.names), reason: adaptation.reason.pl,
                decidedBy: adaptation.decidedBy, decidedOn: CalendarDate(adaptation.decidedOn).polish,
                kind: adaptation.planned ? "planowana" : "nieplanowana")
        }
        hasAdaptations = !adaptations.isEmpty
        indicators = evaluation.indicators.map { value in
            let (label, style) = Self.badge(value.status)
            return IndicatorRow(
                name: value.name, note: value.note.map { Reporting.sentence($0, names: evaluation.names).pl },
                shown: Self.shownValue(value), detail: value.denominator.map { "\(value.numerator ?? 0) z \($0)" },
                target: value.target?.pl ?? "–", badgeLabel: label, badgeStyle: style)
        }
        goals = Self.goalRows(evaluation)
        hasGoals = !goals.isEmpty
        rules = evaluation.rulesChecked.sorted { $0.key < $1.key }.map { rule, checked in
            RuleRow(
                name: Reporting.polishName(rule), checked: checked, failing: evaluation.findings.filter { $0.rule == rule }.count,
                touchedBy: Self.touching(rule, evaluation.adaptations).map { Reporting.polishSummary($0, names: evaluation.names) })
        }
        hasFindings = !evaluation.findings.isEmpty
        findingCount = evaluation.findings.count
        findings = evaluation.findings.map {
            FindingRow(entity: $0.entity, url: link($0.entity), detail: Reporting.sentence($0, names: evaluation.names).pl)
        }
    }

    /// Each goal with the verdicts of its indicators and whether its components were delivered.
    static func goalRows(_ evaluation: Evaluation) -> [GoalRow] {
        let byID = Dictionary(evaluation.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = Set(evaluation.fidelity.missingComponents)
        return (evaluation.goals ?? []).map { goal in
            let values = goal.indicators.compactMap { byID[$0] }
            let withTarget = values.filter { $0.status != .noTarget && $0.status != .noData }
            let met = withTarget.filter { $0.status == .met }.count
            let summary =
                values.isEmpty
                ? "żaden wskaźnik nie mierzy tego celu"
                : withTarget.isEmpty
                    ? "wskaźniki bez wartości docelowej lub bez danych"
                    : "\(met) z \(withTarget.count) " + PolishWords.form(withTarget.count, "wskaźnika", "wskaźników", "wskaźników") + " osiągnięto"
            return GoalRow(
                name: goal.name, summary: summary,
                // "Cel" is the goal here, so an indicator without a target says so in other words.
                indicators: values.map { "\($0.name): \(shownValue($0)) – \($0.status == .noTarget ? "bez wartości docelowej" : badge($0.status).0)" },
                components: goal.components.map { (evaluation.names[$0] ?? $0) + (missing.contains($0) ? " (nie zrealizowano)" : "") })
        }
    }

    /// The fidelity cards, each with the adaptations that change what it is measured
    /// against: dropped components, added activities and other delivery forms beside
    /// adherence, a longer minimum participation beside dose in months, another frequency
    /// beside dose in sessions, a target group's own rules beside reach.
    static func cards(_ fidelity: Fidelity, adaptations: [Adaptation] = [], names: [String: String] = [:]) -> [Card] {
        func summaries(_ changes: Set<AdaptationChange>) -> [String] {
            adaptations.filter { changes.contains($0.change) }.map { Reporting.polishSummary($0, names: names) }
        }
        var cards = [
            Card(title: "Wynik", value: scoreText(fidelity), bar: Bar(fidelity.score / 100)),
            Card(
                title: "Komponenty rdzenia", value: "\(fidelity.coreComponentsDelivered) z \(fidelity.coreComponents)", bar: Bar(fidelity.adherence),
                touchedBy: summaries([.dropComponent, .addActivity, .deliveryForm])),
        ]
        if let dose = fidelity.doseMonths {
            cards.append(Card(title: "Dawka (miesiące)", value: Polish.percent(dose), bar: Bar(dose), touchedBy: summaries([.minimumDuration])))
        }
        if let dose = fidelity.doseSessions {
            cards.append(Card(title: "Dawka (spotkania)", value: Polish.percent(dose), bar: Bar(dose), touchedBy: summaries([.cadence])))
        }
        cards.append(
            Card(
                title: "Zasięg", value: fidelity.target.map { "\(fidelity.enrolled) z \($0)" } ?? "\(fidelity.enrolled)",
                bar: Bar(min(fidelity.reach ?? 0, 1)), touchedBy: summaries([.targetGroupCriteria])))
        cards.append(Card(title: "Zajęcia na uczestnika", value: Polish.number(fidelity.sessionsPerSubject), bar: nil))
        if let checklist = fidelity.checklist, !checklist.isEmpty {
            let met = checklist.filter(\.counts).count
            cards.append(Card(title: "Lista kontrolna", value: "\(met) z \(checklist.count)", bar: Bar(Double(met) / Double(checklist.count))))
        }
        return cards
    }

    /// Each essential element with whether it is in place and how that is known.
    static func checklistLines(_ fidelity: Fidelity, names: [String: String]) -> [String] {
        (fidelity.checklist ?? []).map { item in
            let how: String
            switch item.assessed {
            case .records:
                let indicator = "„" + (item.indicator.map { names[$0] ?? $0 } ?? "") + "”"
                how = item.met == nil ? "wskaźnik \(indicator) nie ma jeszcze wartości" : "wskaźnik \(indicator) " + (item.counts ? "osiągnął cel" : "nie osiągnął celu")
            case .selfAssessment:
                how = item.assessedOn.map { "samoocena z \($0.polish)" } ?? "brak samooceny – liczy się jako niespełniony"
            }
            return "\(item.name): " + (item.counts ? "spełniony" : "niespełniony") + " (\(how))"
        }
    }

    /// "„Asystentura”: 3 z 4 rodzin otrzymały dotąd wystarczającą dawkę (co najmniej 30 spotkań
    /// w całym udziale); 18 z 20 spotkań trwało 60–90 minut."
    static func doseLine(_ dose: ComponentDose, names: [String: String]) -> String {
        var parts: [String] = []
        if dose.subjects > 0 || dose.adequateSessions != nil || dose.scheduledShare != nil {
            let measure =
                if let share = dose.scheduledShare {
                    "co najmniej \(Polish.percent(share)) spotkań przewidzianych dotąd w harmonogramie"
                } else {
                    "co najmniej \(dose.adequateSessions ?? 0) " + PolishWords.form(dose.adequateSessions ?? 0, "spotkanie", "spotkania", "spotkań") + " w całym udziale"
                }
            let who =
                dose.unit == .family
                ? PolishWords.form(dose.subjects, "rodziny", "rodzin", "rodzin") : PolishWords.form(dose.subjects, "osoby", "osób", "osób")
            parts.append("\(dose.adequate) z \(dose.subjects) \(who) otrzymało dotąd wystarczającą dawkę (\(measure))")
        }
        if let within = dose.sessionsWithinLength, let minutes = dose.sessionMinutes {
            parts.append(
                "\(within) z \(dose.sessionsHeld) " + PolishWords.form(dose.sessionsHeld, "spotkania", "spotkań", "spotkań") + " trwało \(minutes.polish)")
        }
        return "„\(names[dose.component] ?? dose.component)”: " + parts.joined(separator: "; ") + "."
    }

    /// The adaptations that move what a rule checks: the caseload limit, the minimum
    /// participation, the components whose plans are required.
    static func touching(_ rule: Rule, _ adaptations: [Adaptation]) -> [Adaptation] {
        adaptations.filter { adaptation in
            switch rule {
            case .caseload: adaptation.change == .caseload
            case .minimumParticipation: adaptation.change == .minimumDuration
            case .requiredPlan: adaptation.change == .dropComponent
            case .networkObligation, .quota: false
            }
        }
    }

    /// The fidelity score as shown: "78/100".
    public static func scoreText(_ fidelity: Fidelity) -> String { Polish.number(fidelity.score, decimals: 0) + "/100" }

    /// An indicator's value as shown: "42,5%", "12", or "–" without data.
    public static func shownValue(_ value: IndicatorValue) -> String {
        value.value.map { Polish.number($0, decimals: value.percent || $0 != $0.rounded ? 1 : 0) + (value.percent ? "%" : "") } ?? "–"
    }

    static func badge(_ status: IndicatorValue.Status) -> (label: String, style: String) {
        switch status {
        case .met: ("osiągnięty", "ok")
        case .onTrack: ("w toku", "track")
        case .notMet: ("nieosiągnięty", "bad")
        case .noTarget: ("bez celu", "none")
        case .noData: ("brak danych", "none")
        }
    }
}
