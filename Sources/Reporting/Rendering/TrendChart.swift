import Engine
import Foundation

/// One measure over time for every municipality of a network, drawn on the server as SVG:
/// a line per municipality across the published periods, each with its own dash pattern and
/// marker so it reads in black and white. A hidden (suppressed) figure is never drawn: the
/// line breaks there and a cross on the axis marks it; a missing one leaves a gap. The same
/// figures follow as a table, for readers who cannot see the chart.
public struct TrendChart: Sendable {
    struct Segment: Sendable {
        let points: String
        let dash: String
    }

    struct Point: Sendable {
        let x: Int
        let y: Int
        let shape: String
        let title: String
    }

    struct Tick: Sendable {
        let x: Int
        let y: Int
        let text: String
        /// A second line under the first, so that a dozen quarters fit side by side.
        var second: String? = nil
    }

    struct Hidden: Sendable {
        let x: Int
        let title: String
    }

    struct Series: Sendable {
        let name: String
        let dash: String
        let shape: String
        let swatchDash: String
        let cells: [String]
    }

    static let left = 60
    static let top = 12
    static let plotWidth = 560
    static let plotHeight = 180
    /// Dash patterns and markers, in the order municipalities get them.
    static let styles: [(dash: String, shape: String)] = [
        ("", "●"), ("8 4", "■"), ("2 3", "▲"), ("10 3 2 3", "◆"), ("4 4", "○"), ("12 6", "□"), ("1 5", "△"), ("6 2 1 2", "◇"),
    ]
    /// Above this many municipalities the chart shows the network's median only.
    static let mostLines = styles.count

    let label: String
    let summary: String
    let width = 640
    let height = 236
    let axisY: Int
    let axisRight: Int
    let segments: [Segment]
    let points: [Point]
    let hidden: [Hidden]
    let xTicks: [Tick]
    let yTicks: [Tick]
    let series: [Series]
    let periods: [String]
    let medianOnly: Bool

    /// The chart of `column` over `periods` (oldest first), from one report per period.
    public init(column: NetworkReport.Column, periods: [(label: String, report: NetworkReport)]) {
        label = column.label
        self.periods = periods.map(\.label)
        let municipalities = Self.municipalities(periods.map(\.report))
        medianOnly = municipalities.count > Self.mostLines
        func value(_ cell: NetworkReport.Cell?) -> Double? {
            guard let cell, !cell.suppressed, let value = cell.value else { return nil }
            return NSDecimalNumber(decimal: value).doubleValue
        }
        // Per line, the cell of each period, and the k it was published with (a municipality
        // may have published before the network changed k, so each says its own).
        var lines: [(name: String, cells: [NetworkReport.Cell?], k: [Int?])] = municipalities.map { tenant in
            let rows = periods.map { period in period.report.rows.first { $0.tenant == tenant.id } }
            return (tenant.name, rows.map { $0?.cells[column.measure] }, rows.map { $0?.k })
        }
        if medianOnly {
            let medians = periods.map { period -> NetworkReport.Cell? in
                let values = period.report.rows.compactMap { value($0.cells[column.measure]) }.sorted()
                guard !values.isEmpty else { return nil }
                let middle = values.count / 2
                let median = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
                return NetworkReport.Cell(value: Decimal(median), numerator: nil, denominator: nil, status: nil, suppressed: false)
            }
            lines = [("mediana sieci", medians, medians.map { _ in nil })]
        }
        let numbers = lines.flatMap { $0.cells.compactMap(value) }
        let percent = column.unit == .percent
        let maximum = max(percent ? 100 : 1, Self.roundUp(numbers.max() ?? 1))
        let step = periods.count > 1 ? Self.plotWidth / (periods.count - 1) : 0
        func x(_ index: Int) -> Int { Self.left + (periods.count > 1 ? index * step : Self.plotWidth / 2) }
        func y(_ number: Double) -> Int { Self.top + Self.plotHeight - Int((number / maximum * Double(Self.plotHeight)).rounded()) }
        axisY = Self.top + Self.plotHeight
        axisRight = Self.left + Self.plotWidth
        xTicks = periods.enumerated().map { index, period in
            // "III kw. 2025" on two lines: the quarter, then its year.
            let words = period.label.split(separator: " ")
            let x = x(index)
            let y = Self.top + Self.plotHeight + 18
            return words.count > 1
                ? Tick(x: x, y: y, text: words.dropLast().joined(separator: " "), second: String(words.last!)) : Tick(x: x, y: y, text: period.label)
        }
        yTicks = (0...4).map { index in
            let number = maximum * Double(index) / 4
            return Tick(x: Self.left - 6, y: y(number) + 4, text: Polish.number(number, decimals: number < 10 && !percent ? 1 : 0) + (percent ? "%" : ""))
        }
        let networkK = periods.last?.report.k.last ?? 5
        var segments: [Segment] = []
        var points: [Point] = []
        var hidden: [Hidden] = []
        var series: [Series] = []
        for (index, line) in lines.enumerated() {
            let style = medianOnly ? Self.styles[0] : Self.styles[index % Self.styles.count]
            var run: [String] = []
            func close() {
                if run.count > 1 { segments.append(Segment(points: run.joined(separator: " "), dash: style.dash)) }
                run = []
            }
            for (position, cell) in line.cells.enumerated() {
                let k = line.k[position] ?? networkK
                let text = Reporting.figure(cell?.value, unit: column.unit, suppressed: cell?.suppressed ?? false, k: k)
                if let number = value(cell) {
                    run.append("\(x(position)),\(y(number))")
                    points.append(Point(x: x(position), y: y(number), shape: style.shape, title: "\(line.name), \(periods[position].label): \(text)"))
                } else {
                    close()
                    if cell?.suppressed == true {
                        hidden.append(Hidden(x: x(position), title: "\(line.name), \(periods[position].label): ukryte (mniej niż \(k) osób lub rodzin)"))
                    }
                }
            }
            close()
            series.append(
                Series(
                    name: line.name, dash: style.dash, shape: style.shape, swatchDash: style.dash.isEmpty ? "none" : style.dash,
                    cells: zip(line.cells, line.k).map {
                        Reporting.figure($0?.value, unit: column.unit, suppressed: $0?.suppressed ?? false, k: $1 ?? networkK)
                    }))
        }
        self.segments = segments
        self.points = points
        self.hidden = hidden
        self.series = series
        summary =
            "\(column.label) w kolejnych okresach (\(periods.map(\.label).joined(separator: ", ")))"
            + (medianOnly ? ": mediana sieci." : " dla: \(lines.map(\.name).joined(separator: ", ")).")
            + (hidden.isEmpty ? "" : " Ukryte liczby nie są rysowane; zaznacza je krzyżyk przy osi.")
    }

    /// The municipalities in the reports, in the order of the newest report.
    static func municipalities(_ reports: [NetworkReport]) -> [(id: String, name: String)] {
        var seen = Set<String>()
        var result: [(id: String, name: String)] = []
        for report in reports.reversed() {
            for row in report.rows where seen.insert(row.tenant).inserted { result.append((row.tenant, row.name)) }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// A round upper bound for the axis: 1, 2 or 5 times a power of ten.
    static func roundUp(_ number: Double) -> Double {
        guard number > 0 else { return 1 }
        let power = pow(10, floor(log10(number)))
        for factor in [1.0, 2, 5, 10] where factor * power >= number { return factor * power }
        return 10 * power
    }
}
