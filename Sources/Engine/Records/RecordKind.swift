import Foundation
public import Postgres

/// A kind of case record (households, persons, sessions, attendance, …): its columns, how
/// each row is checked against the adopted programme, and how checked rows are stored.
///
/// Every write, one record from the API or a million from a CSV file, takes the same path
/// (see ``StagedWrite``): rows are copied into a temporary staging table as text, checked
/// there with set-based SQL, and only then inserted. So the API and `kokon import` can never
/// disagree about what is valid, and a bad row is reported with a reason instead of aborting
/// the transaction half-way.
public struct RecordKind: Sendable {
    /// The name used on the command line and in file names, e.g. `households`.
    public let name: String
    /// The table the records land in.
    public let table: Identifier
    /// What one row records.
    public let summary: String
    /// The CSV columns, in the documented order.
    public let columns: [RecordColumn]
    /// Columns that identify a row; a key appearing twice in one file is rejected.
    public let key: [String]
    /// `LEFT JOIN`s that bring in what the checks need; the staging table is `s`.
    let joins: SQL
    /// `WHEN <problem> THEN <reason>` branches, after the generic empty-value checks.
    let checks: SQL
    /// `INSERT INTO <table> … SELECT … FROM checked s WHERE s.reason IS NULL`: `checked` is the
    /// staging table with each row's reject reason. ``StagedWrite`` adds `ON CONFLICT DO
    /// NOTHING` only when rows are already recorded.
    let insert: SQL
    /// For a kind whose table enforces every check itself (constraints and triggers): the
    /// plain `INSERT … SELECT` from the staging table that stores a clean file at COPY speed.
    /// When any constraint fails, ``StagedWrite`` rolls it back and takes the checked path,
    /// which lists every problem with its row. Nil where only the checked path knows a rule.
    var direct: SQL? = nil

    /// The column with a name.
    public func column(_ name: String) -> RecordColumn? { columns.first { $0.name == name } }

    /// A key column's name in the table, where the file names it otherwise.
    static func storedName(of column: String) -> String {
        switch column {
        case "start": "starts_on"
        case "date": "observed_on"
        default: column
        }
    }

    /// The columns of the kind's table as stored (filters, answers and replacements use
    /// these names, which differ from the file's for a few: `start` is `starts_on`).
    func storedColumns(on session: Session) async throws -> [String] {
        try await session.query(
            """
            SELECT coalesce(array_agg(attname::text ORDER BY attnum), '{}') AS columns FROM pg_attribute
            WHERE attrelid = to_regclass(\(table.quoted)) AND attnum > 0 AND NOT attisdropped
            """
        ).scalar([String].self)
    }
}

/// One column of a record kind's CSV file.
public struct RecordColumn: Sendable {
    /// The header, e.g. `birth_year`.
    public let name: String
    /// Whether every row needs a value.
    public let required: Bool
    /// What goes in it, for help and error messages.
    public let meaning: String

    static func required(_ name: String, _ meaning: String) -> RecordColumn { RecordColumn(name: name, required: true, meaning: meaning) }
    static func optional(_ name: String, _ meaning: String) -> RecordColumn { RecordColumn(name: name, required: false, meaning: meaning) }
}

extension RecordKind {
    /// Every kind, in the order files should be imported (later kinds refer to earlier ones).
    public static let all: [RecordKind] = [
        .households, .persons, .events, .staff, .enrolments, .assignments, .plans, .goals, .sessions, .attendance,
        .networks, .networkMembers, .networkActions, .outcomes, .expenditures,
    ]

    /// The kind with a name, accepting singular forms and hyphens ("network-action").
    public static func named(_ text: String) -> RecordKind? {
        let normalised = text.lowercased().replacingOccurrences(of: "-", with: "_")
        return all.first { $0.name == normalised || $0.name == normalised + "s" || ($0.name == "attendance" && normalised == "attendances") }
    }
}
