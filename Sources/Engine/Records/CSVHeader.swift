import Foundation

/// The first line of a CSV file: its byte-order mark, delimiter and column names.
///
/// Only the header is parsed in Swift; the rows go to PostgreSQL's COPY as they are, which
/// is what lets an import run as fast as `psql \copy`.
public struct CSVHeader: Sendable, Equatable {
    /// The column delimiter: `,` or `;` (Polish spreadsheets save with `;`).
    public let delimiter: UInt8
    /// The column names, lowercased and trimmed.
    public let names: [String]
    /// How many bytes the BOM and header take, i.e. where the rows start.
    public let length: Int

    /// Reads the header from the first bytes of a file.
    public static func parse(_ bytes: [UInt8], file: String) throws(RecordError) -> CSVHeader {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .badFile(file, "it is saved as UTF-16; save it as \"CSV UTF-8\" instead")
        }
        // Lines may end with LF, CRLF or CR alone (as old Mac spreadsheets save them).
        guard let end = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            throw .badFile(
                file, bytes.count - start == 0 ? "it is empty; the first line must name the columns" : "it has a header but no rows, or the header line is longer than 64 KiB")
        }
        let newline = bytes[end] == UInt8(ascii: "\r") && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\n") ? end + 1 : end
        guard let line = String(validating: bytes[start..<end], as: UTF8.self) else {
            throw .badFile(file, "the header is not UTF-8 text; save the file as \"CSV UTF-8\"")
        }
        let delimiter: UInt8 = line.contains(";") ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let names = line.split(separator: Character(UnicodeScalar(delimiter)), omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: [" ", "\""]).lowercased()
        }
        return CSVHeader(delimiter: delimiter, names: names, length: newline + 1)
    }

    /// Checks the names against a record kind: no unknown, missing or repeated columns.
    public func check(against kind: RecordKind, file: String) throws(RecordError) {
        let known = kind.columns.map(\.name)
        var seen = Set<String>()
        for name in names {
            if name.isEmpty { throw .badHeader(file, "a column has no name (an extra \(Character(UnicodeScalar(delimiter))) at the end of the header?)", kind: kind) }
            if !seen.insert(name).inserted { throw .badHeader(file, "the column '\(name)' appears twice", kind: kind) }
            if !known.contains(name) {
                throw .badHeader(file, "unknown column '\(name)'" + (Self.closest(name, in: known).map { "; did you mean '\($0)'?" } ?? ""), kind: kind)
            }
        }
        let missing = kind.columns.filter { $0.required && !seen.contains($0.name) }.map(\.name)
        if !missing.isEmpty { throw .badHeader(file, "missing column\(missing.count == 1 ? "" : "s") " + missing.joined(separator: ", "), kind: kind) }
    }

    static func closest(_ word: String, in candidates: [String]) -> String? {
        candidates.first {
            $0.replacingOccurrences(of: "_", with: "")
                == word.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = self[...]
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
