/// An error reported by the PostgreSQL server or by libpq, with every field the server gives.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// Where the error came from.
    public enum Kind: Sendable, Equatable {
        /// The server refused a statement; ``code`` says why.
        case server
        /// No connection could be made, or it was lost.
        case connection
        /// libpq or the client side failed (out of memory, protocol state).
        case client
    }

    /// Where the error came from.
    public var kind: Kind
    /// The SQLSTATE code, when the server sent one.
    public var code: SQLState?
    /// `ERROR`, `FATAL`, …
    public var severity: String?
    /// The primary message.
    public var message: String
    /// Optional detail from the server. May quote values from the row; never log it verbatim
    /// where rows hold personal data.
    public var detail: String?
    /// The server's suggestion.
    public var hint: String?
    /// 1-based character position in the statement text.
    public var position: Int?
    /// Schema of the object involved.
    public var schema: String?
    /// Table involved.
    public var table: String?
    /// Column involved.
    public var column: String?
    /// Constraint involved.
    public var constraint: String?
    /// Context (e.g. the PL/pgSQL line).
    public var context: String?
    /// The statement that failed, with placeholders only (never values).
    public var statement: String?

    /// Creates an error.
    public init(kind: Kind, code: SQLState? = nil, message: String, detail: String? = nil, hint: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.detail = detail
        self.hint = hint
    }

    /// A pool used after ``ConnectionPool/close()``.
    public static let poolClosed = PostgresError(
        kind: .client, message: "the connection pool has been closed",
        hint: "a closed pool cannot be used again; create a new one")

    /// True if the error is the given SQLSTATE.
    public func `is`(_ state: SQLState) -> Bool { code == state }

    /// True for any constraint violation (unique, foreign key, check, not null, exclusion).
    public var isConstraintViolation: Bool { code?.isConstraintViolation ?? false }

    /// A multi-line explanation: message, detail, hint and where in the statement.
    public var description: String {
        var lines = [(severity.map { "\($0): " } ?? "") + message + (code.map { " [\($0)]" } ?? "")]
        if let detail { lines.append("detail: \(detail)") }
        if let hint { lines.append("hint: \(hint)") }
        if let context { lines.append("context: \(context)") }
        if let statement, let position {
            lines.append("at character \(position) of: \(statement)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A column value that could not be decoded into the requested Swift type.
public struct PostgresDecodingError: Error, Sendable, CustomStringConvertible {
    /// The column's name.
    public let column: String
    /// The column's PostgreSQL type.
    public let columnType: PostgresType
    /// The Swift type asked for.
    public let swiftType: String
    /// What went wrong.
    public let reason: String

    public var description: String {
        "cannot read column '\(column)' (\(columnType)) as \(swiftType): \(reason)"
    }
}
