import Foundation

/// A JSON document stored as `jsonb`, kept as its text so nothing is lost in transit.
public struct JSONB: Sendable, Hashable, PostgresEncodable, PostgresDecodable, CustomStringConvertible {
    /// The JSON text.
    public let text: String

    /// Wraps JSON text as it is.
    public init(text: String) { self.text = text }

    /// Encodes a value with `JSONEncoder` (sorted keys, so equal values give equal text).
    public init<Value: Encodable>(encoding value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        text = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes the document into a value.
    public func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }

    public static var postgresType: PostgresType { .jsonb }
    public var postgresText: String { text }

    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard type == .jsonb || type == .json || type == .text || type == .unknown else {
            throw PostgresValueError("expected json or jsonb")
        }
        self.text = text
    }

    public var description: String { text }
}
