import Engine
import Foundation
import KokonServer
public import Logging
import Postgres
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Mixed API load against `kokon serve` for a while — reads, writes, sign-ins, publishes —
/// with the database crashed and restarted half-way through.
///
/// The server runs as its own process (the `kokon` binary given), on its own throwaway
/// PostgreSQL cluster, so the bench can crash that database (`pg_ctl stop -m immediate`)
/// without touching any other, and can read the server's resident memory alone. Every write
/// the API acknowledged (201) is looked up afterwards.
public struct SoakBench: Sendable {
    /// Folder of programme templates.
    public let models: String
    /// The `kokon` executable that serves.
    public let executable: String
    /// How long the load runs.
    public let seconds: Int
    /// Seconds between two samples of the server's resident memory.
    public let sampleEvery: Int
    /// Whether to crash and restart the database half-way.
    public let fault: Bool
    /// How long the database stays down.
    public let downtime: Int

    /// A soak of `seconds`, sampling memory every `sampleEvery` seconds.
    public init(models: String, executable: String, seconds: Int, sampleEvery: Int, fault: Bool, downtime: Int = 5) {
        self.models = models
        self.executable = executable
        self.seconds = seconds
        self.sampleEvery = sampleEvery
        self.fault = fault
        self.downtime = downtime
    }

    /// What one request did.
    struct Exchange: Sendable {
        enum Kind: String, Sendable, CaseIterable {
            case read, write
            case signIn = "sign-in"
            case publish

            /// The status a request of this kind gets when all is well (a sign-in's, after
            /// its redirect to the home page).
            var expected: Int { self == .read || self == .signIn ? 200 : 201 }
        }
        let kind: Kind
        /// Seconds since the load began, when it was sent and when it was answered.
        let sent: Double
        let answered: Double
        /// The HTTP status, or 0 when no answer came (refused, timed out).
        let status: Int
    }

    /// The figures of one run.
    public struct Result: Sendable {
        /// Requests answered, by kind.
        public let requests: [String: Int]
        /// Answers other than the expected one (200 or 201), or none, outside the fault window.
        public let failures: Int
        /// A few of them, for the message.
        public let failureSamples: [String]
        /// Requests overlapping the fault window, how many of them got 503, and any other
        /// failure among them.
        public let duringFault: Int
        public let unavailable: Int
        public let otherFaultFailures: Int
        /// A few of them.
        public let otherFaultSamples: [String]
        /// The slowest 503 while the database was down, in milliseconds.
        public let slowestUnavailable: Double
        /// Seconds from the database's restart to the first successful write.
        public let recoveredAfter: Double?
        /// Writes acknowledged with 201, and how many of them are missing afterwards.
        public let acknowledged: Int
        public let missing: Int
        /// 99th percentile latency outside the fault window, in milliseconds.
        public let p99: Double
        /// Resident memory of the server, in kB, by second.
        public let memory: [(second: Int, kilobytes: Int)]
        /// Mean resident memory of the last half after warm-up over the first half's.
        public let memoryGrowth: Double
    }

    /// Sets everything up, runs the load, checks the writes and removes everything again.
    public func run(logger: Logger, progress: (String) -> Void) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appending(path: "kokon-soak-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder.appending(path: "tenants"), withIntermediateDirectories: true)
        let cluster = try LocalCluster(stateDirectory: folder.appending(path: "state").path)
        defer {
            cluster.destroy()
            try? FileManager.default.removeItem(at: folder)
        }
        progress("a throwaway PostgreSQL in \(cluster.clusterDirectory)")
        try await cluster.start(logger: logger)
        let admin = ConnectionPool(conninfo: cluster.connectionString(), size: 2, logger: logger)
        let credentials: Credentials
        do {
            credentials = try await setUp(admin, tenants: folder.appending(path: "tenants"))
        } catch {
            await admin.close()
            throw error
        }
        let port = try Self.freePort()
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = cluster.url()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: executable)
        server.arguments = [
            "serve", "--models", models, "--tenants", folder.appending(path: "tenants").path, "--port", "\(port)", "--connections", "8",
        ]
        server.environment = environment
        // The server's log outlives the run, for a failure to be looked into.
        let log = FileManager.default.temporaryDirectory.appending(path: "\(folder.lastPathComponent).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        server.standardOutput = output
        server.standardError = output
        try server.run()
        defer {
            if server.isRunning {
                server.interrupt()
                server.waitUntilExit()
            }
        }
        let base = "http://127.0.0.1:\(port)"
        try await Self.waitUntilReady(base, server: server, log: log)
        progress("kokon serve (process \(server.processIdentifier)) on port \(port), its log in \(log.path); \(seconds) s of load\(fault ? ", the database crashed half-way" : "")")

        let load = Load(base: base, credentials: credentials, seconds: Double(seconds))
        let start = ContinuousClock.now
        let watch = Watch()
        let pid = server.processIdentifier
        let (seconds, sampleEvery, fault, downtime) = (self.seconds, self.sampleEvery, self.fault, self.downtime)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await load.run(since: start) }
            group.addTask {
                while Self.elapsed(since: start) < Double(seconds) {
                    if let kilobytes = Self.residentKilobytes(of: pid) {
                        watch.samples.withLock { $0.append((Int(Self.elapsed(since: start)), kilobytes)) }
                    }
                    try await Task.sleep(for: .seconds(sampleEvery))
                }
            }
            if fault {
                group.addTask {
                    try await Task.sleep(for: .seconds(Double(seconds) / 2))
                    let down = Self.elapsed(since: start)
                    try await cluster.crash()
                    try await Task.sleep(for: .seconds(downtime))
                    try await cluster.start(logger: logger)
                    watch.window.withLock { $0 = (down, Self.elapsed(since: start)) }
                }
            }
            try await group.waitForAll()
        }
        let window = watch.window.withLock { $0 }
        if let window { progress(String(format: "the database was down from %.1f s to %.1f s", window.down, window.up)) }
        server.interrupt()
        server.waitUntilExit()

        // Every acknowledged write must be there, after the crash and its recovery.
        let acknowledged = load.acknowledged.withLock { $0 }
        let schema = try TenantBoundary(id: Self.tenant, database: LocalCluster.defaultDatabase).schema
        let household = try schema.appending("household")
        let found = try await admin.query("SELECT count(*) AS n FROM \(household) WHERE code = ANY(\(acknowledged)::text[])").scalar(Int.self)
        await admin.close()
        return Self.judge(
            load.exchanges.withLock { $0 }, window: window, acknowledged: acknowledged.count, found: found, memory: watch.samples.withLock { $0 },
            seconds: Double(seconds))
    }

    /// The figures of a run from its exchanges.
    static func judge(
        _ exchanges: [Exchange], window: (down: Double, up: Double)?, acknowledged: Int, found: Int, memory: [(Int, Int)], seconds: Double
    ) -> Result {
        // A request overlapping the database's absence, or the second after it, may fail with 503.
        let grace = 1.0
        func inFault(_ exchange: Exchange) -> Bool {
            guard let window else { return false }
            return exchange.answered >= window.down && exchange.sent <= window.up + grace
        }
        let outside = exchanges.filter { !inFault($0) }
        let failed = outside.filter { $0.status != $0.kind.expected }
        let during = exchanges.filter(inFault)
        let unavailable = during.filter { $0.status == 503 }
        let otherFailures = during.filter { $0.status != $0.kind.expected && $0.status != 503 }
        func describe(_ exchange: Exchange) -> String {
            "\(exchange.kind.rawValue) at \(String(format: "%.1f", exchange.sent)) s: \(exchange.status == 0 ? "no answer" : "\(exchange.status)")"
        }
        let latencies = outside.filter { $0.status > 0 && $0.status < 500 }.map { ($0.answered - $0.sent) * 1000 }.sorted()
        let p99 = latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.99))]
        let recovered = window.flatMap { window in
            exchanges.filter { $0.kind == .write && $0.status == 201 && $0.sent >= window.up }.map(\.answered).min().map { $0 - window.up }
        }
        // Memory after warm-up (the first third): the mean of its second half over its first.
        let settled = memory.filter { Double($0.0) >= seconds / 3 }.map { Double($0.1) }
        let half = settled.count / 2
        let growth =
            half == 0
            ? 1 : (settled[half...].reduce(0, +) / Double(settled.count - half)) / (settled[..<half].reduce(0, +) / Double(half))
        return Result(
            requests: Dictionary(grouping: exchanges, by: \.kind.rawValue).mapValues(\.count), failures: failed.count,
            failureSamples: failed.prefix(5).map(describe),
            duringFault: during.count, unavailable: unavailable.count,
            otherFaultFailures: otherFailures.count, otherFaultSamples: otherFailures.prefix(5).map(describe),
            slowestUnavailable: unavailable.map { ($0.answered - $0.sent) * 1000 }.max() ?? 0, recoveredAfter: recovered, acknowledged: acknowledged,
            missing: acknowledged - found, p99: p99, memory: memory.map { (second: $0.0, kilobytes: $0.1) }, memoryGrowth: growth)
    }

    static let tenant = "soak"

    /// Seconds since `start`.
    static func elapsed(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// What the sampler and the fault drill note while the load runs.
    final class Watch: Sendable {
        /// Seconds and resident kilobytes.
        let samples = Mutex<[(Int, Int)]>([])
        /// When the database went down and came back.
        let window = Mutex<(down: Double, up: Double)?>(nil)
    }

    /// What the load signs in and authenticates with.
    struct Credentials: Sendable {
        let email: String
        let password: String
        let readToken: String
        let writeToken: String
    }

    /// The soak municipality with 200 households, a coordinator and two tokens.
    func setUp(_ admin: ConnectionPool, tenants: URL) async throws -> Credentials {
        let catalog = try BenchTenants.catalog(models: models, ids: [Self.tenant])
        try BenchTenants.file(id: Self.tenant).write(to: tenants.appending(path: "\(Self.tenant).yaml"), atomically: true, encoding: .utf8)
        try await Catalogue.migrate(admin)
        _ = try await TenantDirectory(pool: admin, catalog: catalog).apply([Self.tenant])
        let records = try await CaseRecords(pool: admin, tenant: Self.tenant, actor: "bench")
        try await records.write(.households, (1...200).map { ["code": String(format: "H-%04d", $0), "area": "centrum", "size": "3"] })
        let password = "soak password \(UUID().uuidString)"
        let email = "coordinator@soak.test"
        try await AccountDirectory(pool: admin).create(
            email: email, displayName: "soak", passwordHash: try await PasswordHasher.hash(password), grant: RoleGrant(role: .coordinator, tenant: Self.tenant))
        var tokens: [String] = []
        for scope in [APITokens.Scope.read, .write] {
            let token = Secrets.apiToken()
            _ = try await APITokens(pool: admin).create(
                hash: Secrets.digest(token), email: email, tenant: Self.tenant, scope: scope, expiresAt: Date().addingTimeInterval(86_400))
            tokens.append(token)
        }
        return Credentials(email: email, password: password, readToken: tokens[0], writeToken: tokens[1])
    }

    /// A port nobody listens on now.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError("cannot open a socket to find a free port") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw BenchError("cannot find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits for `/readyz` to answer 200, or for the server to exit.
    static func waitUntilReady(_ base: String, server: Process, log: URL) async throws {
        for _ in 0..<240 {
            guard server.isRunning else {
                throw BenchError("kokon serve exited before it was ready:\n" + ((try? String(contentsOf: log, encoding: .utf8)) ?? ""))
            }
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: base + "/readyz")!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw BenchError("kokon serve did not become ready within a minute; its log: \(log.path)")
    }

    /// The resident memory of a process, from `/proc`.
    static func residentKilobytes(of process: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
}
