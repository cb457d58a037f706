import Foundation
public import Postgres

/// Reading, changing and deleting single case records, for the API and the web pages.
///
/// Records are returned as JSON objects of their stored columns. Every query runs in the
/// caller's tenant transaction, so the row-level-security scope applies: a record outside a
/// caseworker's households is simply not there.
extension CaseRecords {
    /// A page of records.
    public struct Page: Sendable {
        /// The records, as JSON objects.
        public let records: [JSONB]
        /// The cursor for the next page, nil on the last one.
        public let next: String?
    }

    /// Why a read or change of one record failed.
    public enum LookupError: Error, Sendable, Equatable, CustomStringConvertible {
        /// No such record (or not one the caller may see).
        case notFound(kind: String, key: String)
        /// The kind has a composite key, so it is not reached by one code.
        case noSingleKey(kind: String, key: [String])
        /// A filter names a column the kind's records do not have.
        case unknownFilter(String, columns: [String])
        /// The cursor is not one this server gave out.
        case badCursor
        /// Other records still refer to this one.
        case stillReferenced(kind: String, key: String, by: String)
        /// The body's code differs from the one in the address.
        case keyMismatch(path: String, body: String)

        public var description: String {
            switch self {
            case .notFound(let kind, let key):
                "there is no \(kind) record '\(key)' (or it is not one of yours)"
            case .noSingleKey(let kind, let key):
                "\(kind) records are identified by \(key.joined(separator: ", ")), not by one code; list them with filters instead"
            case .unknownFilter(let name, let columns):
                "'\(name)' is not a field of these records; filter by one of: \(columns.joined(separator: ", "))"
            case .badCursor:
                "the 'after' cursor is not valid; use the 'next' value of the previous page as it is"
            case .stillReferenced(let kind, let key, let by):
                "\(kind) record '\(key)' is still referred to by \(by) records; delete or change those first"
            case .keyMismatch(let path, let body):
                "the address names '\(path)' but the body says code '\(body)'; a code cannot be changed"
            }
        }
    }

    /// The stored columns of a kind's table (filters and answers use these names).
    public func storedColumns(_ kind: RecordKind, on session: Session) async throws -> [String] {
        try await kind.storedColumns(on: session)
    }

    /// A page of records of `kind`, in key order, matching every filter (column = value).
    public func list(_ kind: RecordKind, filters: [String: String] = [:], after cursor: String? = nil, limit: Int = 50) async throws -> Page {
        let limit = min(max(limit, 1), 500)
        let keys = try kind.storedKey
        var after = ""
        if let cursor {
            guard let decoded = Data(base64URLEncoded: cursor).map({ String(decoding: $0, as: UTF8.self) }) else { throw LookupError.badCursor }
            after = decoded
        }
        return try await transaction { session in
            let columns = try await storedColumns(kind, on: session)
            for name in filters.keys where !columns.contains(name) { throw LookupError.unknownFilter(name, columns: columns) }
            let names = filters.keys.sorted()
            let values = names.map { filters[$0]! }
            let order: SQL = "concat_ws(chr(31), \(SQL.join(keys.map { "coalesce(t.\($0)::text, '')" }, separator: ", ")))"
            let rows = try await session.query(
                """
                SELECT to_jsonb(t) AS record, \(order) AS position FROM \(kind.table) t
                WHERE \(order) > \(after)
                  AND NOT EXISTS (SELECT 1 FROM unnest(\(names)::text[], \(values)::text[]) f(name, value)
                                  WHERE (to_jsonb(t) ->> f.name) IS DISTINCT FROM f.value)
                ORDER BY position LIMIT \(limit + 1)
                """)
            let records = try rows.rows.prefix(limit).map { try $0.decode("record", as: JSONB.self) }
            var next: String?
            if rows.count > limit, let last = try rows.rows[limit - 1].decode("position", as: String?.self) {
                next = Data(last.utf8).base64URLEncoded
            }
            return Page(records: records, next: next)
        }
    }

    /// The record of a code-keyed kind with this code.
    public func find(_ kind: RecordKind, code: String) async throws -> JSONB {
        guard let row = try await query(try findStatement(kind, code: code)).first else {
            throw LookupError.notFound(kind: kind.name, key: code)
        }
        return try row.decode("record", as: JSONB.self)
    }

    /// The statement ``find(_:code:)`` runs.
    public func findStatement(_ kind: RecordKind, code: String) throws -> SQL {
        let sql: SQL = "SELECT to_jsonb(t) AS record FROM \(kind.table) t WHERE \(try kind.singleKey) = \(code)"
        return sql.prepared()
    }

    /// Deletes the record of a code-keyed kind with this code.
    public func delete(_ kind: RecordKind, code: String) async throws {
        let key = try kind.singleKey
        try await transaction { session in
            let deleted: Int
            do {
                deleted = try await session.query("DELETE FROM \(kind.table) WHERE \(key) = \(code)").affectedRows ?? 0
            } catch let error as PostgresError where error.code == .foreignKeyViolation {
                throw LookupError.stillReferenced(kind: kind.name, key: code, by: error.referencingTable ?? "other")
            }
            guard deleted == 1 else { throw LookupError.notFound(kind: kind.name, key: code) }
        }
    }

    /// Replaces the values of an existing record of a code-keyed kind, checked exactly as a
    /// new record would be.
    @discardableResult
    public func update(_ kind: RecordKind, code: String, values: [String: String]) async throws -> ImportReport {
        let key = try kind.singleKey
        if let given = values["code"], given != code { throw LookupError.keyMismatch(path: code, body: given) }
        var row = values
        row["code"] = code
        // Checked before the transaction: an unknown column is refused without a query.
        _ = try StagedWrite(rows: [row], kind: kind, source: "api")
        return try await transaction { session in
            guard try await session.query("SELECT EXISTS (SELECT 1 FROM \(kind.table) WHERE \(key) = \(code)) AS found").scalar(Bool.self) else {
                throw LookupError.notFound(kind: kind.name, key: code)
            }
            let stored = try await storedColumns(kind, on: session)
            let changed = try stored.filter { $0 != "code" && $0 != "registered_by" }.map { try Identifier(validating: $0) }
            let assignments = SQL.join(changed.map { "\($0) = EXCLUDED.\($0)" }, separator: ", ")
            let write = try StagedWrite(rows: [row], kind: kind, source: "api", onConflict: "ON CONFLICT (\(key)) DO UPDATE SET \(assignments)")
            return try await write.run(on: session, dryRun: false) { try await write.send([row], to: $0) }
        }
    }
}

extension CaseRecords {
    /// Reviews a plan's goal: its new status, checked as an imported goal would be (its
    /// domain and due day stay). A goal the scope does not show is not found.
    @discardableResult
    public func reviewGoal(plan: String, number: String, status: String) async throws -> ImportReport {
        try await transaction { session in
            guard
                let stored = try await session.query(
                    "SELECT domain, due_on::text AS due FROM goal WHERE plan = \(plan) AND number = \(Int(number) ?? -1)"
                ).first
            else { throw LookupError.notFound(kind: "goals", key: "\(plan)/\(number)") }
            var row = ["plan": plan, "number": number, "domain": try stored.decode("domain", as: String.self), "status": status]
            if let due = try stored.decode("due", as: String?.self) { row["due"] = due }
            let write = try StagedWrite(
                rows: [row], kind: .goals, source: "form", onConflict: "ON CONFLICT (plan, number) DO UPDATE SET status = EXCLUDED.status")
            return try await write.run(on: session, dryRun: false) { try await write.send([row], to: $0) }
        }
    }

    /// Ends an enrolment that is still open: its last day and why, checked as an imported
    /// enrolment would be (the end not before the start, inside the adoption, a known reason).
    @discardableResult
    public func endEnrolment(adoption: String, household: String?, person: String?, start: String, end: String, exitReason: String) async throws
        -> ImportReport
    {
        try await transaction { session in
            guard
                let stored = try await session.query(
                    """
                    SELECT target_group FROM enrolment
                    WHERE adoption = \(adoption) AND household IS NOT DISTINCT FROM \(household) AND person IS NOT DISTINCT FROM \(person)
                      AND starts_on::text = \(start) AND ends_on IS NULL
                    """
                ).first
            else {
                throw LookupError.notFound(kind: "enrolments", key: [adoption, household ?? person ?? "", start].joined(separator: "/"))
            }
            var row = ["adoption": adoption, "start": start, "end": end, "exit_reason": exitReason]
            row["household"] = household
            row["person"] = person
            row["target_group"] = try stored.decode("target_group", as: String?.self)
            let write = try StagedWrite(
                rows: [row], kind: .enrolments, source: "form",
                onConflict: "ON CONFLICT (adoption, household, person, starts_on) DO UPDATE SET ends_on = EXCLUDED.ends_on, exit_reason = EXCLUDED.exit_reason")
            return try await write.run(on: session, dryRun: false) { try await write.send([row], to: $0) }
        }
    }
}

extension RecordKind {
    /// The table columns behind the key, for ordering pages.
    var storedKey: [Identifier] {
        get throws {
            try key.map { try Identifier(validating: Self.storedName(of: $0)) }
        }
    }

    /// The one column that identifies a record, for kinds keyed by a code.
    var singleKey: Identifier {
        get throws {
            guard key == ["code"] else { throw CaseRecords.LookupError.noSingleKey(kind: name, key: key) }
            return Identifier("code")
        }
    }

    /// Whether one record is reached by its code.
    public var hasSingleKey: Bool { key == ["code"] }
}

extension PostgresError {
    /// The table whose rows still refer to a deleted one, from a foreign-key violation's detail.
    var referencingTable: String? {
        guard let detail, let range = detail.range(of: #"table "[a-z_]+""#, options: .regularExpression) else { return nil }
        return String(detail[range].dropFirst(7).dropLast())
    }
}

extension Data {
    /// URL-safe base64 without padding.
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Decodes URL-safe base64 with or without padding.
    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
