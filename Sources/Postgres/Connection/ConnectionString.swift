/// Builds libpq `key=value` connection strings with values quoted as libpq expects.
public enum ConnectionString {
    /// `key='value' …` with backslashes and single quotes escaped, skipping nil values.
    public static func make(_ pairs: KeyValuePairs<String, String?>) -> String {
        pairs.compactMap { key, value in value.map { "\(key)=\(quote($0))" } }.joined(separator: " ")
    }

    /// Quotes one value for a libpq connection string.
    public static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
