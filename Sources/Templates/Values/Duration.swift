/// A length of time in whole days, weeks, months or years, e.g. "18 months".
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

    /// Parses "18 months", "2 weeks", "1 year" (or the Polish "18 miesięcy").
    public static func parse(_ text: String) -> Duration? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let amount = Int(parts[0]), amount > 0,
            let unit = unitWords[parts[1].lowercased()]
        else { return nil }
        return Duration(amount: amount, unit: unit)
    }

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
