public import Foundation

/// An amount of money in a currency, exact to the grosz or cent.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount.
    public let amount: Decimal
    /// ISO 4217 code, e.g. `PLN`, `EUR`.
    public let currency: String

    /// Money from an amount and currency.
    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses `1 239 061,22 PLN`, `1239061.22 PLN`, `3 000 000 zł` or `75 085 EUR`.
    ///
    /// Groups of thousands may be separated by spaces only; the decimal separator is a comma or
    /// a dot followed by one or two digits, so `1,817,779.19` is refused rather than guessed.
    public static func parse(_ text: String) -> Money? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count >= 2, var currency = parts.last.map(String.init) else { return nil }
        if currency == "zł" || currency == "zl" || currency == "PLN" { currency = "PLN" }
        guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        var number = parts.dropLast().joined().replacingOccurrences(of: "\u{00A0}", with: "")
        let separators = number.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1 else { return nil }
        if let separator = number.firstIndex(where: { $0 == "," || $0 == "." }) {
            let decimals = number[number.index(after: separator)...]
            guard (1...2).contains(decimals.count) else { return nil }
            number.replaceSubrange(separator...separator, with: ".")
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), number.first != ".",
            let amount = Decimal(string: number, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        // Digits must group in threes when spaces separate them.
        let groups = parts.dropLast()
        if groups.count > 1 {
            let integerGroups = groups.enumerated().map { index, group in
                index == groups.count - 1 ? String(group.prefix { $0 != "," && $0 != "." }) : String(group)
            }
            guard integerGroups.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(integerGroups[0].count) else { return nil }
        }
        return Money(amount: amount, currency: currency)
    }

    /// `1 239 061,22 PLN`: Polish grouping and decimal comma.
    public var description: String {
        var rounded = Decimal()
        var value = amount
        NSDecimalRound(&rounded, &value, 2, .plain)
        let text = NSDecimalNumber(decimal: rounded).stringValue
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(pieces[0])
        let negative = whole.hasPrefix("-")
        let digits = negative ? String(whole.dropFirst()) : whole
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += " " }
            grouped.append(digit)
        }
        var fraction = pieces.count > 1 ? String(pieces[1]) : ""
        if !fraction.isEmpty { while fraction.count < 2 { fraction += "0" } }
        return (negative ? "-" : "") + grouped + (fraction.isEmpty ? "" : "," + fraction) + " " + currency
    }
}
