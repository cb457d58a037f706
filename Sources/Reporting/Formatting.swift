import Foundation

/// Numbers as Polish readers expect them: a comma before decimals, spaces between thousands.
enum Polish {
    static func number(_ value: Double, decimals: Int = 1) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        // Group thousands with a non-breaking space: 1 234 567.
        var grouped = ""
        while whole.count > 3 {
            grouped = "\u{00A0}" + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : ""
        return sign + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }

    static func number(_ value: Decimal, decimals: Int = 1) -> String {
        number(NSDecimalNumber(decimal: value).doubleValue, decimals: decimals)
    }

    static func percent(_ fraction: Double) -> String { number(fraction * 100) + "%" }
}
