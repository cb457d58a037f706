public import Postgres
public import Templates

/// A closed set of words stored in a text column: bound as its word, read back only if the
/// word is one of the set (anything else is an error that names the set).
public protocol StoredWord: RawRepresentable<String>, CaseIterable, PostgresEncodable, PostgresDecodable {}

extension StoredWord {
    public static var postgresType: PostgresType { .unknown }
    public var postgresText: String { rawValue }

    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard let value = Self(rawValue: text) else {
            throw PostgresValueError("expected one of " + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = value
    }
}

extension ParticipationUnit: StoredWord {}
