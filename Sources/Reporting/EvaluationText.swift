public import Engine
import Foundation
import Templates

extension Reporting {
    /// An evaluation as plain text for the terminal (`kokon evaluate`).
    public static func text(_ evaluation: Evaluation) -> String {
        var lines: [String] = []
        lines.append("\(evaluation.tenant) · \(evaluation.modelName) (\(evaluation.model)) · period \(evaluation.period) · as of \(evaluation.asOf)")
        if let illustrative = evaluation.illustrative, !illustrative.isEmpty {
            lines.append(
                "Illustrative: this municipality's \(illustrative.map(\.rawValue).joined(separator: ", ")) are not from the programme's sources; they were made up for demonstrations."
            )
        }
        if evaluation.versionNote != nil {
            lines.append(
                "Upgraded adoption: these are the days from \(evaluation.period.start) to \(evaluation.period.end), evaluated against \(evaluation.model), the version in force then."
            )
        }
        lines.append("")
        lines.append("Rules")
        for (rule, checked) in evaluation.rulesChecked.sorted(by: { $0.key < $1.key }) where checked > 0 {
            let failing = evaluation.findings.filter { $0.rule == rule }
            lines.append("  \(rule.rawValue): \(checked - Set(failing.map(\.entity)).count) of \(checked) comply")
            for finding in failing.prefix(20) { lines.append("    - \(finding.entity): \(sentence(finding, names: evaluation.names).text(in: "en"))") }
            if failing.count > 20 { lines.append("    … and \(failing.count - 20) more") }
        }
        lines.append("")
        lines.append("Indicators")
        for value in evaluation.indicators {
            let shown = value.value.map { Polish.number($0, decimals: value.percent || $0 != $0.rounded ? 1 : 0) + (value.percent ? "%" : "") } ?? "–"
            let share = value.denominator.map { " (\(value.numerator ?? 0) of \($0))" } ?? ""
            let target = value.target.map { ", target \($0.text(in: "en"))" } ?? ""
            let note = value.note.map { " — \(sentence($0, names: evaluation.names).text(in: "en"))" } ?? ""
            lines.append("  \(value.id): \(shown)\(share)\(target): \(value.status.rawValue)\(note)")
        }
        if let goals = evaluation.goals, !goals.isEmpty {
            let statuses = Dictionary(evaluation.indicators.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
            lines.append("")
            lines.append("Goals")
            for goal in goals {
                let verdicts = goal.indicators.map { "\($0) \(statuses[$0]?.rawValue ?? "?")" }
                lines.append("  \(goal.id): " + (verdicts.isEmpty ? "no indicator" : verdicts.joined(separator: ", ")))
                if !goal.components.isEmpty { lines.append("    components: " + goal.components.joined(separator: ", ")) }
            }
        }
        let fidelity = evaluation.fidelity
        lines.append("")
        lines.append("Fidelity: \(Polish.number(fidelity.score)) of 100")
        lines.append(
            "  adherence: \(fidelity.coreComponentsDelivered) of \(fidelity.coreComponents) core components delivered"
                + (fidelity.missingComponents.isEmpty ? "" : " (missing: \(fidelity.missingComponents.joined(separator: ", ")))"))
        if let dose = fidelity.doseMonths {
            lines.append(
                "  dose: \(Polish.percent(dose)) of the minimum participation received on average; \(Polish.number(fidelity.sessionsPerSubject)) sessions attended per \(evaluation.fidelity.subjects.isEmpty ? "subject" : "household or person")"
            )
        }
        if let dose = fidelity.doseSessions {
            lines.append("  dose in sessions: \(Polish.percent(dose)) of households or persons received an adequate dose so far, on average over the components that state one")
        }
        for dose in fidelity.doses {
            var parts: [String] = []
            if let share = dose.scheduledShare {
                parts.append("\(dose.adequate) of \(dose.subjects) adequately dosed (at least \(Polish.percent(share)) of the sessions scheduled so far)")
            } else if let adequate = dose.adequateSessions {
                parts.append("\(dose.adequate) of \(dose.subjects) adequately dosed (at least \(adequate) sessions over the participation)")
            }
            if let within = dose.sessionsWithinLength, let minutes = dose.sessionMinutes {
                parts.append("\(within) of \(dose.sessionsHeld) sessions lasted \(minutes.min)–\(minutes.max) minutes")
            }
            lines.append("    \(dose.component): " + parts.joined(separator: "; "))
        }
        if let checklist = fidelity.checklist, !checklist.isEmpty {
            lines.append("  checklist: \(checklist.filter(\.counts).count) of \(checklist.count) essential elements in place")
            for item in checklist {
                let how =
                    switch item.assessed {
                    case .records: "indicator \(item.indicator ?? "?")" + (item.met == nil ? " has no value yet" : item.counts ? " met its target" : " missed its target")
                    case .selfAssessment: item.assessedOn.map { "self-assessed on \($0)" } ?? "never self-assessed, counted as not in place"
                    }
                lines.append("    \(item.element): \(item.counts ? "in place" : "not in place") (\(how))")
            }
        }
        lines.append("  reach: \(fidelity.enrolled) enrolled" + (fidelity.target.map { " of a local target of \($0) (\(Polish.percent(fidelity.reach ?? 0)))" } ?? ""))
        if !evaluation.adaptations.isEmpty {
            lines.append("  adaptations:")
            for adaptation in evaluation.adaptations {
                lines.append(
                    "    - \(adaptation.summary) (\(adaptation.planned ? "planned" : "unplanned"), \(adaptation.decidedBy), \(adaptation.decidedOn)): \(adaptation.reason.pl)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Decimal {
    var rounded: Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
