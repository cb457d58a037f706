import Foundation
import Postgres

/// The one path every case-record write takes: COPY into a temporary staging table, check
/// every row there with set-based SQL, then `INSERT … SELECT`.
///
/// It runs inside the caller's tenant transaction, so a rejected row, a failed COPY or a lost
/// connection leaves nothing behind, and re-sending rows already stored changes nothing.
struct StagedWrite {
    let kind: RecordKind
    /// The columns the data carries, in its order (a CSV file's header order).
    let columns: [String]
    /// `,` or `;`.
    let delimiter: UInt8
    /// A file name or "api", for messages.
    let source: String
    /// For changing a stored record: the `ON CONFLICT … DO UPDATE` that makes the checked
    /// row replace it. Nil for adding records.
    var onConflict: SQL? = nil
    /// Whether a row whose key is stored with other values replaces the stored record
    /// (`kokon import --update`); otherwise such a row is refused with both versions.
    var replacing = false

    static let staging = Identifier("kokon_staging")

    /// Runs the write; `feed` sends the rows in CSV form. Throws ``RecordError/rejected(_:)``
    /// if any row fails its checks.
    func run(on session: Session, dryRun: Bool, feed: (CopyWriter) async throws -> Void) async throws -> ImportReport {
        let all = try kind.columns.map { try Identifier(validating: $0.name) }
        let sent = try columns.map { try Identifier(validating: $0) }
        let definitions = SQL.join(all.map { "\($0) text" }, separator: ", ")
        // Room for the hash tables of a large file's checks, for this transaction only.
        try await session.query("SET LOCAL work_mem TO '64MB'")
        if try await session.query("SELECT to_regclass('pg_temp.kokon_staging') IS NOT NULL AS present").scalar(Bool.self) {
            try await session.query("DROP TABLE pg_temp.kokon_staging")
        }
        try await session.query("CREATE TEMP TABLE kokon_staging (row bigint GENERATED ALWAYS AS IDENTITY, \(definitions)) ON COMMIT DROP")
        let copy: SQL =
            delimiter == UInt8(ascii: ";")
            ? "COPY kokon_staging (\(sent)) FROM STDIN WITH (FORMAT csv, DELIMITER ';')"
            : "COPY kokon_staging (\(sent)) FROM STDIN WITH (FORMAT csv, DELIMITER ',')"
        let rows: Int
        do {
            rows = try await session.copyIn(copy, feed)
        } catch let error as PostgresError where error.kind == .server {
            throw Self.explain(error, source: source)
        }
        if onConflict == nil, let direct = kind.direct, let inserted = try await storeDirectly(direct, on: session) {
            try await session.query("DROP TABLE kokon_staging")
            return ImportReport(
                kind: kind.name, source: source, rows: rows, inserted: inserted, unchanged: 0,
                rejects: [], rejectCount: 0, dryRun: dryRun)
        }
        try await session.query("ANALYZE kokon_staging")

        // The happy path is one statement: check every row and store the valid ones, in a
        // savepoint. It is a plain INSERT, because ON CONFLICT's speculative insertion costs a
        // fifth of an import; only when a row is already recorded (a re-sent file) or would
        // overlap one does it fail, and the savepoint is rolled back and the statement run
        // again with ON CONFLICT DO NOTHING, which stores the new rows and leaves the rest.
        // When fewer rows were stored than read (a rejected row, a key repeated in the file, or
        // rows already recorded) the file is looked at again, to list what is wrong and where;
        // the caller's transaction is then rolled back.
        let checked: SQL = """
            WITH checked AS (
                SELECT s.*, CASE \(genericChecks()) \(kind.checks) END AS reason
                FROM kokon_staging s \(kind.joins)
            )
            \(kind.insert)
            """
        let inserted: Int
        if let onConflict {
            inserted = try await session.query("\(checked) \(onConflict)").affectedRows ?? 0
        } else {
            do {
                inserted = try await session.transaction { try await $0.query(checked).affectedRows ?? 0 }
            } catch let error as PostgresError where error.code == .uniqueViolation || error.code == .exclusionViolation {
                inserted = try await session.query("\(checked) ON CONFLICT DO NOTHING").affectedRows ?? 0
            }
        }
        var updated = 0
        if inserted < rows {
            let rejects = try await listRejects(on: session)
            if let first = rejects.first {
                throw RecordError.rejected(
                    ImportReport(
                        kind: kind.name, source: source, rows: rows, inserted: 0, unchanged: 0,
                        rejects: rejects.map(\.0), rejectCount: first.1, dryRun: dryRun))
            }
            if onConflict == nil {
                let changes = try await changedRows(checked, on: session)
                if changes.count > 0 && !replacing {
                    throw RecordError.rejected(
                        ImportReport(
                            kind: kind.name, source: source, rows: rows, inserted: 0, unchanged: 0,
                            rejects: changes.described.map { $0.reject(kind: kind) }, rejectCount: changes.count, dryRun: dryRun, changed: changes.count))
                }
                updated = changes.count
            }
        }
        try await session.query("DROP TABLE kokon_staging")
        // Fresh statistics after a bulk load, so the checks of the next import (which look
        // these rows up) are planned well. Attendance is looked up by nothing.
        if inserted > 0 && kind.name != RecordKind.attendance.name { try await session.query("ANALYZE \(kind.table)") }
        return ImportReport(
            kind: kind.name, source: source, rows: rows, inserted: inserted, unchanged: rows - inserted - updated,
            rejects: [], rejectCount: 0, dryRun: dryRun, updated: updated)
    }

    /// Stores every staged row with one plain INSERT in a savepoint, leaving the checks to the
    /// table's constraints; nil when one of them fails (the savepoint is rolled back and the
    /// caller takes the checked path, which says which rows are wrong and why).
    func storeDirectly(_ direct: SQL, on session: Session) async throws -> Int? {
        do {
            return try await session.transaction { try await $0.query(direct).affectedRows ?? 0 }
        } catch let error as PostgresError where error.code?.isConstraintViolation == true {
            return nil
        }
    }

    /// Every rejected row with its reason (the first 100) and how many there are in all,
    /// including keys repeated within the file.
    func listRejects(on session: Session) async throws -> [(ImportReport.Reject, Int)] {
        let rejected = try await session.query(
            """
            SELECT row + 1 AS row, reason, count(*) OVER () AS total FROM (
                SELECT s.row, CASE \(genericChecks()) \(duplicateCheck) \(kind.checks) END AS reason
                FROM kokon_staging s \(duplicateJoin()) \(kind.joins)
            ) checked
            WHERE reason IS NOT NULL ORDER BY row LIMIT 100
            """)
        return try rejected.rows.map {
            (ImportReport.Reject(row: try $0.decode("row", as: Int.self), reason: try $0.decode("reason")), try $0.decode("total", as: Int.self))
        }
    }

    /// Empty required cells and malformed codes, for every kind alike.
    func genericChecks() -> SQL {
        var branches: [SQL] = []
        for column in kind.columns where column.required {
            let name = try! Identifier(validating: column.name)
            branches.append("WHEN s.\(name) IS NULL THEN \(column.name + " is empty; every row needs " + column.meaning)")
        }
        // Before any check that quotes a value: a PESEL number anywhere in the row is refused
        // without echoing it.
        let cells = SQL.join(kind.columns.map { column -> SQL in "s.\(try! Identifier(validating: column.name))" }, separator: ", ")
        branches.append(
            """
            WHEN pesel_in(concat_ws('|', \(cells))) THEN 'a value in this row looks like a PESEL number; Kokon must not hold national identification numbers: remove it and identify people only by their pseudonymous code'
            """)
        if kind.column("code") != nil {
            branches.append(
                """
                WHEN NOT valid_code(s.code) THEN format('code ''%s'' is not a valid pseudonymous code: use up to 40 letters, digits, dots, dashes or underscores, never a PESEL number or a name', shown(s.code))
                """)
        }
        return SQL.join(branches, separator: " ")
    }

    /// A key repeating an earlier row; ``duplicateJoin()`` brings in `dup`.
    var duplicateCheck: SQL {
        "WHEN dup.first_row IS NOT NULL AND dup.first_row <> s.row THEN format('the same %s appears earlier in the file, in row %s', \(kind.key.joined(separator: " + "))::text, dup.first_row + 1)"
    }

    /// Finds rows whose key repeats an earlier row of the same file.
    func duplicateJoin() -> SQL {
        let keys = kind.key.map { try! Identifier(validating: $0) }
        let grouped = SQL.join(keys.map { "coalesce(\($0), '') AS \($0)" }, separator: ", ")
        let byKey = SQL.join(keys.map { "\($0)" }, separator: ", ")
        let matches = SQL.join(keys.map { "dup.\($0) = coalesce(s.\($0), '')" }, separator: " AND ")
        return """
            LEFT JOIN (
                SELECT \(grouped), min(row) AS first_row FROM kokon_staging GROUP BY \(byKey) HAVING count(*) > 1
            ) dup ON \(matches)
            """
    }

    /// A COPY error in words a coordinator can act on, with the row it happened in.
    static func explain(_ error: PostgresError, source: String) -> RecordError {
        var row: Int?
        if let context = error.context, let range = context.range(of: #"line [0-9]+"#, options: .regularExpression) {
            row = Int(context[range].dropFirst(5)).map { $0 + 1 }
        }
        let problem: String
        switch error.code {
        case SQLState.badCopyFileFormat?:
            problem = "\(error.message); every row must have the same columns as the header, and quotes must be closed"
        case SQLState.characterNotInRepertoire?, SQLState.untranslatableCharacter?:
            problem = "the text is not UTF-8; save the file as \"CSV UTF-8\""
        default:
            problem = error.message
        }
        return .badLine(source, line: row, (row.map { "row \($0): " } ?? "") + problem)
    }
}

extension StagedWrite {
    /// A write of rows given as column → value maps (the API's and the forms' form of a CSV
    /// file), in the kind's documented column order. A row naming a column the kind does not
    /// have is refused before anything is sent.
    init(rows: [[String: String]], kind: RecordKind, source: String, onConflict: SQL? = nil) throws(RecordError) {
        for row in rows {
            for key in row.keys where kind.column(key) == nil {
                throw RecordError.badHeader("api", "unknown column '\(key)'", kind: kind)
            }
        }
        self.init(kind: kind, columns: kind.columns.map(\.name), delimiter: UInt8(ascii: ","), source: source, onConflict: onConflict)
    }

    /// Sends `rows` as CSV in the write's column order; an empty value is none.
    func send(_ rows: [[String: String]], to writer: CopyWriter) async throws {
        for row in rows {
            try await writer.writeRow(columns.map { row[$0].flatMap { $0.isEmpty ? nil : $0 } }, format: .csv)
        }
    }
}
