public import Foundation

/// A Swift value that can be read from a column in PostgreSQL's text format.
///
/// NULL is handled by `Optional`: decoding NULL into a non-optional type is an error that
/// names the column.
public protocol PostgresDecodable: Sendable {
    /// Reads the value from its text form; `type` is the column's type.
    init(postgresText text: String, type: PostgresType) throws(PostgresValueError)
}

/// Why a column's text could not become the requested Swift type.
public struct PostgresValueError: Error, Sendable {
    /// What the decoder expected.
    public let reason: String
    /// Creates an error with a reason such as "expected an integer".
    public init(_ reason: String) { self.reason = reason }
}

extension String: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) { self = text }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard let value = Int(text) else { throw PostgresValueError("expected a whole number") }
        self = value
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard let value = Int64(text) else { throw PostgresValueError("expected a whole number") }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard let value = Int32(text) else { throw PostgresValueError("expected a 32-bit whole number") }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PostgresValueError("expected a boolean (t or f)")
        }
    }
}

extension Double: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard let value = Double(text) else { throw PostgresValueError("expected a number") }
        self = value
    }
}

extension Decimal: PostgresDecodable {
    /// Exact: the digits PostgreSQL sends become the decimal, with no binary floating point between.
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        if text == "NaN" {
            self = .nan
            return
        }
        // Checked byte by byte: a report decodes tens of thousands of numbers.
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || Self.numberPunctuation.contains($0) }),
            let value = Decimal(string: text, locale: Self.posix)
        else { throw PostgresValueError("expected a decimal number") }
        self = value
    }

    /// Created once: a report decodes tens of thousands of numbers.
    private static let posix = Locale(identifier: "en_US_POSIX")
    private static let numberPunctuation: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E")]
}

extension UUID: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard let value = UUID(uuidString: text) else { throw PostgresValueError("expected a UUID") }
        self = value
    }
}

extension Date: PostgresDecodable {
    /// Reads `timestamptz` in the ISO style (`2024-01-02 10:11:12.5+01`), PostgreSQL's default.
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard let value = TimestampParser.parse(text) else {
            throw PostgresValueError("expected a timestamp with time zone like 2024-01-02 10:11:12+01 (DateStyle ISO)")
        }
        self = value
    }
}

extension Array: PostgresDecodable where Element == String {
    /// Reads a one-dimensional text array; a NULL element is an error, as `[String]` cannot hold it.
    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        self = try ArrayLiteralParser.parse(text)
    }
}

enum TimestampParser {
    static func parse(_ text: String) -> Date? {
        // "YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]]"
        let scalars = Array(text.utf8)
        guard scalars.count >= 22, let date = CalendarDate(iso: text.prefix(10)), scalars[10] == UInt8(ascii: " ") || scalars[10] == UInt8(ascii: "T") else { return nil }
        let rest = text.dropFirst(11)
        guard let signIndex = rest.firstIndex(where: { $0 == "+" || $0 == "-" }) else { return nil }
        let timePart = rest[..<signIndex]
        let offsetPart = rest[rest.index(after: signIndex)...]
        let timeFields = timePart.split(separator: ":")
        guard timeFields.count == 3, let hour = Int(timeFields[0]), let minute = Int(timeFields[1]),
            let seconds = Double(timeFields[2]), (0...24).contains(hour), (0...59).contains(minute), seconds >= 0, seconds < 61
        else { return nil }
        let offsetFields = offsetPart.split(separator: ":").map { Int($0) }
        guard !offsetFields.isEmpty, offsetFields.count <= 3, offsetFields.allSatisfy({ $0 != nil }) else { return nil }
        let values = offsetFields.map { $0! }
        var offset = values[0] * 3600
        if values.count > 1 { offset += values[1] * 60 }
        if values.count > 2 { offset += values[2] }
        if rest[signIndex] == "-" { offset = -offset }
        let total = Double(date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 - offset) + seconds
        return Date(timeIntervalSince1970: total)
    }
}

enum ArrayLiteralParser {
    static func parse(_ text: String) throws(PostgresValueError) -> [String] {
        var characters = text.makeIterator()
        guard characters.next() == "{" else { throw PostgresValueError("expected an array like {a,b}") }
        var elements: [String] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var closed = false
        while let character = characters.next() {
            if quoted {
                switch character {
                case "\\":
                    guard let escaped = characters.next() else { throw PostgresValueError("unterminated array element") }
                    current.append(escaped)
                case "\"": quoted = false
                default: current.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                quoted = true
                wasQuoted = true
            case ",", "}":
                if !(character == "}" && elements.isEmpty && current.isEmpty && !wasQuoted) {
                    if !wasQuoted && current == "NULL" { throw PostgresValueError("array holds NULL; decode it as a nullable column instead") }
                    elements.append(current)
                }
                current = ""
                wasQuoted = false
                if character == "}" { closed = true }
            case "{": throw PostgresValueError("only one-dimensional arrays are supported")
            default: current.append(character)
            }
            if closed { break }
        }
        guard closed, characters.next() == nil else { throw PostgresValueError("unterminated array") }
        return elements
    }
}
