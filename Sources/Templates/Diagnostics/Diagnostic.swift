import Foundation

/// A place in a source file: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// The line, from 1.
    public let line: Int
    /// The column, from 1.
    public let column: Int

    /// A location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One finding about a template or tenant file, worded for the methodologist who wrote it.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Codable, Comparable {
        /// The file cannot be used until this is fixed.
        case error
        /// Valid, but probably not what was meant.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// The file, as given to the loader.
    public var file: String
    /// Where in the file.
    public var location: SourceLocation
    /// Error or warning.
    public var severity: Severity
    /// A stable code for editors and tests, e.g. `unknown-key`.
    public var code: String
    /// What is wrong.
    public var message: String
    /// How to fix it, when we can tell.
    public var hint: String?

    /// Creates a diagnostic.
    public init(file: String, location: SourceLocation, severity: Severity = .error, code: String, message: String, hint: String? = nil) {
        self.file = file
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message`, the source line with a caret under the column, and the hint.
    public func rendered(source: String?) -> String {
        var lines = ["\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)"]
        if let source, let text = Diagnostic.line(location.line, of: source) {
            let shown = text.replacingOccurrences(of: "\t", with: " ")
            lines.append("    " + shown)
            lines.append("    " + String(repeating: " ", count: max(0, location.column - 1)) + "^")
        }
        if let hint { lines.append("    hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    static func line(_ number: Int, of source: String) -> String? {
        var current = 1
        // Every line break counts, CRLF included (one Character in Swift, so never equal to "\n").
        for line in source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if current == number { return String(line) }
            current += 1
        }
        return nil
    }
}

/// The diagnostics of one or more files, kept in file and position order.
public struct Diagnostics: Sendable, Codable {
    /// Every finding.
    public private(set) var all: [Diagnostic] = []

    /// No findings yet.
    public init() {}

    /// Adds a finding.
    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds findings.
    public mutating func append(contentsOf other: [Diagnostic]) { all += other }

    /// True if any finding is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The errors.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// The warnings.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Findings ordered by file, then position.
    public var sorted: [Diagnostic] {
        all.sorted { ($0.file, $0.location, $0.severity) < ($1.file, $1.location, $1.severity) }
    }
}
