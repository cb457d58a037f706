/// A value written as one piece of text in templates and JSON (a date, a version, a
/// reference), so it encodes as that text and decodes by parsing it.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Parses the text form, or nil if it is not valid.
    static func parse(_ text: String) -> Self?
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a valid \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
