import Foundation
import Postgres

extension StagedWrite {
    /// A row whose key is already stored with other values.
    struct Change {
        /// The row in the file (as a spreadsheet numbers it), when its key could be matched.
        let row: Int?
        /// Its key, as stored.
        let key: [String: String]
        /// The stored values and the file's, of the columns that differ.
        let stored: [String: String]
        let incoming: [String: String]

        /// The rejection a coordinator reads: both versions, and how to replace the stored one.
        func reject(kind: RecordKind) -> ImportReport.Reject {
            let names = stored.keys.sorted()
            let key = self.key.keys.sorted().map { "\($0) \(Self.quoted(self.key[$0] ?? ""))" }.joined(separator: ", ")
            func version(_ values: [String: String]) -> String { names.map { "\($0) \(Self.quoted(values[$0] ?? ""))" }.joined(separator: ", ") }
            return ImportReport.Reject(
                row: row ?? 0,
                reason: "\(key) is already stored with other values: stored \(version(stored)); in this file \(version(incoming)); "
                    + "to replace the stored record with this row, import again with --update (or correct the row)")
        }

        /// A value as a message may quote it: at most 40 characters, an empty one as "(none)".
        static func quoted(_ value: String) -> String {
            value.isEmpty ? "(none)" : "'" + (value.count > 40 ? String(value.prefix(40)) + "…" : value) + "'"
        }
    }

    /// How many staged rows have a key stored with other values; with ``replacing``, they
    /// replace the stored records, otherwise nothing is changed and the first 100 of them (as
    /// many as a rejection lists) are described with both versions.
    ///
    /// The checked rows are written again with `ON CONFLICT … DO UPDATE … WHERE` the values
    /// differ, in a savepoint: PostgreSQL's own conversions decide what differs (a date or an
    /// amount written another way is the same value), and `RETURNING` names the rows it changed.
    /// Unless replacing, the savepoint is rolled back and the stored versions read again.
    /// A record the caller's scope does not show (another caseworker's family) is left as it
    /// is and not described.
    func changedRows(_ checked: SQL, on session: Session) async throws -> (count: Int, described: [Change]) {
        let keyNames = kind.key.map(RecordKind.storedName(of:))
        let keys = try keyNames.map { try Identifier(validating: $0) }
        let columns = try await kind.storedColumns(on: session)
        // Who registered a household is not part of the record as a file gives it.
        let names = columns.filter { $0 != "registered_by" && !keyNames.contains($0) }
        let values = try names.map { try Identifier(validating: $0) }
        guard !values.isEmpty else { return (0, []) }
        let assignments = SQL.join(values.map { "\($0) = EXCLUDED.\($0)" }, separator: ", ")
        let differs = SQL.join(values.map { "\(kind.table).\($0) IS DISTINCT FROM EXCLUDED.\($0)" }, separator: " OR ")
        let keyList = SQL.join(keys.map { "\($0)" }, separator: ", ")
        let upsert: SQL = "\(checked) ON CONFLICT (\(keyList)) DO UPDATE SET \(assignments) WHERE \(differs) RETURNING to_jsonb(\(kind.table)) AS after, xmax <> 0 AS updated"
        struct Stop: Error { let after: [JSONB] }
        var after: [JSONB] = []
        do {
            after = try await session.transaction { session in
                let changed = try await session.query(upsert).rows.filter { try $0.decode("updated", as: Bool.self) }.map { try $0.decode("after", as: JSONB.self) }
                if replacing { return changed }
                throw Stop(after: changed)
            }
        } catch let stop as Stop {
            after = stop.after
        } catch let error as PostgresError where error.code == .insufficientPrivilege {
            return (0, [])
        }
        // Replaced rows need no description; refused ones, only as many as are listed.
        var changes: [Change] = []
        for record in after.prefix(replacing ? 0 : 100) {
            guard let new = try? JSONSerialization.jsonObject(with: Data(record.text.utf8)) as? [String: Any] else { continue }
            let key = Dictionary(uniqueKeysWithValues: keyNames.map { ($0, Self.text(new[$0])) })
            var old: [String: Any] = [:]
            let match = SQL.join(keyNames.map { "coalesce(to_jsonb(t) ->> \($0), '') = \(key[$0] ?? "")" }, separator: " AND ")
            if let row = try await session.query("SELECT to_jsonb(t)::text AS before FROM \(kind.table) t WHERE \(match)").first {
                old = (try? JSONSerialization.jsonObject(with: Data(try row.decode("before", as: String.self).utf8)) as? [String: Any]) ?? [:]
            }
            var stored: [String: String] = [:]
            var incoming: [String: String] = [:]
            for column in names where Self.text(old[column]) != Self.text(new[column]) {
                stored[column] = Self.text(old[column])
                incoming[column] = Self.text(new[column])
            }
            let matching = SQL.join(kind.key.map { "coalesce(s.\(try! Identifier(validating: $0)), '') = \(key[RecordKind.storedName(of: $0)] ?? "")" }, separator: " AND ")
            let row = try await session.query("SELECT min(row) + 1 AS row FROM kokon_staging s WHERE \(matching)").first?.decode("row", as: Int?.self) ?? nil
            changes.append(Change(row: row, key: key, stored: stored, incoming: incoming))
        }
        return (after.count, changes.sorted { ($0.row ?? .max) < ($1.row ?? .max) })
    }

    /// A JSON value as text: a string as it is, a list joined with `|` (as a file writes it).
    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: ""
        case let string as String: string
        case let list as [Any]: list.map { text($0) }.joined(separator: "|")
        case let number as NSNumber: number.stringValue
        default: "\(value!)"
        }
    }
}
