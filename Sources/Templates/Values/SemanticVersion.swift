/// A semantic version, `MAJOR.MINOR.PATCH`.
///
/// For programmes: a new major version changes what cities must do (components, rules); a
/// minor one adds without breaking (an indicator, an activity); a patch fixes wording.
public struct SemanticVersion: Sendable, Hashable, Comparable, TextCodable {
    /// Breaking changes.
    public let major: Int
    /// Additions.
    public let minor: Int
    /// Corrections.
    public let patch: Int

    /// A version.
    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `1.2.3` (no leading zeros, no suffixes).
    public static func parse(_ text: String) -> SemanticVersion? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let numbers = parts.compactMap { part -> Int? in
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), part == "0" || part.first != "0" else { return nil }
            return Int(part)
        }
        guard numbers.count == 3 else { return nil }
        return SemanticVersion(numbers[0], numbers[1], numbers[2])
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

}

/// A reference to a model or component by id and a version prefix: `art@1`, `art@1.2`, `art@1.2.3`.
///
/// The newest available version matching the prefix is chosen, so `@1` follows compatible
/// updates and `@1.2.3` pins one exact version.
public struct ModelReference: Sendable, Hashable, TextCodable {
    /// The id.
    public let id: String
    /// The version prefix: one, two or three numbers.
    public let versionPrefix: [Int]

    /// Parses `id@1`, `id@1.2` or `id@1.2.3`.
    public static func parse(_ text: String) -> ModelReference? {
        let halves = text.split(separator: "@", omittingEmptySubsequences: false)
        guard halves.count == 2, Identifiers.isValid(String(halves[0])) else { return nil }
        let numbers = halves[1].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count) else { return nil }
        let prefix = numbers.compactMap { part -> Int? in
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        guard prefix.count == numbers.count else { return nil }
        return ModelReference(id: String(halves[0]), versionPrefix: prefix)
    }

    /// A reference from parts.
    public init(id: String, versionPrefix: [Int]) {
        self.id = id
        self.versionPrefix = versionPrefix
    }

    /// True if `version` starts with this prefix.
    public func matches(_ version: SemanticVersion) -> Bool {
        let parts = [version.major, version.minor, version.patch]
        return Array(parts.prefix(versionPrefix.count)) == versionPrefix
    }

    public var description: String { "\(id)@" + versionPrefix.map(String.init).joined(separator: ".") }

}

/// Rules for ids of programmes, components, roles and everything else a template names.
public enum Identifiers {
    /// Lowercase letters, digits and hyphens, starting with a letter: `family-assistant`.
    public static let pattern = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

    /// True if `text` is a valid id.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase, text.count <= 64, !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}
