import Engine
import Foundation
import Mustache
import Templates

/// The network comparison as a page: charts of the headline measures and the full table.
struct NetworkReportPage: Page {
    static let template = "network-report"

    struct Column: Sendable {
        let label: String
        let target: String?
    }

    struct Cell: Sendable {
        let text: String
        /// `num`, then `sup` for a hidden figure or ok, bad or track for one against its target.
        let style: String
        /// For a hidden figure, why it is hidden.
        let hint: String?
    }

    /// One measure across the municipalities: the handout's table, measures down the page so
    /// that it fits A4 upright.
    struct MeasureRow: Sendable {
        let label: String
        let target: String?
        let cells: [Cell]
    }

    struct Row: Sendable {
        let name: String
        let example: Bool
        let model: String
        let asOf: String
        let versionChange: String?
        /// The parts of a real municipality's data made up for demonstrations, in Polish.
        let illustrative: String?
        let cells: [Cell]
    }

    /// One horizontal bar chart, laid out in SVG units.
    struct Chart: Sendable {
        struct Bar: Sendable {
            struct Value: Sendable {
                let width: Int
                let valueX: Int
                let text: String

                /// A bar `width` units long (at least 1, so a zero still shows), its figure after it.
                init(width: Int, text: String) {
                    self.width = max(width, 1)
                    valueX = 268 + width
                    self.text = text
                }
            }

            let name: String
            let textY: Int
            let rectY: Int
            let value: Value?
            let missing: String
        }

        static let rowHeight = 24

        let label: String
        let height: Int
        let bars: [Bar]

        /// A chart of labelled bars, one row each; a bar without a value shows `missing`.
        init(label: String, entries: [(name: String, value: Bar.Value?, missing: String)]) {
            self.label = label
            height = entries.count * Self.rowHeight + 10
            bars = entries.enumerated().map { index, entry in
                let top = index * Self.rowHeight + 5
                return Bar(name: entry.name, textY: top + 15, rectY: top + 3, value: entry.value, missing: entry.missing)
            }
        }
    }

    let title: String
    let modelName: String
    let notice: String?
    let periodText: String
    let municipalities: String
    /// The threshold in words (one k, or each after a change of the network's k).
    let k: String
    let hasRows: Bool
    let charts: [Chart]
    let columns: [Column]
    let rows: [Row]
    let measureRows: [MeasureRow]
    /// Said under the table when some municipality's data is partly illustrative.
    let illustrativeNote: String?

    /// The page of `report`, with `notice` shown prominently at its top.
    init(_ report: NetworkReport, notice: String?) {
        title = "Raport sieci – \(report.modelName)"
        modelName = report.modelName
        self.notice = notice
        periodText = FigurePeriod(report.period)?.polish ?? report.period
        municipalities = PolishGrammar.count(report.rows.count, "gmina", "gminy", "gmin")
        k = report.kText
        hasRows = !report.rows.isEmpty
        charts =
            hasRows
            ? ["fidelity", "reach", "completion"].compactMap { measure in
                report.columns.first { $0.measure == measure }.map { Self.chart($0, report) }
            } : []
        columns = report.columns.map { Column(label: $0.label, target: $0.target) }
        rows = report.rows.map { row in
            let hidden = "ukryte: mniej niż \(row.k) osób lub rodzin"
            return Row(
                name: row.name, example: row.example, model: row.model, asOf: row.asOf, versionChange: row.versionChange,
                illustrative: row.illustrative.isEmpty ? nil : row.illustrative.map(\.polish).joined(separator: ", "),
                cells: report.columns.map { column in
                    let cell = row.cells[column.measure]
                    let status =
                        switch cell?.status {
                        case "met": "ok"
                        case "not-met": "bad"
                        case "on-track": "track"
                        default: ""
                        }
                    let suppressed = cell?.suppressed ?? false
                    let mark: String? =
                        switch status {
                        case "ok": "✓"
                        case "bad": "✗"
                        case "track": "→"
                        default: nil
                        }
                    // The mark is part of the text: one field per cell keeps a report of every
                    // Polish gmina quick to render, and the status reads without colour.
                    let text = report.text(cell, column, in: row)
                    return Cell(
                        text: suppressed ? text : mark.map { "\(text) \($0)" } ?? text, style: suppressed ? "num sup" : status.isEmpty ? "num" : "num " + status,
                        hint: suppressed ? hidden : nil)
                })
        }
        let built = rows
        illustrativeNote =
            report.rows.contains { !$0.illustrative.isEmpty }
            ? "Dane ilustracyjne: części danych oznaczonych gmin nie pochodzą ze źródeł programu — przygotowano je do pokazu Kokonu; liczby, które na nich się opierają (np. zasięg wobec celów liczbowych), są tylko przykładem."
            : nil
        measureRows = report.columns.enumerated().map { index, column in
            MeasureRow(label: column.label, target: column.target, cells: built.map { $0.cells[index] })
        }
    }

    /// Up to this many municipalities a chart has a bar for each; beyond, nobody can read
    /// the bars, so it shows how many municipalities fall in each tenth of the scale.
    static let mostBars = 40

    static func chart(_ column: NetworkReport.Column, _ report: NetworkReport) -> Chart {
        report.rows.count > mostBars ? distribution(column, report) : bars(column, report)
    }

    /// How many municipalities fall in each tenth of the scale (0–100, or up to the largest
    /// value), with hidden figures and missing ones counted apart.
    static func distribution(_ column: NetworkReport.Column, _ report: NetworkReport) -> Chart {
        func municipalities(_ count: Int) -> String { PolishGrammar.count(count, "gmina", "gminy", "gmin") }
        let values = report.rows.map { $0.cells[column.measure] }
        let numbers = values.compactMap { cell in cell?.suppressed == true ? nil : cell?.value.map { NSDecimalNumber(decimal: $0).doubleValue } }
        let maximum = max(100, numbers.max() ?? 100)
        var counts = Array(repeating: 0, count: 10)
        for number in numbers { counts[min(9, max(0, Int(number / maximum * 10)))] += 1 }
        let hidden = values.filter { $0?.suppressed == true }.count
        let missing = values.count - numbers.count - hidden
        let largest = max(1, counts.max() ?? 1)
        let step = maximum / 10
        var entries: [(name: String, value: Chart.Bar.Value?, missing: String)] = counts.enumerated().map { index, count in
            (
                "\(Polish.number(Double(index) * step, decimals: 0))–\(Polish.number(Double(index + 1) * step, decimals: 0))",
                Chart.Bar.Value(width: count * 380 / largest, text: municipalities(count)), ""
            )
        }
        if hidden > 0 { entries.append(("ukryte", nil, municipalities(hidden))) }
        if missing > 0 { entries.append(("brak danych", nil, municipalities(missing))) }
        return Chart(label: column.label + " – rozkład gmin", entries: entries)
    }

    /// A bar for each municipality.
    static func bars(_ column: NetworkReport.Column, _ report: NetworkReport) -> Chart {
        let values = report.rows.map { $0.cells[column.measure] }
        let maximum = max(100, values.compactMap { $0?.value.map { NSDecimalNumber(decimal: $0).doubleValue } }.max() ?? 100)
        let entries = zip(report.rows, values).map { row, cell -> (name: String, value: Chart.Bar.Value?, missing: String) in
            let suppressed = cell?.suppressed == true
            let value =
                suppressed
                ? nil
                : cell?.value.map { decimal in
                    let shown = NetworkReport.Cell(value: decimal, numerator: nil, denominator: nil, status: nil, suppressed: false)
                    return Chart.Bar.Value(width: Int(NSDecimalNumber(decimal: decimal).doubleValue / maximum * 380), text: report.text(shown, column, in: row))
                }
            return (row.name, value, suppressed ? "ukryte" : "brak danych")
        }
        return Chart(label: column.label, entries: entries)
    }
}

/// The network comparison (charts of the headline measures and the table), for a server page
/// to show inside its own layout: the template reaches it as `content`.
public struct NetworkComparisonView: Sendable {
    let content: NetworkReportPage

    /// The comparison of `report`.
    public init(_ report: NetworkReport) {
        content = NetworkReportPage(report, notice: nil)
    }
}

// The report has a row per municipality and a cell per measure, tens of thousands for all
// Polish gminas; looking their fields up by name here, instead of by reflection (Mustache's
// default), makes the page several times faster. Unknown names, and optionals that are nil,
// give nil, so Mustache looks further up and finds nothing there either (none of these names
// repeats on an outer level): a nil optional is an empty section, as with reflection.

extension NetworkReportPage.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "style": style
        case "hint": hint
        default: nil
        }
    }
}

extension NetworkReportPage.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "example": example
        case "model": model
        case "asOf": asOf
        case "versionChange": versionChange
        case "illustrative": illustrative
        case "cells": cells
        default: nil
        }
    }
}

extension NetworkReportPage.Chart.Bar: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "textY": textY
        case "rectY": rectY
        case "value": value
        case "missing": missing
        default: nil
        }
    }
}

extension NetworkReportPage.Chart.Bar.Value: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "width": width
        case "valueX": valueX
        case "text": text
        default: nil
        }
    }
}

extension NetworkReportPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "modelName": modelName
        case "notice": notice
        case "periodText": periodText
        case "municipalities": municipalities
        case "k": k
        case "hasRows": hasRows
        case "charts": charts
        case "columns": columns
        case "rows": rows
        case "measureRows": measureRows
        case "illustrativeNote": illustrativeNote
        default: nil
        }
    }
}

extension NetworkReportPage.MeasureRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "target": target
        case "cells": cells
        default: nil
        }
    }
}

extension NetworkReportPage.Column: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "target": target
        default: nil
        }
    }
}

extension NetworkReportPage.Chart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "height": height
        case "bars": bars
        default: nil
        }
    }
}
