import Foundation

/// Text in Polish, optionally with English and German versions.
///
/// Written as a plain string (Polish) or as `{pl: …, en: …, de: …}`.
public struct LocalizedText: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Polish, always present.
    public var pl: String
    /// English, if given.
    public var en: String?
    /// German, if given (Sojusz dla Rodziny has a German partner).
    public var de: String?

    /// Text in Polish, with optional translations.
    public init(pl: String, en: String? = nil, de: String? = nil) {
        self.pl = pl
        self.en = en
        self.de = de
    }

    /// The text in a language, falling back to Polish.
    public func text(in language: String) -> String {
        switch language {
        case "en": en ?? pl
        case "de": de ?? en ?? pl
        default: pl
        }
    }

    public var description: String { pl }
}

/// A calendar day written `YYYY-MM-DD`.
public struct Day: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// A day from parts, unchecked.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, refusing impossible days like 2023-02-29.
    public static func parse(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        return Day(year: year, month: month, day: day)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
