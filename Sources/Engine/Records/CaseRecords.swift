public import Foundation
public import Postgres
import Templates

/// A municipality's case records: every read and write is scoped to one tenant and runs in a
/// transaction that has taken on the tenant's role and schema with `SET LOCAL`, so it can
/// reach nothing else, and it ends when the transaction does.
public struct CaseRecords: Sendable {
    /// The database (normally as the application's login role).
    public let pool: ConnectionPool
    /// The tenant.
    public let tenant: TenantBoundary
    /// Who is writing, for the audit log (a staff code or a user name, never a personal name).
    public let actor: String
    /// Which households the transactions see.
    public let scope: RecordScope

    /// Records of tenant `id`; fails if the tenant has not been applied to this database.
    public init(pool: ConnectionPool, tenant id: String, actor: String, scope: RecordScope = .all) async throws {
        let found = try await pool.withSession { session -> (String, Bool) in
            let database = try await TenantDirectory.database(session)
            let exists = try await session.query("SELECT EXISTS (SELECT 1 FROM kokon.tenants WHERE id = \(id)) AS found").scalar(Bool.self)
            return (database, exists)
        }
        let boundary = try TenantBoundary(id: id, database: found.0)
        guard found.1 else { throw TenantError.notApplied(id) }
        self.pool = pool
        self.tenant = boundary
        self.actor = actor
        self.scope = scope
    }

    /// Records of a tenant whose boundary the caller has already looked up (the server keeps
    /// them, so a request costs no lookup).
    public init(pool: ConnectionPool, boundary: TenantBoundary, actor: String, scope: RecordScope) {
        self.pool = pool
        self.tenant = boundary
        self.actor = actor
        self.scope = scope
    }

    /// Runs `body` inside the tenant's boundary (`SET LOCAL ROLE`, `SET LOCAL search_path`),
    /// with the actor recorded for the audit log and the scope the row-level-security
    /// policies read. Committed if it returns.
    public func transaction<Value>(_ body: (Session) async throws -> Value) async throws -> Value {
        try await pool.withSession { try await transaction(on: $0, body) }
    }

    /// The same, on a session the caller holds.
    public func transaction<Value>(on session: Session, _ body: (Session) async throws -> Value) async throws -> Value {
        try await session.transaction(as: tenant.role, searchPath: [tenant.schema], settings: settings, body)
    }

    /// Runs one statement inside the tenant's boundary, in one round trip with the switch
    /// and the transaction around it (for reads made on every request).
    public func query(_ sql: SQL) async throws -> QueryResult {
        try await pool.withSession { try await $0.query(sql, inTransactionAs: tenant.role, searchPath: [tenant.schema], settings: settings) }
    }

    /// What ``query(_:)`` sends for `sql` in its one round trip.
    public func statements(for sql: SQL) -> [SQL] {
        Session.statements(for: sql, inTransactionAs: tenant.role, searchPath: [tenant.schema], settings: settings)
    }

    /// The actor and the scope, as the audit trigger and the row-level-security policies read them.
    private var settings: [(name: String, value: String)] {
        let (scopeName, staff): (String, String) =
            switch scope {
            case .all: ("all", "")
            case .caseworker(let code): ("staff", code)
            }
        return [("kokon.actor", actor), ("kokon.scope", scopeName), ("kokon.staff", staff)]
    }

    /// Imports a CSV file of one record kind: all rows or none. With `dryRun`, checks
    /// everything and reports what would be added, but writes nothing. A row whose key is
    /// stored with other values is refused with both versions, unless `update`: then it
    /// replaces the stored record.
    @discardableResult
    public func importFile(
        _ kind: RecordKind, path: String, dryRun: Bool = false, update: Bool = false,
        progress: (@Sendable (_ sent: Int, _ total: Int) -> Void)? = nil
    ) async throws -> ImportReport {
        let name = URL(fileURLWithPath: path).lastPathComponent
        // Opening a pipe or a device would wait for a writer that never comes.
        if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType, type != .typeRegular {
            throw RecordError.badFile(
                path, type == .typeDirectory ? "it is a folder; give the path of a CSV file in it" : "it is not a regular file (a pipe or a device); give the path of a CSV file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RecordError.badFile(path, FileManager.default.fileExists(atPath: path) ? "it cannot be read; check its permissions" : "there is no such file")
        }
        defer { try? handle.close() }
        let total = Int((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0)
        let first = try handle.read(upToCount: 64 * 1024).map(Array.init) ?? []
        let header = try CSVHeader.parse(first, file: name)
        try header.check(against: kind, file: name)
        var write = StagedWrite(kind: kind, columns: header.names, delimiter: header.delimiter, source: name)
        write.replacing = update
        return try await run(write, dryRun: dryRun) { writer in
            var ends = TrailingLineEnds()
            var sent = header.length
            try await writer.write(bytes: ends.hold(first[header.length...]))
            sent = first.count
            progress?(sent, total)
            while let chunk = try handle.read(upToCount: 1024 * 1024), !chunk.isEmpty {
                try await writer.write(bytes: ends.hold(Array(chunk)[...]))
                sent += chunk.count
                progress?(sent, total)
            }
            try await writer.write(bytes: ends.finish())
        }
    }

    /// Imports CSV data already in memory (a file uploaded through a page), exactly as
    /// ``importFile(_:path:dryRun:update:progress:)`` imports a file.
    @discardableResult
    public func importData(_ kind: RecordKind, name: String, data: [UInt8], dryRun: Bool = false, update: Bool = false) async throws -> ImportReport {
        let header = try CSVHeader.parse(Array(data.prefix(64 * 1024)), file: name)
        try header.check(against: kind, file: name)
        var write = StagedWrite(kind: kind, columns: header.names, delimiter: header.delimiter, source: name)
        write.replacing = update
        return try await run(write, dryRun: dryRun) { writer in
            var ends = TrailingLineEnds()
            try await writer.write(bytes: ends.hold(data[header.length...]))
            try await writer.write(bytes: ends.finish())
        }
    }

    /// Writes records given as column → value maps (the API's form of a CSV file), with the
    /// same checks as an import: all or none.
    @discardableResult
    public func write(_ kind: RecordKind, _ rows: [[String: String]], dryRun: Bool = false) async throws -> ImportReport {
        let write = try StagedWrite(rows: rows, kind: kind, source: "api")
        return try await run(write, dryRun: dryRun) { try await write.send(rows, to: $0) }
    }

    /// Writes records of several kinds in one transaction, in the order given (a session and
    /// its attendance): all of them, or none if any row is rejected.
    @discardableResult
    public func write(together batches: [(kind: RecordKind, rows: [[String: String]])]) async throws -> [ImportReport] {
        let writes = try batches.map { try StagedWrite(rows: $0.rows, kind: $0.kind, source: "form") }
        return try await transaction { session in
            var reports: [ImportReport] = []
            for (write, batch) in zip(writes, batches) where !batch.rows.isEmpty {
                reports.append(try await write.run(on: session, dryRun: false) { try await write.send(batch.rows, to: $0) })
            }
            return reports
        }
    }

    /// Writes typed records.
    @discardableResult
    public func write<Record: CaseRecord>(_ records: [Record], dryRun: Bool = false) async throws -> ImportReport {
        try await write(Record.kind, records.map(\.values), dryRun: dryRun)
    }

    private struct DryRunFinished: Error { let report: ImportReport }

    private func run(_ write: StagedWrite, dryRun: Bool, feed: (CopyWriter) async throws -> Void) async throws -> ImportReport {
        do {
            return try await transaction { session in
                let report = try await write.run(on: session, dryRun: dryRun, feed: feed)
                if dryRun { throw DryRunFinished(report: report) }
                return report
            }
        } catch let finished as DryRunFinished {
            return finished.report
        }
    }

    /// How many records of a kind the tenant holds.
    public func count(_ kind: RecordKind) async throws -> Int {
        try await transaction { session in
            try await session.query("SELECT count(*) AS n FROM \(kind.table)").scalar(Int.self)
        }
    }

    /// One entry of the audit log.
    public struct AuditEntry: Sendable {
        /// When.
        public let at: Date
        /// Who.
        public let actor: String
        /// Which kind of record (table).
        public let kind: String
        /// insert, update or delete.
        public let operation: String
        /// How many rows.
        public let rows: Int
        /// Pseudonymous keys of the rows, for writes of up to 100 rows.
        public let keys: [String]?
    }

    /// The newest audit entries, newest first.
    public func audit(limit: Int = 50) async throws -> [AuditEntry] {
        try await transaction { session in
            try await session.query("SELECT at, actor, kind, operation, rows, keys FROM audit ORDER BY id DESC LIMIT \(limit)").rows.map {
                AuditEntry(
                    at: try $0.decode("at"), actor: try $0.decode("actor"), kind: try $0.decode("kind"), operation: try $0.decode("operation"),
                    rows: try $0.decode("rows"), keys: try $0.decode("keys", as: [String]?.self))
            }
        }
    }
}

/// A typed case record that can be written through ``CaseRecords/write(_:dryRun:)-(_)``.
public protocol CaseRecord: Sendable {
    /// Its kind.
    static var kind: RecordKind { get }
    /// Its values by column name; absent or empty means none.
    var values: [String: String] { get }
}

/// Blank lines at the end of a file (spreadsheets often leave one) are not rows: the line
/// ends at the end of each chunk are held back until more text follows, and at the end only
/// one is sent.
struct TrailingLineEnds {
    private var held: [UInt8] = []

    /// The chunk to send now: what was held, then the chunk less its trailing line ends.
    mutating func hold(_ chunk: ArraySlice<UInt8>) -> [UInt8] {
        guard let last = chunk.lastIndex(where: { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }) else {
            held += chunk
            return []
        }
        let out = held + chunk[...last]
        held = Array(chunk[(last + 1)...])
        return out
    }

    /// The one line end that closes the last row.
    mutating func finish() -> [UInt8] {
        defer { held = [] }
        if held.starts(with: [UInt8(ascii: "\r"), UInt8(ascii: "\n")]) { return Array("\r\n".utf8) }
        return held.first.map { [$0] } ?? []
    }
}
