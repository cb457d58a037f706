public import Postgres

/// The periods figures are published for: an adoption's whole period, a calendar year, or a
/// calendar quarter. Each nests in the one above it, and counts of events (drop-outs, sessions)
/// add up along that nesting, which suppression has to know.
public enum FigurePeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// From the adoption's start (or its last upgrade) to the day of the figures.
    case whole
    /// One calendar year.
    case year(Int)
    /// One calendar quarter, 1–4.
    case quarter(year: Int, quarter: Int)

    /// Reads `all`, a year such as `2025` or a quarter such as `2025-Q1`; nil for anything else.
    public init?(_ text: String) {
        if text == "all" {
            self = .whole
        } else if text.count == 4, let year = Int(text), Self.years.contains(year) {
            self = .year(year)
        } else if text.count == 7, let year = Int(text.prefix(4)), Self.years.contains(year), text.dropFirst(4).prefix(2) == "-Q",
            let quarter = Int(text.suffix(1)), (1...4).contains(quarter)
        {
            self = .quarter(year: year, quarter: quarter)
        } else {
            return nil
        }
    }

    /// The years a period may name.
    static let years = 2000...2100

    /// What `all`, years and quarters look like, for messages that refuse something else.
    public static let accepted = "all (the whole period), a year such as 2025 or a quarter such as 2025-Q1"

    /// The label stored with published figures: `all`, `2025` or `2025-Q1`.
    public var description: String {
        switch self {
        case .whole: "all"
        case .year(let year): String(year)
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        }
    }

    /// The period in Polish, as pages and reports name it.
    public var polish: String {
        switch self {
        case .whole: "cały okres realizacji"
        case .year(let year): "rok \(year)"
        case .quarter(let year, let quarter): "\(["I", "II", "III", "IV"][quarter - 1]) kwartał \(year)"
        }
    }

    /// The period in a few words, for table headings: `cały okres`, `2025`, `I kw. 2025`.
    public var heading: String {
        switch self {
        case .whole: "cały okres"
        case .year(let year): String(year)
        case .quarter(let year, let quarter): "\(["I", "II", "III", "IV"][quarter - 1]) kw. \(year)"
        }
    }

    /// The calendar days a year or quarter covers; nil for the whole period, whose days
    /// depend on the adoption.
    public var days: ClosedRange<CalendarDate>? {
        switch self {
        case .whole: nil
        case .year(let year): CalendarDate(year: year, month: 1, day: 1)...CalendarDate(year: year, month: 12, day: 31)
        case .quarter(let year, let quarter):
            // Quarters end on 31 March, 30 June, 30 September and 31 December.
            CalendarDate(year: year, month: quarter * 3 - 2, day: 1)...CalendarDate(year: year, month: quarter * 3, day: quarter == 1 || quarter == 4 ? 31 : 30)
        }
    }

    /// Whether this is a calendar year.
    public var isYear: Bool {
        if case .year = self { true } else { false }
    }

    /// Whether this is a calendar quarter.
    public var isQuarter: Bool {
        if case .quarter = self { true } else { false }
    }

    /// The period this one is a part of: a quarter's year, a year's whole period.
    public var parent: FigurePeriod? {
        switch self {
        case .whole: nil
        case .year: .whole
        case .quarter(let year, _): .year(year)
        }
    }

    /// The whole period first, then by time, each year before its quarters.
    public static func < (lhs: FigurePeriod, rhs: FigurePeriod) -> Bool {
        func key(_ period: FigurePeriod) -> (Int, Int) {
            switch period {
            case .whole: (0, 0)
            case .year(let year): (year, 0)
            case .quarter(let year, let quarter): (year, quarter)
            }
        }
        return key(lhs) < key(rhs)
    }
}
