import Engine
import Foundation
import KokonServer
public import Logging
import Postgres

#if canImport(Glibc)
    import Glibc
#endif

/// The API under load: an authenticated `GET` of one household (through the tenant's role,
/// row-level security and all) by `wrk` at many connections, against `pgbench -S` (one
/// primary-key read per transaction, no server in between) on the same database, in one run.
public struct APIBench: Sendable {
    /// The programme templates folder.
    public let models: String
    /// Concurrent connections for both tools.
    public let connections: Int
    /// Seconds each tool runs.
    public let seconds: Int
    /// PostgreSQL connections the server keeps.
    public let poolSize: Int

    /// A bench.
    public init(models: String, connections: Int, seconds: Int, poolSize: Int) {
        self.models = models
        self.connections = connections
        self.seconds = seconds
        self.poolSize = poolSize
    }

    /// What was measured.
    public struct Result: Sendable {
        /// Requests per second the server answered.
        public let serverRate: Double
        /// Its 99th-percentile latency, in milliseconds.
        public let serverP99: Double
        /// Transactions per second of `pgbench -S`.
        public let pgbenchRate: Double
        /// Requests per second of pgbench replaying the server's own statements for the
        /// request (the token lookup, then the tenant switch and the read in one pipeline),
        /// with no server in between: what PostgreSQL allows a server that cost nothing.
        public let replayRate: Double
        /// The same for the tenant transaction alone, as if the token had cost nothing: what
        /// the role switch and row-level security that isolation requires allow by themselves.
        public let tenantReadRate: Double
        /// Requests per second of the same server answering `GET /healthz` (no database, no
        /// account): what the HTTP stack and the load generator allow by themselves.
        public let healthRate: Double
        /// Requests answered with anything but 200.
        public let failures: Int
    }

    /// The tools the bench drives, and how to get them.
    public static func requireTools() throws -> (wrk: String, pgbench: String) {
        guard let wrk = PostgresBinaries.findInPath("wrk") else {
            throw BenchError("wrk is not installed; install it with `sudo apt-get install wrk` and run the bench again")
        }
        guard let pgbench = PostgresBinaries.findInPath("pgbench") ?? (try? PostgresBinaries.locate()).map({ $0.path("pgbench") }),
            FileManager.default.isExecutableFile(atPath: pgbench)
        else {
            throw BenchError("pgbench is not installed; it comes with the PostgreSQL server (`sudo apt-get install postgresql`)")
        }
        return (wrk, pgbench)
    }

    /// Sets up a municipality with households, an account and a token, serves the API on a
    /// free loopback port, and runs both tools.
    public func run(_ database: ThrowawayDatabase, logger: Logger, progress: (String) -> Void) async throws -> Result {
        let tools = try Self.requireTools()
        let catalog = try BenchTenants.catalog(models: models, ids: ["bench"])
        try await Catalogue.migrate(database.pool)
        _ = try await TenantDirectory(pool: database.pool, catalog: catalog).apply(["bench"])
        let records = try await CaseRecords(pool: database.pool, tenant: "bench", actor: "bench")
        try await records.write(.households, (1...1000).map { ["code": String(format: "H-%04d", $0), "area": "centrum", "size": "3"] })
        let hash = try await PasswordHasher.hash("bench password \(UUID().uuidString)")
        let account = try await AccountDirectory(pool: database.pool).create(
            email: "coordinator@bench.test", displayName: "bench", passwordHash: hash, grant: RoleGrant(role: .coordinator, tenant: "bench"))
        let token = Secrets.apiToken()
        _ = try await APITokens(pool: database.pool).create(
            hash: Secrets.digest(token), email: "coordinator@bench.test", tenant: "bench", scope: .read, expiresAt: Date().addingTimeInterval(3600))

        progress("pgbench -S, \(connections) connections, \(seconds) s")
        _ = try await Self.execute(tools.pgbench, ["-i", "-s", "1", "-q", database.conninfo])
        let pgbenchOutput = try await Self.execute(
            tools.pgbench, ["-S", "-n", "-c", "\(connections)", "-j", "2", "-T", "\(seconds)", database.conninfo])
        guard let pgbenchRate = Self.number(after: "tps = ", in: pgbenchOutput) else {
            throw BenchError("pgbench printed no rate:\n\(pgbenchOutput)")
        }

        progress("pgbench replaying the server's statements for the request, \(connections) connections, \(seconds) s, with and without the token lookup")
        let reader = CaseRecords(pool: database.pool, boundary: try database.boundary(of: "bench"), actor: "account:\(account.id)", scope: .all)
        let read = reader.statements(for: try reader.findStatement(.households, code: "H-0001"))
        var request = PgbenchScript()
        try request.add(APITokens.lookup(hash: Secrets.digest(token)))
        try request.pipeline(read)
        let replayRate = try await replay(request, database, schema: reader.tenant.schema, pgbench: tools.pgbench)
        var tenantRead = PgbenchScript()
        try tenantRead.pipeline(read)
        let tenantReadRate = try await replay(tenantRead, database, schema: reader.tenant.schema, pgbench: tools.pgbench)

        let (healthOutput, wrkOutput) = try await LoopbackServer.serving(database, catalog: catalog, connections: poolSize, logger: logger) { port in
            let wrk = ["-t", "2", "-c", "\(connections)", "-d", "\(seconds)s", "--latency"]
            progress("wrk on GET /healthz, \(connections) connections, \(seconds) s, on port \(port)")
            let health = try await Self.execute(tools.wrk, wrk + ["http://127.0.0.1:\(port)/healthz"])
            progress("wrk, \(connections) connections, \(seconds) s, on port \(port)")
            let url = "http://127.0.0.1:\(port)/api/v1/municipalities/bench/records/households/H-0001"
            return (health, try await Self.execute(tools.wrk, wrk + ["-H", "Authorization: Bearer \(token)", url]))
        }
        guard let healthRate = Self.number(after: "Requests/sec:", in: healthOutput) else {
            throw BenchError("wrk printed no rate for GET /healthz:\n\(healthOutput)")
        }
        guard let rate = Self.number(after: "Requests/sec:", in: wrkOutput), let p99 = Self.latency(percentile: "99%", in: wrkOutput) else {
            throw BenchError("wrk printed no rate or latency:\n\(wrkOutput)")
        }
        let failures = Self.number(after: "Non-2xx or 3xx responses:", in: wrkOutput).map { Int($0) } ?? 0
        return Result(
            serverRate: rate, serverP99: p99, pgbenchRate: pgbenchRate, replayRate: replayRate, tenantReadRate: tenantReadRate, healthRate: healthRate, failures: failures)
    }

    /// pgbench sending `script` (taken from the server's own code, so it is exactly what the
    /// server sends) as prepared statements, at the same concurrency; its rate.
    private func replay(_ script: PgbenchScript, _ database: ThrowawayDatabase, schema: Identifier, pgbench: String) async throws -> Double {
        let file = FileManager.default.temporaryDirectory.appending(path: "kokon-bench-\(UUID().uuidString.prefix(8)).sql")
        try script.text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        // pgbench prepares a script's statements as each client connects, before any switch:
        // the tenant's schema on the search path lets it find the table, as the server's
        // connection finds it once switched. The switch then runs as in the server.
        let conninfo = try ConnectionString.replacing(database.conninfo, with: ["options": "-c search_path=\(schema.parts.joined(separator: "."))"])
        let output = try await Self.execute(
            pgbench,
            ["-n", "-M", "prepared", "-c", "\(connections)", "-j", "2", "-T", "\(seconds)", "-f", file.path]
                + script.definitions.flatMap { ["-D", $0] } + [conninfo])
        guard let rate = Self.number(after: "tps = ", in: output) else { throw BenchError("pgbench printed no rate for the replay:\n\(output)") }
        return rate
    }

    /// Runs a tool to its end and returns what it printed; fails on a non-zero exit.
    ///
    /// The tool starts with no signal blocked: this process's threads block most signals
    /// (the server's signal handling), and a child would inherit that mask, which leaves
    /// pgbench's clients hanging. It is waited for on a thread of its own, never on Swift's
    /// cooperative pool.
    static func execute(_ tool: String, _ arguments: [String]) async throws -> String {
        let output = FileManager.default.temporaryDirectory.appending(path: "kokon-bench-\(UUID().uuidString.prefix(8)).txt")
        defer { try? FileManager.default.removeItem(at: output) }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try spawnAndWait(tool, arguments, output: output.path) })
            }
        }
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw BenchError("\(URL(fileURLWithPath: tool).lastPathComponent) failed (exit \(status)):\n\(text)")
        }
        return text
    }

    private static func spawnAndWait(_ tool: String, _ arguments: [String], output: String) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, tool, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(tool): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally: the exit code; killed by a signal: 128 + the signal, as shells report it.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The number after `label` on the first line that has it.
    static func number(after label: String, in text: String) -> Double? {
        guard let range = text.range(of: label) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { $0.isNumber || $0 == "." })
    }

    /// wrk's latency at a percentile, in milliseconds ("99%    4.21ms").
    static func latency(percentile: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0] == percentile else { continue }
            let value = String(parts[1])
            for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where value.hasSuffix(unit) {
                if let number = Double(value.dropLast(unit.count)) { return number * factor }
            }
        }
        return nil
    }
}
