import Foundation

/// A quoted SQL identifier: a schema, table, column or role name, possibly schema-qualified.
///
/// Identifiers cannot be bound as parameters, so they are the one place where text from
/// outside reaches SQL. `Identifier` always double-quotes each part (doubling embedded quotes,
/// as `PQescapeIdentifier` does), so even a hostile name can only ever name an object.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    /// The unquoted parts, e.g. `["kokon", "migrations"]` for `kokon.migrations`.
    public let parts: [String]

    /// PostgreSQL silently truncates longer names, which would make two names collide.
    public static let maximumByteLength = 63

    /// An identifier written in source code, such as `Identifier("kokon")`.
    public init(_ name: StaticString) {
        self.parts = [name.description]
    }

    /// A schema-qualified identifier written in source code, such as `Identifier("kokon", "tenants")`.
    public init(_ schema: StaticString, _ name: StaticString) {
        self.parts = [schema.description, name.description]
    }

    /// An identifier from run-time text, checked to be usable: not empty, no NUL character,
    /// at most 63 bytes per part.
    public init(validating parts: String...) throws(IdentifierError) {
        try self.init(validatingParts: parts)
    }

    /// An identifier from run-time parts, checked as in ``init(validating:)``.
    public init(validatingParts parts: [String]) throws(IdentifierError) {
        guard !parts.isEmpty else { throw IdentifierError(name: "", reason: "an identifier needs at least one part") }
        for part in parts {
            if part.isEmpty { throw IdentifierError(name: part, reason: "a name cannot be empty") }
            if part.utf8.contains(0) { throw IdentifierError(name: part, reason: "a name cannot contain a NUL character") }
            if part.utf8.count > Self.maximumByteLength {
                throw IdentifierError(name: part, reason: "a name can be at most \(Self.maximumByteLength) bytes long")
            }
        }
        self.parts = parts
    }

    /// This identifier qualified by one more part, e.g. a schema's table.
    public func appending(_ name: String) throws(IdentifierError) -> Identifier {
        try Identifier(validatingParts: parts + [name])
    }

    /// The quoted form, safe to place in SQL text.
    public var quoted: String {
        parts.map(Identifier.quote).joined(separator: ".")
    }

    /// The plain dotted name, for messages.
    public var description: String { parts.joined(separator: ".") }

    /// Double-quotes one name, doubling any quote inside it.
    static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A name that cannot be used as an SQL identifier.
public struct IdentifierError: Error, Sendable, CustomStringConvertible {
    /// The offending name.
    public let name: String
    /// Why it was refused.
    public let reason: String
    /// A sentence for people.
    public var description: String { "invalid SQL name '\(name)': \(reason)" }
}
