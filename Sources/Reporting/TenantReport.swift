import Engine
import Foundation
import Templates

extension Reporting {
    /// A municipality's own full report (unsuppressed: it is their data) as one self-contained
    /// HTML page in Polish: inline CSS and SVG, no external files.
    public static func tenantHTML(tenant: Tenant, evaluations: [Evaluation], notice: String? = nil) -> String {
        var body = "<header><h1>\(HTML.escape(tenant.name))</h1><p class=\"meta\">TERYT \(tenant.teryt.code) · \(HTML.escape(tenant.voivodeship))"
        body += tenant.isExample ? " · <strong>gmina przykładowa</strong>" : ""
        body += "</p>"
        if let notice { body += "<p class=\"notice\">\(HTML.escape(notice))</p>" }
        body += "</header>"
        for evaluation in evaluations {
            body += section(evaluation)
        }
        return page(title: "Raport gminy – \(tenant.name)", body: body)
    }

    static func section(_ evaluation: Evaluation) -> String {
        let fidelity = evaluation.fidelity
        var html = "<section><h2>\(HTML.escape(evaluation.modelName))</h2>"
        html += "<p class=\"meta\">\(HTML.escape(evaluation.model)) · okres \(HTML.escape(evaluation.period.description)) · stan na \(evaluation.asOf)</p>"
        html += "<h3>Wierność modelowi</h3><div class=\"cards\">"
        html += card("Wynik", Polish.number(fidelity.score, decimals: 0) + "/100", bar(fidelity.score / 100))
        html += card("Komponenty rdzenia", "\(fidelity.coreComponentsDelivered) z \(fidelity.coreComponents)", bar(fidelity.adherence))
        if let dose = fidelity.doseMonths { html += card("Dawka (miesiące)", Polish.percent(dose), bar(dose)) }
        html += card("Zasięg", fidelity.target.map { "\(fidelity.enrolled) z \($0)" } ?? "\(fidelity.enrolled)", bar(min(fidelity.reach ?? 0, 1)))
        html += card("Zajęcia na uczestnika", Polish.number(fidelity.sessionsPerSubject), "")
        html += "</div>"
        if !fidelity.missingComponents.isEmpty {
            html += "<p>Nie zrealizowano komponentów: \(fidelity.missingComponents.map { HTML.escape("„" + (evaluation.names[$0] ?? $0) + "”") }.joined(separator: ", ")).</p>"
        }
        if !evaluation.adaptations.isEmpty {
            html += "<h3>Adaptacje</h3><ul>"
            for adaptation in evaluation.adaptations {
                html += "<li><strong>\(HTML.escape(polishSummary(adaptation, names: evaluation.names)))</strong> – \(HTML.escape(adaptation.reason.pl)) (\(HTML.escape(adaptation.decidedBy)), \(adaptation.decidedOn), \(adaptation.planned ? "planowana" : "nieplanowana"))</li>"
            }
            html += "</ul>"
        }
        html += "<h3>Wskaźniki</h3><table><thead><tr><th>wskaźnik</th><th>wartość</th><th>cel</th><th>ocena</th></tr></thead><tbody>"
        for value in evaluation.indicators {
            let shown = value.value.map { Polish.number($0, decimals: value.percent || $0 != $0.rounded ? 1 : 0) + (value.percent ? "%" : "") } ?? "–"
            let detail = value.denominator.map { " <span class=\"meta\">(\(value.numerator ?? 0) z \($0))</span>" } ?? ""
            let note = value.note.map { "<br><span class=\"meta\">\(HTML.escape($0.pl))</span>" } ?? ""
            html += "<tr><td>\(HTML.escape(value.name))\(note)</td><td class=\"num\">\(shown)\(detail)</td><td>\(HTML.escape(value.target?.pl ?? "–"))</td><td>\(badge(value.status))</td></tr>"
        }
        html += "</tbody></table>"
        html += "<h3>Reguły modelu</h3><table><thead><tr><th>reguła</th><th>sprawdzono</th><th>niespełnione</th></tr></thead><tbody>"
        for (rule, checked) in evaluation.rulesChecked.sorted(by: { $0.key < $1.key }) {
            let failing = evaluation.findings.filter { $0.rule == rule }
            html += "<tr><td>\(ruleName(rule))</td><td class=\"num\">\(checked)</td><td class=\"num\">\(failing.count)</td></tr>"
        }
        html += "</tbody></table>"
        if !evaluation.findings.isEmpty {
            html += "<details><summary>Szczegóły niespełnionych reguł (\(evaluation.findings.count))</summary><ul>"
            for finding in evaluation.findings { html += "<li><code>\(HTML.escape(finding.entity))</code> – \(HTML.escape(finding.detail.pl))</li>" }
            html += "</ul></details>"
        }
        return html + "</section>"
    }

    static func ruleName(_ rule: String) -> String {
        switch rule {
        case "minimum-participation": "minimalny czas udziału"
        case "network-obligation": "zobowiązania sieci współpracy"
        case "caseload": "limit podopiecznych na pracownika"
        case "required-plan": "wymagane plany"
        case "quota": "limity miejsc w grupach docelowych"
        default: rule
        }
    }

    static func badge(_ status: IndicatorValue.Status) -> String {
        let (label, style) = switch status {
        case .met: ("osiągnięty", "ok")
        case .onTrack: ("w toku", "track")
        case .notMet: ("nieosiągnięty", "bad")
        case .noTarget: ("bez celu", "none")
        case .noData: ("brak danych", "none")
        }
        return "<span class=\"badge \(style)\">\(label)</span>"
    }

    static func card(_ title: String, _ value: String, _ chart: String) -> String {
        "<div class=\"card\"><div class=\"meta\">\(HTML.escape(title))</div><div class=\"big\">\(HTML.escape(value))</div>\(chart)</div>"
    }

    /// A horizontal bar, 0–1, as inline SVG.
    static func bar(_ fraction: Double) -> String {
        let width = Int((max(0, min(1, fraction)) * 160).rounded())
        return "<svg width=\"160\" height=\"10\" role=\"img\" aria-label=\"\(Polish.percent(fraction))\"><rect width=\"160\" height=\"10\" fill=\"#e5e7eb\"/><rect width=\"\(width)\" height=\"10\" fill=\"#2563eb\"/></svg>"
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#111827}
        h1{margin-bottom:.2rem}h2{border-top:2px solid #e5e7eb;padding-top:1rem;margin-top:2rem}
        .meta{color:#6b7280;font-size:.9rem}.notice{background:#fef3c7;padding:.6rem .8rem;border-radius:6px}
        .cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #e5e7eb;border-radius:8px;padding:.6rem .8rem;min-width:170px}
        .big{font-size:1.4rem;font-weight:600;margin:.2rem 0}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #e5e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f9fafb}.num{text-align:right;white-space:nowrap}
        .badge{border-radius:999px;padding:.1rem .5rem;font-size:.8rem;white-space:nowrap}.ok{background:#dcfce7}.bad{background:#fee2e2}.track{background:#dbeafe}.none{background:#f3f4f6}
        .sup{color:#6b7280;font-style:italic;background:#f3f4f6}.scroll{overflow-x:auto}
        td.ok{background:#dcfce7}td.bad{background:#fee2e2}td.track{background:#dbeafe}
        @media print{body{margin:0}}
        </style></head><body>
        \(body)
        </body></html>

        """
    }
}
