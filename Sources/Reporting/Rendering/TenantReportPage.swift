public import Engine
import Foundation
import Postgres
public import Templates

/// A municipality's own report as a page: one section per adoption.
struct TenantReportPage: Page {
    static let template = "tenant-report"

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
    }

    struct AdaptationRow: Sendable {
        let summary: String
        let reason: String
        let decidedBy: String
        let decidedOn: String
        let kind: String
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

    struct RuleRow: Sendable {
        let name: String
        let checked: Int
        let failing: Int
    }

    struct FindingRow: Sendable {
        let entity: String
        let detail: String
    }

    struct Section: Sendable {
        let modelName: String
        let model: String
        let period: String
        let asOf: String
        let cards: [Card]
        let missingComponents: String?
        let hasAdaptations: Bool
        let adaptations: [AdaptationRow]
        let indicators: [IndicatorRow]
        let rules: [RuleRow]
        let hasFindings: Bool
        let findingCount: Int
        let findings: [FindingRow]
    }

    let title: String
    let name: String
    let teryt: String
    let voivodeship: String
    let example: Bool
    let notice: String?
    let sections: [Section]

    init(tenant: Tenant, evaluations: [Evaluation], notice: String?) {
        title = "Raport gminy – \(tenant.name)"
        name = tenant.name
        teryt = tenant.teryt.code
        voivodeship = tenant.voivodeship
        example = tenant.isExample
        self.notice = notice
        sections = evaluations.map(Self.section)
    }

    static func section(_ evaluation: Evaluation) -> Section {
        let fidelity = evaluation.fidelity
        var cards = [
            Card(title: "Wynik", value: Polish.number(fidelity.score, decimals: 0) + "/100", bar: Bar(fidelity.score / 100)),
            Card(title: "Komponenty rdzenia", value: "\(fidelity.coreComponentsDelivered) z \(fidelity.coreComponents)", bar: Bar(fidelity.adherence)),
        ]
        if let dose = fidelity.doseMonths { cards.append(Card(title: "Dawka (miesiące)", value: Polish.percent(dose), bar: Bar(dose))) }
        cards.append(
            Card(
                title: "Zasięg", value: fidelity.target.map { "\(fidelity.enrolled) z \($0)" } ?? "\(fidelity.enrolled)",
                bar: Bar(min(fidelity.reach ?? 0, 1))))
        cards.append(Card(title: "Zajęcia na uczestnika", value: Polish.number(fidelity.sessionsPerSubject), bar: nil))
        let missing = fidelity.missingComponents.map { "„" + (evaluation.names[$0] ?? $0) + "”" }.joined(separator: ", ")
        let adaptations = evaluation.adaptations.map { adaptation in
            AdaptationRow(
                summary: Reporting.polishSummary(adaptation, names: evaluation.names), reason: adaptation.reason.pl,
                decidedBy: adaptation.decidedBy, decidedOn: adaptation.decidedOn.description,
                kind: adaptation.planned ? "planowana" : "nieplanowana")
        }
        let indicators = evaluation.indicators.map { value in
            let (label, style) = badge(value.status)
            return IndicatorRow(
                name: value.name, note: value.note.map { Reporting.sentence($0, names: evaluation.names).pl },
                shown: value.value.map { Polish.number($0, decimals: value.percent || $0 != $0.rounded ? 1 : 0) + (value.percent ? "%" : "") } ?? "–",
                detail: value.denominator.map { "\(value.numerator ?? 0) z \($0)" },
                target: value.target?.pl ?? "–", badgeLabel: label, badgeStyle: style)
        }
        let rules = evaluation.rulesChecked.sorted { $0.key < $1.key }.map { rule, checked in
            RuleRow(name: Reporting.polishName(rule), checked: checked, failing: evaluation.findings.filter { $0.rule == rule }.count)
        }
        return Section(
            modelName: evaluation.modelName, model: evaluation.model, period: evaluation.period.description, asOf: evaluation.asOf.description,
            cards: cards, missingComponents: missing.isEmpty ? nil : missing,
            hasAdaptations: !adaptations.isEmpty, adaptations: adaptations, indicators: indicators, rules: rules,
            hasFindings: !evaluation.findings.isEmpty, findingCount: evaluation.findings.count,
            findings: evaluation.findings.map { FindingRow(entity: $0.entity, detail: Reporting.sentence($0, names: evaluation.names).pl) })
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

extension Reporting {
    /// A municipality's own full report (unsuppressed: it is their data) as one self-contained
    /// HTML page in Polish: inline CSS and SVG, no external files.
    public static func tenantHTML(tenant: Tenant, evaluations: [Evaluation], notice: String? = nil) -> String {
        PageRenderer.shipped.render(TenantReportPage(tenant: tenant, evaluations: evaluations, notice: notice))
    }
}
