/// Why records could not be written; every case says what is wrong, where, and how to fix it.
public enum RecordError: Error, Sendable, CustomStringConvertible {
    /// The file cannot be read or is not a UTF-8 CSV file.
    case badFile(String, String)
    /// The header does not match the record kind.
    case badHeader(String, String, kind: RecordKind)
    /// A line could not be read as CSV (wrong number of fields, unterminated quote, bad UTF-8).
    case badLine(String, line: Int?, String)
    /// Rows failed their checks; nothing was written.
    case rejected(ImportReport)
    /// An unknown record kind.
    case unknownKind(String)
    /// No person has this code in the municipality.
    case noSuchPerson(code: String, tenant: String)

    public var description: String {
        switch self {
        case .badFile(let file, let problem):
            "\(file): \(problem)"
        case .badHeader(let file, let problem, let kind):
            "\(file): the header does not fit \(kind.name): \(problem).\n"
                + "  The first line must name the columns, separated by , or ;. Columns for \(kind.name):\n"
                + kind.columns.map { "    \($0.name)\($0.required ? " (required)" : "") – \($0.meaning)" }.joined(separator: "\n")
        case .badLine(let file, let line, let problem):
            "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
        case .rejected(let report):
            report.rejectionText
        case .noSuchPerson(let code, let tenant):
            "there is no person '\(code.prefix(40))' in \(tenant); check the code against the person's records (kokon import writes them, the household page shows them)"
        case .unknownKind(let name):
            "'\(name)' is not a kind of record; kinds: " + RecordKind.all.map(\.name).joined(separator: ", ")
        }
    }
}
