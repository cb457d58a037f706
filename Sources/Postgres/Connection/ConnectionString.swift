import CLibPQ
import Foundation

/// Building libpq connection strings.
public enum ConnectionString {
    /// `key='value' …` with backslashes and single quotes escaped, skipping nil values.
    public static func make(_ pairs: KeyValuePairs<String, String?>) -> String {
        pairs.compactMap { key, value in value.map { "\(key)=\(quote($0))" } }.joined(separator: " ")
    }

    /// Quotes one value for a libpq connection string.
    public static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// The same connection with some settings replaced, e.g. another `dbname` or `user`.
    /// Accepts both forms libpq does (`postgresql://…` URLs and `key=value` strings, or an
    /// empty string for the PG* variables) and parses them with libpq itself.
    public static func replacing(_ conninfo: String, with overrides: [String: String]) throws -> String {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &message) else {
            let reason = message.map { String(cString: $0) } ?? "it cannot be parsed"
            if let message { PQfreemem(message) }
            throw PostgresError(kind: .client, message: "the connection string is not valid: \(reason)")
        }
        defer { PQconninfoFree(options) }
        var pairs: [(String, String)] = []
        var index = 0
        while let keyword = options[index].keyword {
            let key = String(cString: keyword)
            if let value = options[index].val, overrides[key] == nil { pairs.append((key, String(cString: value))) }
            index += 1
        }
        pairs += overrides.sorted { $0.key < $1.key }
        return pairs.map { "\($0.0)=\(quote($0.1))" }.joined(separator: " ")
    }
}
