/// An SQL statement whose values travel as bound parameters, never inside the text.
///
/// Build one with string interpolation:
///
/// ```swift
/// let city = "Toruń'; DROP TABLE x; --"
/// let sql: SQL = "SELECT id FROM \(table) WHERE name = \(city) AND year > \(2020)"
/// // text: SELECT id FROM "kokon"."cities" WHERE name = $1 AND year > $2
/// ```
///
/// Literal segments must be string literals in source code (`StaticString`), interpolated
/// values become `$n` parameters, ``Identifier``s are quoted, and other `SQL` values are
/// spliced with their parameters renumbered. There is deliberately no initialiser that takes a
/// run-time `String`, so a value can never be pasted into the text by mistake.
public struct SQL: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    enum Fragment: Sendable {
        case text(String)
        case binding(PostgresBinding)
    }

    var fragments: [Fragment]
    /// Whether each connection prepares the statement once and reuses its plan.
    public private(set) var isPrepared = false

    /// A statement with no interpolations.
    public init(stringLiteral value: StaticString) {
        fragments = [.text(value.description)]
    }

    /// A statement built by interpolation.
    public init(stringInterpolation: StringInterpolation) {
        fragments = stringInterpolation.fragments
    }

    init(fragments: [Fragment]) {
        self.fragments = fragments
    }

    /// Joins statements or fragments with a separator, e.g. `SQL.join(columns, separator: ", ")`.
    public static func join(_ parts: [SQL], separator: StaticString) -> SQL {
        var fragments: [Fragment] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { fragments.append(.text(separator.description)) }
            fragments += part.fragments
        }
        return SQL(fragments: fragments)
    }

    /// The same statement, prepared once per connection (under a name of its own) and then
    /// only bound and run: the server parses and plans it once, not on every call.
    ///
    /// For statements run on every request. The server re-plans a prepared statement when a
    /// table it reads changes or `search_path` names other tables, but refuses one whose result
    /// columns would change, so use it only where they cannot (a fixed column list, or a
    /// whole row as `to_jsonb(t)`).
    public func prepared() -> SQL {
        var copy = self
        copy.isPrepared = true
        return copy
    }

    /// The text sent to the server, with `$1`, `$2`, … in place of values, and the values in order.
    public var rendered: (text: String, bindings: [PostgresBinding]) {
        var text = ""
        var bindings: [PostgresBinding] = []
        for fragment in fragments {
            switch fragment {
            case .text(let piece):
                text += piece
            case .binding(let binding):
                bindings.append(binding)
                text += "$\(bindings.count)"
            }
        }
        return (text, bindings)
    }

    /// The statement text with placeholders; values are never shown, as they may be personal data.
    public var description: String { rendered.text }

    /// Collects the pieces of an interpolated statement.
    public struct StringInterpolation: StringInterpolationProtocol {
        var fragments: [Fragment] = []

        /// Reserves room for the pieces.
        public init(literalCapacity: Int, interpolationCount: Int) {
            fragments.reserveCapacity(interpolationCount * 2 + 1)
        }

        /// Appends SQL text written in source code.
        public mutating func appendLiteral(_ literal: StaticString) {
            fragments.append(.text(literal.description))
        }

        /// Binds a value as a parameter.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            fragments.append(.binding(PostgresBinding(value)))
        }

        /// Binds an optional value as a parameter; `nil` is sent as SQL NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            if let value {
                fragments.append(.binding(PostgresBinding(value)))
            } else {
                fragments.append(.binding(PostgresBinding(null: Value.postgresType)))
            }
        }

        /// Places a quoted identifier.
        public mutating func appendInterpolation(_ identifier: Identifier) {
            fragments.append(.text(identifier.quoted))
        }

        /// Places several quoted identifiers separated by commas, e.g. a column list or search path.
        public mutating func appendInterpolation(_ identifiers: [Identifier]) {
            fragments.append(.text(identifiers.map(\.quoted).joined(separator: ", ")))
        }

        /// Splices another statement fragment, keeping its values bound.
        public mutating func appendInterpolation(_ sql: SQL) {
            fragments += sql.fragments
        }
    }
}

/// One bound parameter: its text form (nil for NULL) and the type the server should read it as.
public struct PostgresBinding: Sendable, Equatable {
    /// The value in PostgreSQL's text format, or nil for NULL.
    public let text: String?
    /// The parameter's type; ``PostgresType/unknown`` lets the server infer it from context.
    public let type: PostgresType

    /// Binds a value.
    public init<Value: PostgresEncodable>(_ value: Value) {
        self.text = value.postgresText
        self.type = Value.postgresType
    }

    /// Binds NULL of the given type.
    public init(null type: PostgresType) {
        self.text = nil
        self.type = type
    }
}

/// A whole SQL script from a trusted file, such as a migration, run with the simple protocol.
///
/// Scripts may hold several statements but take no parameters; they are for files shipped
/// with Kokon, never for text assembled at run time.
public struct SQLScript: Sendable, Equatable {
    /// The script's text.
    public let text: String

    /// Wraps the contents of a trusted SQL file that ships with the application.
    public init(trustedFileContents text: String) {
        self.text = text
    }
}
