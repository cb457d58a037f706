import Foundation
import Hummingbird

/// JSON answers and request bodies for the API.
enum JSONAnswer {
    /// An answer whose body is JSON text already made.
    static func raw(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// An answer encoding `value`.
    static func encode<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) throws -> Response {
        raw(try text(value), status: status)
    }

    /// `value` as JSON text, keys sorted.
    static func text<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        (try? Self.text(text)) ?? "\"\""
    }

    /// The body as a JSON object: 415 unless it is declared JSON, 413 over the limit, 400 if it
    /// is not an object.
    static func object(_ request: Request, limit: Int) async throws -> [String: JSONValue] {
        guard let type = request.headers[.contentType]?.lowercased(), type.hasPrefix("application/json") || type.hasPrefix("application/merge-patch+json") else {
            throw Problem(.unsupportedMediaType, "Unsupported media type", "send the body as JSON with 'Content-Type: application/json'")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        let data = Data(buffer.readableBytesView)
        guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw Problem.badRequest("the body is not valid JSON")
        }
        guard case .object(let object) = parsed else { throw Problem.badRequest("the body must be a JSON object") }
        return object
    }

    /// A record's fields as text, as a CSV cell would hold them: strings as they are, whole
    /// numbers without decimals, null as empty.
    static func fields(_ object: [String: JSONValue], allowed: [String], what: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in object {
            guard allowed.contains(name) else {
                throw Problem.badRequest("unknown field '\(name)'; \(what) has the fields: \(allowed.joined(separator: ", "))")
            }
            switch value {
            case .string(let text): fields[name] = text
            case .number(let number): fields[name] = number
            case .null: continue
            default: throw Problem.badRequest("field '\(name)' must be text or a number")
            }
        }
        return fields
    }
}

/// Any JSON value, read strictly: numbers keep their written form.
enum JSONValue: Decodable, Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number("\(value)")
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
