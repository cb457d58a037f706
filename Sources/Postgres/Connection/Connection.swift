import CLibPQ
import Foundation
public import Logging

/// One libpq connection, used synchronously by one thread at a time.
///
/// libpq calls block, so `Connection` is never used from Swift's cooperative thread pool
/// directly: ``ConnectionPool`` hands it out to sessions that run each call on the pool's own
/// threads. The pool guarantees that no two threads use a connection at once, which libpq
/// requires; only ``cancel()`` may be called from anywhere, because `PQcancel` is thread-safe.
public final class Connection: @unchecked Sendable {
    private let handle: OpaquePointer
    private let cancelLock = NSLock()
    private var cancelHandle: OpaquePointer?
    private let notices: NoticeForwarder
    /// Connection details for messages: database, user and host, never the password.
    public let summary: String
    /// The socket, read once so that ``wasClosedWhileIdle`` needs no libpq call.
    let socket: Int32
    /// Statements this connection has prepared, by text and parameter types.
    private var prepared: [PreparedKey: String] = [:]
    /// How many names were handed out.
    private var preparedNames = 0
    /// At most this many statements are kept prepared; further ones run unprepared.
    static let preparedLimit = 256
    /// Whether a statement that might leave something in the session (a `SET`, a temporary
    /// table, a lock) ran since the last ``reset()``. Prepared statements are those Kokon
    /// runs on every request and leave nothing beyond their transaction, so they do not count.
    public private(set) var needsReset = false

    /// Opens a connection.
    ///
    /// `conninfo` may be a URL (`postgresql://…`), `key=value` pairs, or empty: libpq then fills
    /// in whatever is missing from `PGHOST`, `PGDATABASE`, `PGSERVICE` and its other variables.
    public init(conninfo: String, logger: Logger) throws(PostgresError) {
        // dbname is expanded as a full connection string; client_encoding comes after it so
        // Kokon always talks UTF-8, and the fallback name yields to any application_name given.
        let keywords = ["dbname", "client_encoding", "fallback_application_name"]
        let values = [conninfo, "UTF8", "kokon"]
        let connection: OpaquePointer? = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PostgresError(kind: .client, message: "libpq could not allocate a connection (out of memory)")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw PostgresError(
                kind: .connection,
                message: "cannot connect to PostgreSQL: \(message)",
                hint: "Check DATABASE_URL, --database or the PG* variables, or leave them all unset to use Kokon's own local database (kokon db start)."
            )
        }
        handle = connection
        notices = NoticeForwarder(logger: logger)
        let user = String(cString: PQuser(connection))
        let database = String(cString: PQdb(connection))
        let host = PQhost(connection).map { String(cString: $0) } ?? "local socket"
        summary = "database \(database) as \(user) on \(host)"
        socket = PQsocket(connection)
        PQsetNoticeReceiver(
            connection,
            { context, result in
                guard let context, let result else { return }
                Unmanaged<NoticeForwarder>.fromOpaque(context).takeUnretainedValue().forward(result)
            }, Unmanaged.passUnretained(notices).toOpaque())
        cancelHandle = PQgetCancel(connection)
    }

    deinit {
        cancelLock.withLock {
            if let cancelHandle { PQfreeCancel(cancelHandle) }
            cancelHandle = nil
        }
        PQfinish(handle)
    }

    /// Whether the server closed (or wrote to) this connection while it sat idle in a pool: a
    /// restart, a crash, an administrator ending it. Nothing is due on an idle connection, so
    /// anything to read means it is gone. Asks the kernel without waiting, never libpq, so it
    /// may run on any thread.
    public var wasClosedWhileIdle: Bool {
        guard socket >= 0 else { return true }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }

    /// True while the connection is usable.
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Whether the server is gone: libpq says so, has closed the socket, or the socket reads
    /// end-of-file. In pipeline mode libpq reports a lost server before it marks the
    /// connection bad, so a failure without a SQLSTATE asks here.
    var isLost: Bool {
        guard isHealthy, PQsocket(handle) >= 0 else { return true }
        var byte: UInt8 = 0
        return recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) == 0
    }

    /// True if a transaction is open (or has failed and awaits ROLLBACK).
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// True if the open transaction has failed and will only roll back.
    public var isInFailedTransaction: Bool { PQtransactionStatus(handle) == PQTRANS_INERROR }

    /// The server's version number, e.g. 150018.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// The backend process id, for diagnostics and tests.
    public var backendProcessID: Int { Int(PQbackendPID(handle)) }

    /// Runs one statement with its values bound as text parameters.
    public func query(_ sql: SQL) throws(PostgresError) -> QueryResult {
        let (text, bindings) = sql.rendered
        try bindings.refuseNUL(statement: text)
        var name: String?
        if !sql.isPrepared {
            needsReset = true
        } else if case let key = PreparedKey(text, bindings), let (slot, isNew) = preparedName(for: key) {
            if isNew {
                do {
                    _ = try consume(PQprepare(handle, slot, text, Int32(bindings.count), bindings.map { Oid($0.type.oid) }), statement: text)
                } catch {
                    needsReset = true
                    throw error
                }
                prepared[key] = slot
            }
            name = slot
        }
        let result = bindings.withParameterArrays { count, types, values in
            if let name {
                PQexecPrepared(handle, name, count, values, nil, nil, 0)
            } else {
                PQexecParams(handle, text, count, types, values, nil, nil, 0)
            }
        }
        do {
            return try consume(result, statement: text)
        } catch {
            // A failed statement may have left anything behind: the pool resets the connection
            // (or lets it go) before anyone else uses it.
            needsReset = true
            throw error
        }
    }

    /// Runs `statements` in one round trip (libpq's pipeline mode) and returns their results
    /// in order. The first failure is thrown; the statements after it are not run. Nothing is
    /// wrapped in a transaction here: send `BEGIN` and `COMMIT` among the statements for one.
    public func pipeline(_ statements: [SQL]) throws(PostgresError) -> [QueryResult] {
        let rendered = statements.map(\.rendered)
        for (text, bindings) in rendered { try bindings.refuseNUL(statement: text) }
        if statements.contains(where: { !$0.isPrepared }) { needsReset = true }
        guard PQenterPipelineMode(handle) == 1 else {
            needsReset = true
            throw lastError(statement: nil)
        }
        // Each sent command, and the statement a successful `Parse` makes ready.
        var sent: [(statement: Int, preparing: (key: PreparedKey, name: String)?)] = []
        var sendFailure: PostgresError?
        for (index, (text, bindings)) in rendered.enumerated() {
            var name: String?
            let key = PreparedKey(text, bindings)
            if statements[index].isPrepared, let (slot, isNew) = preparedName(for: key) {
                if isNew {
                    guard PQsendPrepare(handle, slot, text, Int32(bindings.count), bindings.map { Oid($0.type.oid) }) == 1 else {
                        sendFailure = lastError(statement: text)
                        break
                    }
                    sent.append((index, (key, slot)))
                }
                name = slot
            }
            let queued = bindings.withParameterArrays { count, types, values in
                if let name {
                    PQsendQueryPrepared(handle, name, count, values, nil, nil, 0)
                } else {
                    PQsendQueryParams(handle, text, count, types, values, nil, nil, 0)
                }
            }
            guard queued == 1 else {
                sendFailure = lastError(statement: text)
                break
            }
            sent.append((index, nil))
        }
        let synced = PQpipelineSync(handle) == 1
        var results: [QueryResult] = []
        var failure = sendFailure ?? (synced ? nil : lastError(statement: nil))
        for (index, preparing) in sent {
            var outcome: Result<QueryResult, PostgresError>?
            while let result = PQgetResult(handle) {
                if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                    PQclear(result)
                    continue
                }
                outcome = Result { () throws(PostgresError) in try consume(result, statement: rendered[index].text) }
            }
            switch outcome {
            case .success(let result):
                if let preparing {
                    prepared[preparing.key] = preparing.name
                } else {
                    results.append(result)
                }
            case .failure(let error):
                if failure == nil { failure = error }
            case nil:
                // Aborted after an earlier failure, or the connection is gone.
                if failure == nil { failure = lastError(statement: rendered[index].text) }
            }
        }
        if synced {
            // The sync's own result ends the pipeline.
            if let result = PQgetResult(handle) { PQclear(result) }
        }
        if PQexitPipelineMode(handle) != 1 {
            // Results still pending (a failure cut the reading short): read them, then leave.
            var left = 0
            while PQpipelineStatus(handle) != PQ_PIPELINE_OFF && left < 64 && isHealthy {
                if let result = PQgetResult(handle) { PQclear(result) } else if PQexitPipelineMode(handle) == 1 { break }
                left += 1
            }
            if failure == nil { failure = lastError(statement: nil) }
        }
        if var failure {
            // Whatever failed, the pool checks the connection before lending it again, and
            // lets go of one still in pipeline mode. A write the server never answered is
            // reported before libpq has read that the server is gone: ask again now.
            needsReset = true
            if failure.code == nil && isLost { failure.kind = .connection }
            throw failure
        }
        return results
    }

    /// Runs a trusted multi-statement script (simple protocol, no parameters).
    public func execute(_ script: SQLScript) throws(PostgresError) {
        needsReset = true
        guard PQsendQuery(handle, script.text) == 1 else { throw lastError(statement: nil) }
        var failure: PostgresError?
        while let result = PQgetResult(handle) {
            do {
                _ = try consume(result, statement: nil)
            } catch {
                if failure == nil { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// Starts `COPY … FROM STDIN`. Follow with ``putCopyData(_:)`` and ``endCopy(failure:)``.
    public func beginCopy(_ sql: SQL) throws(PostgresError) {
        needsReset = true
        let (text, bindings) = sql.rendered
        try bindings.refuseNUL(statement: text)
        let result = bindings.withParameterArrays { count, types, values in
            PQexecParams(handle, text, count, types, values, nil, nil, 0)
        }
        guard let result else { throw lastError(statement: text) }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COPY_IN else {
            if PQresultStatus(result) == PGRES_FATAL_ERROR { throw failure(result, statement: text) }
            throw PostgresError(kind: .client, message: "the statement did not start COPY FROM STDIN: \(text)")
        }
    }

    /// Sends one chunk of COPY data; the length is counted in bytes, not characters.
    public func putCopyData(_ bytes: UnsafeRawBufferPointer) throws(PostgresError) {
        guard !bytes.isEmpty else { return }
        let status = bytes.withMemoryRebound(to: CChar.self) { chars in
            PQputCopyData(handle, chars.baseAddress, Int32(chars.count))
        }
        guard status == 1 else { throw lastError(statement: "COPY data") }
    }

    /// Ends COPY. With a failure message the server aborts the COPY (`CopyFail`) and nothing lands.
    @discardableResult
    public func endCopy(failure: String? = nil) throws(PostgresError) -> Int {
        let status: Int32 = if let failure { PQputCopyEnd(handle, failure) } else { PQputCopyEnd(handle, nil) }
        guard status == 1 else { throw lastError(statement: "COPY end") }
        var rows = 0
        var error: PostgresError?
        while let result = PQgetResult(handle) {
            do {
                rows += try consume(result, statement: "COPY").affectedRows ?? 0
            } catch let failure {
                if error == nil { error = failure }
            }
        }
        if let error { throw error }
        return rows
    }

    /// Leaves the connection as a new one would be: an open transaction rolled back, and
    /// every session setting, temporary table, lock and prepared statement gone.
    public func reset() throws(PostgresError) {
        guard PQpipelineStatus(handle) == PQ_PIPELINE_OFF else {
            throw PostgresError(kind: .connection, message: "the connection was left in pipeline mode")
        }
        if isInTransaction { _ = try query("ROLLBACK") }
        _ = try query("DISCARD ALL")
        prepared.removeAll()
        needsReset = false
    }

    /// Asks the server to cancel whatever this connection is running. Safe from any thread.
    public func cancel() {
        cancelLock.withLock {
            guard let cancelHandle else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancelHandle, &buffer, Int32(buffer.count))
        }
    }

    /// The name a statement is prepared under on this connection, and whether it is still to
    /// be prepared under it; nil once the connection holds its limit of prepared statements.
    /// A fresh name is never used twice, even for a preparation whose outcome a cancellation
    /// left unknown.
    private func preparedName(for key: PreparedKey) -> (name: String, isNew: Bool)? {
        if let name = prepared[key] { return (name, false) }
        guard prepared.count < Self.preparedLimit else { return nil }
        preparedNames += 1
        return ("kokon_\(preparedNames)", true)
    }

    private func consume(_ result: OpaquePointer?, statement: String?) throws(PostgresError) -> QueryResult {
        guard let result else { throw lastError(statement: statement) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
            return QueryResult(copying: result)
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            throw PostgresError(kind: .client, message: "COPY statements must go through Session.copyIn")
        default:
            throw failure(result, statement: statement)
        }
    }

    /// The error of a failed result. When the server went away under the statement, libpq
    /// reports it in a result of its own, without a SQLSTATE: that is a lost connection.
    private func failure(_ result: OpaquePointer, statement: String?) -> PostgresError {
        var error = PostgresError(result: result, statement: statement)
        if error.code == nil, isLost { error.kind = .connection }
        return error
    }

    private func lastError(statement: String?) -> PostgresError {
        let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
        var error = PostgresError(
            kind: isLost ? .connection : .client,
            message: message.isEmpty ? "libpq reported a failure without a message" : message)
        error.statement = statement
        return error
    }
}

/// A prepared statement's identity: the same text with other parameter types is another statement.
struct PreparedKey: Hashable {
    let text: String
    let types: [UInt32]

    init(_ text: String, _ bindings: [PostgresBinding]) {
        self.text = text
        types = bindings.map(\.type.oid)
    }
}

extension PostgresError {
    /// Reads every diagnostic field libpq exposes from an error result.
    init(result: OpaquePointer, statement: String?) {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let primary = field("M") ?? String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
        self.init(kind: .server, code: field("C").map { SQLState($0) }, message: primary, detail: field("D"), hint: field("H"))
        severity = field("V") ?? field("S")
        position = field("P").flatMap { Int($0) }
        schema = field("s")
        table = field("t")
        column = field("c")
        constraint = field("n")
        context = field("W")
        self.statement = statement
    }
}

extension QueryResult {
    init(copying result: OpaquePointer) {
        let fieldCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        let columns = (0..<fieldCount).map { index in
            Column(name: String(cString: PQfname(result, Int32(index))), type: PostgresType(oid: PQftype(result, Int32(index))))
        }
        var cells: [[String?]] = []
        cells.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(fieldCount)
            for column in 0..<fieldCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, Int32(row), Int32(column)))
                    let pointer = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column))!)
                    values.append(String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self))
                }
            }
            cells.append(values)
        }
        let tag = String(cString: PQcmdStatus(result))
        let tuples = String(cString: PQcmdTuples(result))
        self.init(columns: columns, cells: cells, affectedRows: Int(tuples), commandTag: tag)
    }
}

extension [PostgresBinding] {
    /// Refuses a text value with a NUL character: libpq takes parameters as C strings, so
    /// everything after the NUL would be silently dropped. The value itself is not quoted
    /// (it may be personal data), only its position.
    func refuseNUL(statement: String) throws(PostgresError) {
        guard let index = firstIndex(where: { $0.text?.utf8.contains(0) ?? false }) else { return }
        var error = PostgresError(
            kind: .client, code: .characterNotInRepertoire,
            message: "value $\(index + 1) contains a NUL character (\\0), which PostgreSQL text cannot hold",
            hint: "remove the NUL character from the input; nothing was sent to the database")
        error.statement = statement
        throw error
    }

    /// Calls `body` with C arrays of parameter types and NUL-terminated values that stay alive
    /// for the whole call, as libpq requires; nil pointers are NULLs.
    func withParameterArrays<Result>(
        _ body: (Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?) -> Result
    ) -> Result {
        let types = map { Oid($0.type.oid) }
        let values: [UnsafeMutablePointer<CChar>?] = map { binding in binding.text.map { strdup($0) } }
        defer { for value in values { free(value) } }
        return types.withUnsafeBufferPointer { typePointer in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valuePointer in
                body(Int32(count), typePointer.baseAddress, valuePointer.baseAddress)
            }
        }
    }
}

/// Calls `body` with a C array of NUL-terminated strings followed by a terminating NULL.
func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result) -> Result {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return pointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { body($0.baseAddress!) }
}
