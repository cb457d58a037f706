/// A length of time in whole days, weeks, months or years, e.g. "18 months" ("2.5 years" is
/// read as 30 months).
public struct Duration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Calendar units.
    public enum Unit: String, Sendable, Codable, CaseIterable {
        /// Days.
        case day
        /// Weeks.
        case week
        /// Months.
        case month
        /// Years.
        case year
    }

    /// How many units.
    public let amount: Int
    /// Which unit.
    public let unit: Unit

    /// A duration.
    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// The length in months, where that is exact (months and years), else nil.
    public var months: Int? {
        switch unit {
        case .month: amount
        case .year: amount * 12
        default: nil
        }
    }

    /// Approximate length in days, for comparisons (a month counts as 30.44 days).
    public var approximateDays: Double {
        switch unit {
        case .day: Double(amount)
        case .week: Double(amount * 7)
        case .month: Double(amount) * 30.436_875
        case .year: Double(amount) * 365.2425
        }
    }

    static let unitWords: [String: Unit] = [
        "day": .day, "days": .day, "dzień": .day, "dni": .day,
        "week": .week, "weeks": .week, "tydzień": .week, "tygodnie": .week, "tygodni": .week,
        "month": .month, "months": .month, "miesiąc": .month, "miesiące": .month, "miesięcy": .month,
        "year": .year, "years": .year, "rok": .year, "lata": .year, "lat": .year,
    ]

    /// Parses "18 months", "2 weeks", "1 year" (or the Polish "18 miesięcy"), and a decimal
    /// amount that is a whole number of a smaller unit: "2.5 years" (or "2,5 roku") is 30
    /// months, "1.5 weeks" is not a whole number of days and is refused.
    public static func parse(_ text: String) -> Duration? {
        try? read(text).get()
    }

    /// Why a text is not a duration, in words that say how to write it.
    public struct Problem: Error, Sendable, Equatable {
        /// The explanation.
        public let message: String
    }

    /// Reads a duration like ``parse(_:)``, or says exactly how to write it instead.
    public static func read(_ text: String) -> Result<Duration, Problem> {
        let parts = text.split(separator: " ")
        let units = "days, weeks, months or years"
        guard parts.count == 2 else { return .failure(Problem(message: "write a number and a unit (\(units)), e.g. \"18 months\"")) }
        guard let unit = unitWords[parts[1].lowercased()] ?? decimalUnitWords[parts[1].lowercased()] else {
            return .failure(Problem(message: "'\(parts[1])' is not a unit of time; use \(units)"))
        }
        let number = String(parts[0].map { $0 == "," ? "." : $0 })
        if let amount = Int(number) {
            guard amount > 0 else { return .failure(Problem(message: "a duration must be longer than 0")) }
            return .success(Duration(amount: amount, unit: unit))
        }
        guard let amount = Double(number), amount > 0, amount.isFinite else {
            return .failure(Problem(message: "'\(parts[0])' is not a number; write a whole number or a decimal such as 2.5, then a unit (\(units))"))
        }
        // A decimal amount is taken only where a smaller unit counts it exactly.
        let smaller: (Unit, Int)? =
            switch unit {
            case .year: (.month, 12)
            case .week: (.day, 7)
            case .month, .day: nil
            }
        if let (finer, factor) = smaller {
            let converted = amount * Double(factor)
            if abs(converted - converted.rounded()) < 1e-9, converted >= 1 { return .success(Duration(amount: Int(converted.rounded()), unit: finer)) }
            let example = Duration(amount: max(1, Int(converted.rounded())), unit: finer)
            return .failure(Problem(message: "\(parts[0]) \(unit.rawValue)s is not a whole number of \(finer.rawValue)s; write it in \(finer.rawValue)s, e.g. \"\(example)\""))
        }
        let example = unit == .month ? Duration(amount: max(1, Int((amount * 30.436_875 / 7).rounded())), unit: .week) : nil
        return .failure(
            Problem(
                message: "\(parts[0]) \(unit.rawValue)s is not a whole number of \(unit.rawValue)s; write a whole number"
                    + (example.map { ", or weeks or days, e.g. \"\($0)\"" } ?? "")))
    }

    /// Forms that follow a decimal amount in Polish ("2,5 roku", "1,5 miesiąca").
    static let decimalUnitWords: [String: Unit] = ["roku": .year, "miesiąca": .month, "tygodnia": .week, "dnia": .day]

    public var description: String { "\(amount) \(unit.rawValue)\(amount == 1 ? "" : "s")" }

    /// The length in Polish, with the noun in the form the number takes: "18 miesięcy",
    /// "2 lata", "1 tydzień".
    public var polish: String {
        let forms: (String, String, String) =
            switch unit {
            case .day: ("dzień", "dni", "dni")
            case .week: ("tydzień", "tygodnie", "tygodni")
            case .month: ("miesiąc", "miesiące", "miesięcy")
            case .year: ("rok", "lata", "lat")
            }
        let lastTwo = amount % 100
        let last = amount % 10
        let word = amount == 1 ? forms.0 : (2...4).contains(last) && !(12...14).contains(lastTwo) ? forms.1 : forms.2
        return "\(amount) \(word)"
    }
}
