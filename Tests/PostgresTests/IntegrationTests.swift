import Foundation
import KokonTestSupport
import Logging
import Testing

@testable import Postgres

@Suite("PostgreSQL integration on a throwaway cluster")
struct IntegrationTests {
    static let polishNames = ["Toruń", "Ełk", "Białystok", "Wygrana rodzina – model toruński", "Zażółć gęślą jaźń"]

    @Test func polishTextRoundTripsThroughParameters() async throws {
        try await TestCluster.withPool { pool in
            for name in Self.polishNames {
                let back = try await pool.query("SELECT \(name)::text AS name, length(\(name)::text) AS chars").first!
                #expect(try back.decode("name", as: String.self) == name)
                #expect(try back.decode("chars", as: Int.self) == name.count)
            }
        }
    }

    @Test func injectionAttemptIsStoredVerbatim() async throws {
        try await TestCluster.withPool { pool in
            try await pool.query("CREATE TABLE cities (name text NOT NULL)")
            let attack = "Ełk'); DROP TABLE cities; --"
            try await pool.query("INSERT INTO cities (name) VALUES (\(attack))")
            let stored = try await pool.query("SELECT name FROM cities").scalar(String.self)
            #expect(stored == attack)
            let table = try Identifier(validating: "cities\"; DROP TABLE cities; --")
            await #expect(throws: PostgresError.self) { try await pool.query("SELECT * FROM \(table)") }
            #expect(try await pool.query("SELECT count(*) FROM cities").scalar(Int.self) == 1)
        }
    }

    @Test func decodesEveryTypeFromTheServer() async throws {
        try await TestCluster.withPool { pool in
            try await pool.withSession { session in
                // A non-UTC session time zone must not change the instant decoded.
                try await session.query("SET TimeZone TO 'Europe/Warsaw'")
                let row = try await session.query(
                    """
                    SELECT 'Toruń'::text AS t, 7::int2 AS i2, 2147483647::int4 AS i4, 9007199254740993::int8 AS i8,
                           12345678901234567890.123456789::numeric AS n, 1239061.22::numeric(12,2) AS money,
                           true AS b, DATE '2017-01-02' AS d,
                           TIMESTAMPTZ '2019-12-31 23:59:59.123456+00' AS ts,
                           'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u,
                           '{"miasto": "Białystok", "n": [1, 2]}'::jsonb AS j,
                           ARRAY['a', 'b,c', 'd"e', 'Ełk', '', 'NULL'] AS arr,
                           NULL::text AS missing, NULL::int AS missing_int
                    """
                ).first!
                #expect(try row.decode("t", as: String.self) == "Toruń")
                #expect(try row.decode("i2", as: Int.self) == 7)
                #expect(try row.decode("i4", as: Int32.self) == Int32.max)
                #expect(try row.decode("i8", as: Int64.self) == 9_007_199_254_740_993)
                #expect(try row.decode("n", as: Decimal.self) == Decimal(string: "12345678901234567890.123456789")!)
                #expect(try row.decode("money", as: Decimal.self) == Decimal(string: "1239061.22")!)
                #expect(try row.decode("b", as: Bool.self))
                #expect(try row.decode("d", as: CalendarDate.self) == CalendarDate(iso: "2017-01-02"))
                let instant = try row.decode("ts", as: Date.self)
                #expect(abs(instant.timeIntervalSince1970 - 1_577_836_799.123456) < 0.000_001)
                #expect(try row.decode("u", as: UUID.self) == UUID(uuidString: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
                struct Doc: Decodable, Equatable {
                    let miasto: String
                    let n: [Int]
                }
                #expect(try row.decode("j", as: JSONB.self).decode(Doc.self) == Doc(miasto: "Białystok", n: [1, 2]))
                #expect(try row.decode("arr", as: [String].self) == ["a", "b,c", "d\"e", "Ełk", "", "NULL"])
                #expect(try row.decode("missing", as: String?.self) == nil)
                #expect(try row.decode("missing_int", as: Int?.self) == nil)
                let error = #expect(throws: PostgresDecodingError.self) { try row.decode("missing_int", as: Int.self) }
                #expect(error?.column == "missing_int")
            }
        }
    }

    @Test func boundValuesOfEveryTypeRoundTrip() async throws {
        try await TestCluster.withPool { pool in
            let date = CalendarDate(year: 2019, month: 12, day: 31)
            let instant = Date(timeIntervalSince1970: 1_700_000_000.25)
            let id = UUID()
            let amount = Decimal(string: "1817779.19")!
            let tags = ["ART", "a,b", "\"q\"", "Ełk", "\\"]
            let json = try JSONB(encoding: ["gmina": "Toruń"])
            let row = try await pool.query(
                """
                SELECT \(date) AS d, \(instant) AS ts, \(id) AS u, \(amount) AS n, \(tags) AS tags, \(json) AS j,
                       \(Int16(3)) AS small, \(Int32(4)) AS medium, \(Int64(5)) AS big, \(2.5) AS dbl, \(false) AS b
                """
            ).first!
            #expect(try row.decode("d", as: CalendarDate.self) == date)
            #expect(try row.decode("ts", as: Date.self) == instant)
            #expect(try row.decode("u", as: UUID.self) == id)
            #expect(try row.decode("n", as: Decimal.self) == amount)
            #expect(try row.decode("tags", as: [String].self) == tags)
            #expect(try row.decode("j", as: JSONB.self).decode([String: String].self) == ["gmina": "Toruń"])
            #expect(try row.decode("small", as: Int.self) == 3)
            #expect(try row.decode("medium", as: Int.self) == 4)
            #expect(try row.decode("big", as: Int.self) == 5)
            #expect(try row.decode("dbl", as: Double.self) == 2.5)
            #expect(try row.decode("b", as: Bool.self) == false)
        }
    }

    @Test func errorsCarrySQLStateAndDiagnostics() async throws {
        try await TestCluster.withPool { pool in
            try await pool.query("CREATE TABLE households (code text PRIMARY KEY, size int CHECK (size > 0))")
            try await pool.query("INSERT INTO households VALUES (\("H-001"), \(3))")

            let unique = await #expect(throws: PostgresError.self) { try await pool.query("INSERT INTO households VALUES (\("H-001"), \(2))") }
            #expect(unique?.code == .uniqueViolation)
            #expect(unique?.isConstraintViolation == true)
            #expect(unique?.constraint == "households_pkey")
            #expect(unique?.table == "households")
            #expect(unique?.detail?.contains("already exists") == true)

            let check = await #expect(throws: PostgresError.self) { try await pool.query("INSERT INTO households VALUES (\("H-002"), \(0))") }
            #expect(check?.code == .checkViolation)

            let syntax = await #expect(throws: PostgresError.self) { try await pool.query("SELEC 1") }
            #expect(syntax?.code == .syntaxError)
            #expect(syntax?.position == 1)

            let missing = await #expect(throws: PostgresError.self) { try await pool.query("SELECT * FROM nowhere") }
            #expect(missing?.code == .undefinedTable)
            #expect(missing?.position == 15)

            let raised = await #expect(throws: PostgresError.self) {
                try await pool.query("DO $$ BEGIN RAISE EXCEPTION 'no family' USING DETAIL = 'd1', HINT = 'enrol it first', ERRCODE = '23503'; END $$")
            }
            #expect(raised?.code == .foreignKeyViolation)
            #expect(raised?.detail == "d1")
            #expect(raised?.hint == "enrol it first")
            #expect(raised?.description.contains("hint: enrol it first") == true)
        }
    }

    @Test func transactionsCommitOrRollBack() async throws {
        try await TestCluster.withPool { pool in
            try await pool.query("CREATE TABLE t (n int)")
            try await pool.transaction { try await $0.query("INSERT INTO t VALUES (1)") }
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await pool.transaction { session in
                    try await session.query("INSERT INTO t VALUES (2)")
                    throw Boom()
                }
            }
            // An error swallowed inside the transaction must not turn into a silent commit.
            let swallowed = await #expect(throws: PostgresError.self) {
                try await pool.transaction { session in
                    try await session.query("INSERT INTO t VALUES (3)")
                    _ = try? await session.query("SELECT 1/0")
                }
            }
            #expect(swallowed?.code == .inFailedTransaction)
            // A nested transaction is a savepoint: the inner failure alone rolls back.
            try await pool.transaction { session in
                try await session.query("INSERT INTO t VALUES (4)")
                _ = try? await session.transaction { inner in
                    try await inner.query("INSERT INTO t VALUES (5)")
                    throw Boom()
                }
            }
            let values = try await pool.query("SELECT n FROM t ORDER BY n").rows.map { try $0.decode("n", as: Int.self) }
            #expect(values == [1, 4])
        }
    }

    @Test func setLocalRoleAndSearchPathEndWithTheTransaction() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let role = try Identifier(validating: "r_\(UUID().uuidString.prefix(8).lowercased())")
            try await pool.query("CREATE ROLE \(role) NOLOGIN")
            try await pool.query("CREATE SCHEMA s_local")
            try await pool.query("CREATE TABLE s_local.note (text text)")
            try await pool.query("GRANT USAGE ON SCHEMA s_local TO \(role)")
            try await pool.query("GRANT SELECT ON s_local.note TO \(role)")
            try await pool.withSession { session in
                let inside = try await session.transaction(as: role, searchPath: [Identifier("s_local")]) { session in
                    try await session.query("SELECT current_user AS who, current_setting('search_path') AS path, (SELECT count(*) FROM note) AS notes").first!
                }
                #expect(try inside.decode("who", as: String.self) == role.parts[0])
                #expect(try inside.decode("path", as: String.self) == "s_local")
                let after = try await session.query("SELECT current_user AS who, current_setting('search_path') AS path").first!
                #expect(try after.decode("who", as: String.self) == "postgres")
                #expect(try after.decode("path", as: String.self) == "\"$user\", public")
                await #expect(throws: PostgresError.self) { try await session.query("SELECT * FROM note") }
            }
            try await pool.query("DROP OWNED BY \(role)")
            try await pool.query("DROP ROLE \(role)")
        }
    }

    @Test func sessionStateDoesNotLeakToTheNextSession() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let first = try await pool.withSession { session in
                try await session.query("SET search_path TO pg_catalog")
                try await session.query("SET application_name TO 'leaky'")
                try await session.query("SELECT pg_advisory_lock(42)")
                try await session.query("BEGIN")
                return session.connection.backendProcessID
            }
            try await pool.withSession { session in
                #expect(session.connection.backendProcessID == first)
                #expect(!session.connection.isInTransaction)
                let row = try await session.query(
                    "SELECT current_setting('search_path') AS path, current_setting('application_name') AS app, (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS locks"
                ).first!
                #expect(try row.decode("path", as: String.self) == "\"$user\", public")
                #expect(try row.decode("app", as: String.self) == "kokon")
                #expect(try row.decode("locks", as: Int.self) == 0)
            }
        }
    }

    @Test func poolServes200TasksOn4ConnectionsWithoutCrossTalk() async throws {
        try await TestCluster.withPool(size: 4) { pool in
            let results = try await withThrowingTaskGroup(of: (Int, Int, Int).self) { group in
                for task in 0..<200 {
                    group.addTask {
                        try await pool.transaction { session in
                            // Each task writes its own number into session-local state and reads it back
                            // after yielding; another task's value would show cross-talk.
                            try await session.query("SELECT set_config('kokon.task', \(String(task)), true)")
                            try await session.query("SELECT pg_sleep(0.001)")
                            let row = try await session.query("SELECT current_setting('kokon.task')::int AS seen, pg_backend_pid() AS pid, \(task) AS echoed").first!
                            return (try row.decode("seen", as: Int.self), try row.decode("echoed", as: Int.self), try row.decode("pid", as: Int.self))
                        }
                    }
                }
                var all: [(Int, Int, Int)] = []
                for try await result in group { all.append(result) }
                return all
            }
            #expect(results.count == 200)
            #expect(results.allSatisfy { $0.0 == $0.1 })
            #expect(Set(results.map(\.1)) == Set(0..<200))
            let backends = Set(results.map(\.2))
            #expect(backends.count <= 4)
            let open = try await pool.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'").scalar(Int.self)
            #expect(open <= 4)
        }
    }

    @Test func cancellingATaskCancelsItsQueryPromptly() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let started = ContinuousClock.now
            let task = Task { try await pool.query("SELECT pg_sleep(30)") }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let outcome = await task.result
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .seconds(5))
            #expect(throws: CancellationError.self) { try outcome.get() }
            // The connection is reset and usable again.
            #expect(try await pool.query("SELECT 1").scalar(Int.self) == 1)
        }
    }

    /// The race a single cancel request loses: the task is cancelled after its call was handed
    /// to a pool thread but before the statement reached the server, which ignores a cancel
    /// for a statement it has not received yet.
    @Test func aCancelThatArrivesBeforeTheStatementStillStopsIt() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            try await pool.withSession { session in
                let connection = session.connection
                let cancellation = StatementCancellation()
                let started = ContinuousClock.now
                let call = Task.detached {
                    try cancellation.run {
                        Thread.sleep(forTimeInterval: 0.3)  // a busy pool thread: the cancel comes first
                        return try connection.query("SELECT pg_sleep(30)")
                    }
                }
                try await Task.sleep(for: .milliseconds(100))
                cancellation.cancel(connection)
                await #expect(throws: PostgresError.self) { try await call.value }
                #expect(ContinuousClock.now - started < .seconds(5))
            }
            // Cancelled before the call began: it does not run at all.
            let early = StatementCancellation()
            early.cancel(try await pool.withSession { $0.connection })
            #expect(throws: CancellationError.self) { try early.run { Issue.record("the call ran") } }
        }
    }

    @Test func brokenConnectionsAreReplaced() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let doomed = try await pool.withSession { $0.connection.backendProcessID }
            let killer = ConnectionPool(conninfo: pool.conninfo, size: 1)
            try await killer.query("SELECT pg_terminate_backend(\(Int32(doomed)))")
            await killer.close()
            // The idle connection is dead; its next use fails, and the pool replaces it.
            _ = try? await pool.query("SELECT 1")
            let fresh = try await pool.withSession { $0.connection.backendProcessID }
            #expect(fresh != doomed)
            #expect(try await pool.query("SELECT 2").scalar(Int.self) == 2)
        }
    }

    @Test func copyStreamsNonASCIICSVAndText() async throws {
        try await TestCluster.withPool { pool in
            try await pool.query("CREATE TABLE places (id int, name text, note text)")
            let rows: [[String?]] = (0..<5000).map { i in
                [String(i), Self.polishNames[i % Self.polishNames.count], i % 7 == 0 ? nil : "uwaga, \"cytat\"\nnowa linia ż"]
            }
            let stored = try await pool.withSession { session in
                try await session.copyIn("COPY places (id, name, note) FROM STDIN WITH (FORMAT csv)") { writer in
                    for row in rows { try await writer.writeRow(row, format: .csv) }
                }
            }
            #expect(stored == 5000)
            let text = try await pool.withSession { session in
                try await session.copyIn("COPY places (id, name, note) FROM STDIN") { writer in
                    try await writer.writeRow(["9000", "Ełk\tcentrum", nil], format: .text)
                    try await writer.write("9001\tBiałystok\t\\N\n")
                }
            }
            #expect(text == 2)
            let back = try await pool.query("SELECT id, name, note FROM places ORDER BY id")
            #expect(back.count == 5002)
            for (index, row) in back.rows.prefix(5000).enumerated() {
                #expect(try row.decode("name", as: String.self) == rows[index][1])
                #expect(try row.decode("note", as: String?.self) == rows[index][2])
            }
            #expect(try back.rows[5000].decode("name", as: String.self) == "Ełk\tcentrum")
            let bytes = try await pool.query("SELECT sum(octet_length(name))::int8 AS b, sum(length(name))::int8 AS c FROM places WHERE id < 5000").first!
            #expect(try bytes.decode("b", as: Int.self) > bytes.decode("c", as: Int.self))
        }
    }

    @Test func failingCopyWriterAbortsAndLeavesNothing() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            try await pool.query("CREATE TABLE places (name text)")
            struct WriterFailed: Error {}
            await #expect(throws: WriterFailed.self) {
                try await pool.withSession { session in
                    try await session.copyIn("COPY places FROM STDIN WITH (FORMAT csv)") { writer in
                        for _ in 0..<50_000 { try await writer.writeRow(["Toruń"], format: .csv) }
                        throw WriterFailed()
                    }
                }
            }
            #expect(try await pool.query("SELECT count(*) FROM places").scalar(Int.self) == 0)
            let bad = await #expect(throws: PostgresError.self) {
                try await pool.withSession { session in
                    try await session.copyIn("COPY places FROM STDIN WITH (FORMAT csv)") { writer in
                        try await writer.write("ok\n\"unterminated\n")
                    }
                }
            }
            #expect(bad?.code?.errorClass == "22")
            #expect(try await pool.query("SELECT count(*) FROM places").scalar(Int.self) == 0)
        }
    }

    @Test func noticesGoToTheLogger() async throws {
        let capture = CapturedLogs()
        var logger = Logger(label: "notices") { _ in capture }
        logger.logLevel = .trace
        try await TestCluster.withPool(size: 1, logger: logger) { pool in
            try await pool.query("DO $$ BEGIN RAISE NOTICE 'hello from %', 'Toruń'; RAISE WARNING 'careful'; END $$")
        }
        let entries = capture.entries
        #expect(entries.contains { $0.level == .notice && $0.message == "hello from Toruń" })
        #expect(entries.contains { $0.level == .warning && $0.message == "careful" })
    }
}
