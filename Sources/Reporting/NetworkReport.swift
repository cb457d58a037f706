public import Engine
public import Foundation
import Postgres
public import Templates

/// The comparison a network meeting looks at: every municipality running a model (or a model
/// built on it), side by side, from published figures only. Suppressed figures stay marked as
/// such; no total is ever computed across municipalities, since a total and the other cities'
/// figures could give a hidden one away.
public struct NetworkReport: Sendable, Codable {
    /// One column.
    public struct Column: Sendable, Codable, Hashable {
        /// The measure id (`reach`, `indicator:social-effectiveness`, …).
        public let measure: String
        /// Its Polish name.
        public let label: String
        /// count, percent, score, rate or pln.
        public let unit: FigureUnit
        /// The programme's target, when there is one.
        public let target: String?
    }

    /// One figure of one municipality.
    public struct Cell: Sendable, Codable, Hashable {
        /// The value; nil when suppressed or missing.
        public let value: Decimal?
        /// For shares: part and whole.
        public let numerator: Int?
        public let denominator: Int?
        /// met, not-met, on-track, …
        public let status: String?
        /// Hidden because it counts (or would reveal) fewer than k persons or households.
        public let suppressed: Bool
    }

    /// One municipality.
    public struct Row: Sendable, Codable, Hashable {
        public let tenant: String
        public let name: String
        public let example: Bool
        public let model: String
        public let asOf: String
        /// For a municipality that moved to a new version during the period, when and from
        /// which version, in Polish; nil otherwise.
        public var versionChange: String? = nil
        /// The k its figures were suppressed with: the network's when it published.
        public var k = 5
        /// For a real municipality: the parts of its data made up for demonstrations, which
        /// figures such as reach (against its targets) rest on.
        public var illustrative: [IllustrativePart] = []
        /// Figures by measure id.
        public let cells: [String: Cell]
    }

    /// The model's id.
    public let model: String
    /// Its Polish name.
    public let modelName: String
    /// `all`, a year or a quarter.
    public let period: String
    /// The suppression threshold(s) the municipalities published with: one, unless the
    /// network changed its k and some have not published again since.
    public let k: [Int]
    /// Columns in order.
    public let columns: [Column]
    /// Municipalities in alphabetical order.
    public let rows: [Row]

    /// The measures compared, in order: the standard ones, then the programme's result
    /// indicators, then its other indicators.
    static let standardColumns = [
        "target", "enrolled", "reach", "retention", "completion", "fidelity", "adherence", "dose-months",
        "sessions-per-subject", "network-actions-per-network-year", "cost-per-subject",
    ]

    /// Builds the report from published figures.
    public init(model: String, period: String, figures: PublishedFigures) {
        self.model = model
        self.period = period
        modelName = figures.publications.first { $0.modelID == model }?.modelName ?? figures.publications.first?.modelName ?? model
        k = Array(Set(figures.publications.map(\.k))).sorted()
        var columns: [Column] = []
        var firstByMeasure: [String: PublishedFigures.Figure] = [:]
        for figure in figures.figures where firstByMeasure[figure.measure] == nil { firstByMeasure[figure.measure] = figure }
        for measure in Self.standardColumns {
            if let figure = firstByMeasure[measure] {
                columns.append(Column(measure: measure, label: figure.label, unit: figure.unit, target: figure.target))
            }
        }
        let indicators = Dictionary(figures.figures.filter { $0.measure.hasPrefix("indicator:") }.map { ($0.measure, $0) }, uniquingKeysWith: { a, _ in a })
        for figure in indicators.values.sorted(by: { ($0.kind == "result" ? 0 : 1, $0.measure) < ($1.kind == "result" ? 0 : 1, $1.measure) }) {
            columns.append(Column(measure: figure.measure, label: figure.label, unit: figure.unit, target: figure.target))
        }
        self.columns = columns
        // Grouped once, so the report grows linearly with the number of municipalities.
        let byAdoption = Dictionary(grouping: figures.figures) { AdoptionKey(tenant: $0.tenant, adoption: $0.adoption) }
        rows = figures.publications.map { publication in
            let mine = byAdoption[AdoptionKey(tenant: publication.tenant, adoption: publication.adoption)] ?? []
            let cells = Dictionary(
                mine.map { ($0.measure, Cell(value: $0.value, numerator: $0.numerator, denominator: $0.denominator, status: $0.status, suppressed: $0.suppressed)) },
                uniquingKeysWith: { a, _ in a })
            return Row(
                tenant: publication.tenant, name: publication.tenantName, example: publication.example,
                model: "\(publication.modelID)@\(publication.modelVersion)", asOf: publication.asOf,
                versionChange: Self.versionChange(publication, period: period), k: publication.k, illustrative: publication.illustrative, cells: cells)
        }
    }

    /// Whether the period spans a municipality's move to a new version, said in Polish: its
    /// figures for such a period cover the days from the move on.
    static func versionChange(_ publication: PublishedFigures.Publication, period: String) -> String? {
        guard let previous = publication.previousVersion, let day = publication.upgradedOn, let date = CalendarDate(iso: day) else { return nil }
        if let days = FigurePeriod(period)?.days {
            if days.upperBound < date { return "według wersji \(previous), przed zmianą na \(publication.modelVersion) w dniu \(date.polish)" }
            if days.lowerBound >= date { return nil }
        }
        return "od \(date.polish) wersja \(publication.modelVersion) (wcześniej \(previous)); liczby za ten okres dotyczą dni od zmiany wersji"
    }

    private struct AdoptionKey: Hashable {
        let tenant: String
        let adoption: String
    }

    /// A figure as text: "42,5%", "ukryte (<5)" or "–", hidden ones with the k of `row`.
    func text(_ cell: Cell?, _ column: Column, in row: Row) -> String {
        guard let cell else { return "–" }
        return Reporting.figure(cell.value, unit: column.unit, suppressed: cell.suppressed, k: row.k)
    }

    /// The threshold for notices: "5", or after a change of the network's k, every value its
    /// municipalities published with.
    public var kText: String {
        k.count <= 1
            ? "\(k.first ?? 5)"
            : k.map(String.init).joined(separator: " lub ") + " (zależnie od progu sieci obowiązującego, gdy gmina publikowała; podany przy każdej gminie)"
    }

    // MARK: JSON

    /// Stable JSON: sorted keys, documented in docs/reports.md.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    // MARK: CSV

    /// CSV for spreadsheets: UTF-8 with a byte-order mark, `;` between columns and decimal
    /// commas, as Polish spreadsheet programs expect; suppressed figures read "ukryte".
    public func csv() -> String {
        var lines = [(["gmina", "przykładowa", "dane ilustracyjne", "model"] + columns.map(\.label)).map { CSVCell.text($0) }.joined(separator: ";")]
        for row in rows {
            var fields = [row.name, row.example ? "tak" : "nie", row.illustrative.map(\.polish).joined(separator: ", "), row.model].map { CSVCell.text($0) }
            for column in columns {
                let cell = row.cells[column.measure]
                if cell?.suppressed == true {
                    fields.append(CSVCell.text("ukryte"))
                } else if let value = cell?.value {
                    fields.append(CSVCell.number(Self.csvNumber(value, decimals: column.unit == .count ? 0 : 1)))
                } else {
                    fields.append("")
                }
            }
            lines.append(fields.joined(separator: ";"))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A number as a Polish spreadsheet reads it: decimal comma, ASCII minus, no grouping.
    static func csvNumber(_ value: Decimal, decimals: Int) -> String {
        Polish.number(value, decimals: decimals, grouping: "", minus: "-")
    }

    // MARK: HTML

    /// One self-contained HTML page in Polish: inline CSS and SVG charts, no external files.
    /// `notice`, if given, is shown prominently at the top (the demo says its data is synthetic).
    public func html(notice: String? = nil) -> String {
        PageRenderer.shipped.render(NetworkReportPage(self, notice: notice))
    }
}
