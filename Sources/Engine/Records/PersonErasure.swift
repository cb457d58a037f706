import Postgres

/// Erasing one person (the right to erasure): every record that names them, in one
/// transaction inside the municipality's boundary, so it is all gone or nothing is. The
/// statement triggers audit each deletion with its kind, count and pseudonymous keys, never
/// the values, like every other write.
extension CaseRecords {
    /// What erasing a person removed, or would remove: rows per kind of record.
    public struct Erasure: Sendable, CustomStringConvertible {
        /// The person's code.
        public let person: String
        /// Rows by table, in the order they are removed.
        public let removed: [(kind: String, rows: Int)]
        /// Whether they were removed (false: only counted).
        public let done: Bool

        public var description: String {
            let rows = removed.filter { $0.rows > 0 }.map { "\($0.rows) \($0.kind)" }.joined(separator: ", ")
            return (done ? "erased person \(person): " : "erasing person \(person) would remove: ") + rows
        }
    }

    /// The tables holding a person's rows, children before parents: attendance at sessions,
    /// outcomes observed for them, the goals of their plans, the plans, their enrolments, the
    /// events recorded for them, then the person.
    static let personTables: [(kind: String, condition: String)] = [
        ("attendance", "person"), ("outcome", "person"), ("goal", "plan"), ("plan", "person"), ("enrolment", "person"), ("person_event", "person"),
        ("person", "code"),
    ]

    /// Removes every record of person `code` (or with `dryRun`, counts them and removes
    /// nothing). Refuses a code that names no person here.
    public func erasePerson(_ code: String, dryRun: Bool = false) async throws -> Erasure {
        try await transaction { session in
            guard try await session.query("SELECT EXISTS (SELECT 1 FROM person WHERE code = \(code)) AS found").scalar(Bool.self) else {
                throw RecordError.noSuchPerson(code: code, tenant: tenant.id)
            }
            var removed: [(kind: String, rows: Int)] = []
            for (kind, column) in Self.personTables {
                let table = try Identifier(validating: kind)
                // A goal belongs to a plan; the plan names the person.
                let filter: SQL = column == "plan" ? "plan IN (SELECT code FROM plan WHERE person = \(code))" : "\(try Identifier(validating: column)) = \(code)"
                let rows =
                    dryRun
                    ? try await session.query("SELECT count(*) AS n FROM \(table) WHERE \(filter)").scalar(Int.self)
                    : try await session.query("WITH gone AS (DELETE FROM \(table) WHERE \(filter) RETURNING 1) SELECT count(*) AS n FROM gone").scalar(Int.self)
                removed.append((kind, rows))
            }
            return Erasure(person: code, removed: removed, done: !dryRun)
        }
    }
}
