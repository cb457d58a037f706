import Engine
import Foundation

/// The network comparison as a page: charts of the headline measures and the full table.
struct NetworkReportPage: Page {
    static let template = "network-report"

    struct Column: Sendable {
        let label: String
        let target: String?
    }

    struct Cell: Sendable {
        let text: String
        let suppressed: Bool
        /// ok, bad, track or empty: the colour of a figure against its target.
        let status: String
    }

    struct Row: Sendable {
        let name: String
        let example: Bool
        let model: String
        let asOf: String
        let cells: [Cell]
    }

    /// One horizontal bar chart, laid out in SVG units.
    struct Chart: Sendable {
        struct Bar: Sendable {
            struct Value: Sendable {
                let width: Int
                let valueX: Int
                let text: String
            }

            let name: String
            let textY: Int
            let rectY: Int
            let value: Value?
            let missing: String
        }

        let label: String
        let height: Int
        let bars: [Bar]
    }

    let title: String
    let modelName: String
    let notice: String?
    let periodText: String
    let municipalities: String
    let k: Int
    let hasRows: Bool
    let charts: [Chart]
    let columns: [Column]
    let rows: [Row]

    init(_ report: NetworkReport, notice: String?) {
        title = "Raport sieci – \(report.modelName)"
        modelName = report.modelName
        self.notice = notice
        periodText = report.period == "all" ? "cały okres realizacji" : report.period
        municipalities = PolishGrammar.count(report.rows.count, "gmina", "gminy", "gmin")
        k = report.k.first ?? 5
        hasRows = !report.rows.isEmpty
        charts =
            hasRows
            ? ["fidelity", "reach", "completion"].compactMap { measure in
                report.columns.first { $0.measure == measure }.map { Self.chart($0, report) }
            } : []
        columns = report.columns.map { Column(label: $0.label, target: $0.target) }
        rows = report.rows.map { row in
            Row(
                name: row.name, example: row.example, model: row.model, asOf: row.asOf,
                cells: report.columns.map { column in
                    let cell = row.cells[column.measure]
                    let status =
                        switch cell?.status {
                        case "met": "ok"
                        case "not-met": "bad"
                        case "on-track": "track"
                        default: ""
                        }
                    return Cell(text: report.text(cell, column), suppressed: cell?.suppressed ?? false, status: status)
                })
        }
    }

    static func chart(_ column: NetworkReport.Column, _ report: NetworkReport) -> Chart {
        let rowHeight = 24
        let values = report.rows.map { $0.cells[column.measure] }
        let maximum = max(100, values.compactMap { $0?.value.map { NSDecimalNumber(decimal: $0).doubleValue } }.max() ?? 100)
        let bars = zip(report.rows, values).enumerated().map { index, pair in
            let (row, cell) = pair
            let y = index * rowHeight + 5
            let value = cell?.value.map { decimal -> Chart.Bar.Value in
                let width = Int(NSDecimalNumber(decimal: decimal).doubleValue / maximum * 380)
                let shown = NetworkReport.Cell(value: decimal, numerator: nil, denominator: nil, status: nil, suppressed: false)
                return Chart.Bar.Value(width: max(width, 1), valueX: 268 + width, text: report.text(shown, column))
            }
            return Chart.Bar(
                name: row.name, textY: y + 15, rectY: y + 3, value: cell?.suppressed == true ? nil : value,
                missing: cell?.suppressed == true ? "ukryte" : "brak danych")
        }
        return Chart(label: column.label, height: report.rows.count * rowHeight + 10, bars: bars)
    }
}
