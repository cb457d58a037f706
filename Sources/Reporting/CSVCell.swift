import Foundation

/// Cells of the CSV files Kokon writes, safe to open in a spreadsheet.
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some programs, a
/// tab or carriage return) as a formula, so a municipality's area named `=HYPERLINK(…)` could
/// act when a coordinator opens the file. As OWASP recommends, such text cells get a leading
/// apostrophe, which spreadsheets show as text and never evaluate. Numbers are written as
/// numbers and never changed.
enum CSVCell {
    /// The characters that make a spreadsheet read a cell as a formula.
    static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text cell: neutralised if it could run as a formula, quoted if it holds the `;`
    /// separator, a quote or a line break.
    static func text(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, formulaTriggers.contains(Character(first)) { value = "'" + value }
        return quoted(value)
    }

    /// A number already formatted for the reader (`-12,5`, `1234`): kept as it is.
    static func number(_ formatted: String) -> String {
        quoted(formatted)
    }

    private static func quoted(_ value: String) -> String {
        guard value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r") else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
