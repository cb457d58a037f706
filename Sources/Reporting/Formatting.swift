public import Engine
public import Foundation
public import Postgres

/// Numbers as Polish readers expect them: a comma before decimals, spaces between thousands.
enum Polish {
    /// `value` with `decimals` digits after a decimal comma, thousands grouped with a
    /// non-breaking space and a typographic minus: `−1 234,5`. `grouping` and `minus` change
    /// those two for files a spreadsheet reads (no grouping, ASCII minus).
    ///
    /// Written with integer arithmetic rather than `String(format:)`: a network report
    /// formats tens of thousands of figures, and the C formatter is the slowest part of it.
    static func number(_ value: Double, decimals: Int = 1, grouping: String = "\u{00A0}", minus: String = "−") -> String {
        let scale = powersOfTen[min(max(decimals, 0), powersOfTen.count - 1)]
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrEven)
        guard scaled.isFinite, scaled < 9e15 else { return String(value) }
        let units = Int(scaled)
        var whole = String(units / scale)
        var grouped = ""
        while whole.count > 3 {
            grouped = grouping + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        var text = value < 0 && units != 0 ? minus + grouped : grouped
        if decimals > 0 {
            let fraction = String(units % scale)
            text += "," + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    static func number(_ value: Decimal, decimals: Int = 1, grouping: String = "\u{00A0}", minus: String = "−") -> String {
        number(NSDecimalNumber(decimal: value).doubleValue, decimals: decimals, grouping: grouping, minus: minus)
    }

    static func percent(_ fraction: Double) -> String { number(fraction * 100) + "%" }

    private static let powersOfTen = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]
}

extension Reporting {
    /// A period from one day to another: 01.07.2024 – 30.06.2026.
    public static func dateRange(_ first: CalendarDate, _ last: CalendarDate) -> String { "\(first.polish) – \(last.polish)" }

    /// A published figure as text, the same on every page: "42,5%", "1 200 zł",
    /// "ukryte (<5)" for a suppressed one (never drawn as zero), "–" for none.
    public static func figure(_ value: Decimal?, unit: FigureUnit, suppressed: Bool, k: Int) -> String {
        if suppressed { return "ukryte (<\(k))" }
        guard let value else { return "–" }
        switch unit {
        case .percent: return Polish.number(value) + "%"
        case .count: return Polish.number(value, decimals: 0)
        case .pln: return Polish.number(value, decimals: 0) + " zł"
        case .score, .rate: return Polish.number(value)
        }
    }
}
