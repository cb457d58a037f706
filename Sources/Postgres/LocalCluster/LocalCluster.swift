import Foundation
public import Logging

/// A private PostgreSQL cluster that Kokon creates and runs itself, so a newcomer needs no
/// database set up: `initdb` on first use, `pg_ctl` to start and stop, Unix socket only.
///
/// The cluster lives under a state folder (`.kokon/` of the working directory). As root, the
/// server runs as the `postgres` system user with a data folder that user owns; when that
/// user cannot reach the state folder (say, under `/root`), the data goes to
/// `/var/tmp/kokon-<hash>` instead. The socket sits in a short `/tmp/.kokon-<hash>` folder so its
/// path stays under the 107-byte limit however deep the project lives.
public struct LocalCluster: Sendable {
    /// The `.kokon` folder this cluster belongs to.
    public let stateDirectory: String
    /// Holds `data/` and `server.log`; owned by the user the server runs as.
    public let clusterDirectory: String
    /// Folder of the server's Unix socket.
    public let socketDirectory: String
    /// The port number, which only names the socket file: the cluster listens on no TCP port.
    public let port = 5432
    /// The superuser initdb creates.
    public static let superuser = "postgres"
    /// The database the local cluster serves Kokon from.
    public static let defaultDatabase = "kokon"
    /// Server settings written at initdb; `max_locks_per_transaction` is raised because dumping
    /// or migrating many tenant schemas in one transaction takes a lock per object. Commits
    /// stay synchronous (PostgreSQL's default): a write Kokon has acknowledged must survive a
    /// crash, and with `synchronous_commit = off` the last fraction of a second of them does not.
    public static let serverSettings: [(String, String)] = [
        ("listen_addresses", "''"),
        ("max_connections", "200"),
        ("max_locks_per_transaction", "1024"),
        ("shared_buffers", "256MB"),
        ("log_min_messages", "warning"),
    ]

    let serverUser: SystemUser?

    /// The cluster for a state folder; nothing is created until ``start()``.
    public init(stateDirectory: String) throws(LocalClusterError) {
        let state = URL(fileURLWithPath: stateDirectory).standardizedFileURL.path
        self.stateDirectory = state
        if geteuid() == 0 {
            guard let postgres = SystemUser.named("postgres") else { throw .noServerUser }
            serverUser = postgres
            // Folders we create later get mode 755, so the nearest existing one decides.
            var probe = state
            while !FileManager.default.fileExists(atPath: probe), probe != "/" {
                probe = URL(fileURLWithPath: probe).deletingLastPathComponent().path
            }
            let reachable = (try? ProcessRunner(user: postgres).run("/usr/bin/test", ["-x", probe]).status) == 0
            clusterDirectory = reachable ? state + "/cluster" : "/var/tmp/kokon-" + LocalCluster.hash(state) + "/cluster"
        } else {
            serverUser = nil
            clusterDirectory = state + "/cluster"
        }
        socketDirectory = "/tmp/.kokon-" + LocalCluster.hash(clusterDirectory).prefix(12)
    }

    /// The cluster under `.kokon/` of the current working directory.
    public static func inWorkingDirectory() throws(LocalClusterError) -> LocalCluster {
        try LocalCluster(stateDirectory: FileManager.default.currentDirectoryPath + "/.kokon")
    }

    /// The data folder.
    public var dataDirectory: String { clusterDirectory + "/data" }
    /// The server log.
    public var logFile: String { clusterDirectory + "/server.log" }
    /// The full socket path, which must stay under 107 bytes.
    public var socketPath: String { "\(socketDirectory)/.s.PGSQL.\(port)" }

    /// Whether the cluster exists and runs.
    public enum Status: Sendable, Equatable {
        /// No cluster has been created yet.
        case notCreated
        /// Created but not running.
        case stopped
        /// Running.
        case running
    }

    /// Whether the cluster exists and runs.
    public func status() throws(LocalClusterError) -> Status {
        guard let major = createdMajorVersion else { return .notCreated }
        let binaries = try PostgresBinaries.locate(preferredMajor: major)
        let result = try run(binaries.path("pg_ctl"), ["status", "-D", dataDirectory])
        return result.status == 0 ? .running : .stopped
    }

    /// The PostgreSQL major version the cluster was created with, if it exists.
    public var createdMajorVersion: Int? {
        (try? String(contentsOfFile: dataDirectory + "/PG_VERSION", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Creates the cluster if needed and starts it if it is not running.
    ///
    /// Returns true if this call started the server, so the caller knows whether to stop it.
    @discardableResult
    public func start(logger: Logger = Logger(label: "kokon.cluster")) throws(LocalClusterError) -> Bool {
        try createDirectory(stateDirectory, owner: nil, mode: 0o755)
        let lock = try FileLock(path: stateDirectory + "/cluster.lock")
        defer { lock.unlock() }
        return try startLocked(logger: logger)
    }

    /// ``start(logger:)`` for a caller that holds `cluster.lock`.
    func startLocked(logger: Logger) throws(LocalClusterError) -> Bool {
        let binaries: PostgresBinaries
        if let major = createdMajorVersion {
            binaries = try PostgresBinaries.locate(preferredMajor: major)
        } else {
            binaries = try PostgresBinaries.locate()
            try initialise(with: binaries, logger: logger)
        }
        if try run(binaries.path("pg_ctl"), ["status", "-D", dataDirectory]).status == 0 { return false }

        try createDirectory(socketDirectory, owner: serverUser, mode: 0o700)
        logger.info("starting the local PostgreSQL \(binaries.majorVersion) in \(clusterDirectory)")
        let started = try run(
            binaries.path("pg_ctl"),
            [
                "start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "60",
                "-o", "-k \(socketDirectory) -p \(port)",
            ])
        guard started.status == 0 else {
            throw .toolFailed(tool: "pg_ctl start", status: started.status, output: started.output, logTail: logTail())
        }
        try ensureDefaultDatabase(logger: logger)
        return true
    }

    /// Stops the server (fast shutdown: running sessions are rolled back); a no-op if stopped.
    public func stop() throws(LocalClusterError) {
        guard let major = createdMajorVersion else { return }
        let binaries = try PostgresBinaries.locate(preferredMajor: major)
        guard try run(binaries.path("pg_ctl"), ["status", "-D", dataDirectory]).status == 0 else { return }
        let stopped = try run(binaries.path("pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60"])
        guard stopped.status == 0 else {
            throw .toolFailed(tool: "pg_ctl stop", status: stopped.status, output: stopped.output, logTail: logTail())
        }
    }

    /// Stops the server as a crash would (`pg_ctl stop -m immediate`): every session is cut
    /// off without a word and nothing is flushed; the next start recovers from the WAL. For
    /// fault drills (`kokon bench soak`), never for the user's own database.
    public func crash() throws(LocalClusterError) {
        guard let major = createdMajorVersion else { return }
        let binaries = try PostgresBinaries.locate(preferredMajor: major)
        let stopped = try run(binaries.path("pg_ctl"), ["stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "60"])
        guard stopped.status == 0 else {
            throw .toolFailed(tool: "pg_ctl stop -m immediate", status: stopped.status, output: stopped.output, logTail: logTail())
        }
    }

    /// Stops the server at once and deletes the cluster and its socket folder (for throwaway clusters).
    public func destroy() {
        if let major = createdMajorVersion, let binaries = try? PostgresBinaries.locate(preferredMajor: major) {
            _ = try? run(binaries.path("pg_ctl"), ["stop", "-D", dataDirectory, "-m", "immediate", "-w"])
        }
        try? FileManager.default.removeItem(atPath: clusterDirectory)
        try? FileManager.default.removeItem(atPath: socketDirectory)
        if clusterDirectory.hasPrefix("/var/tmp/kokon-") {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: clusterDirectory).deletingLastPathComponent().path)
        }
    }

    /// A libpq connection string for a database of this cluster, as the superuser.
    public func connectionString(database: String = LocalCluster.defaultDatabase, user: String = LocalCluster.superuser) -> String {
        ConnectionString.make(["host": socketDirectory, "port": String(port), "user": user, "dbname": database])
    }

    /// The same as a `postgresql://` URL.
    public func url(database: String = LocalCluster.defaultDatabase, user: String = LocalCluster.superuser) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return "postgresql://\(encode(user))@/\(encode(database))?host=\(encode(socketDirectory))&port=\(port)"
    }

    /// The psql program matching the cluster's server, if installed.
    public func psqlPath() -> String? {
        let binaries = try? PostgresBinaries.locate(preferredMajor: createdMajorVersion)
        if let path = binaries?.path("psql"), FileManager.default.isExecutableFile(atPath: path) { return path }
        return PostgresBinaries.findInPath("psql")
    }

    private func initialise(with binaries: PostgresBinaries, logger: Logger) throws(LocalClusterError) {
        logger.info("creating a local PostgreSQL \(binaries.majorVersion) cluster in \(clusterDirectory)")
        try createDirectory(URL(fileURLWithPath: clusterDirectory).deletingLastPathComponent().path, owner: nil, mode: 0o755)
        try createDirectory(clusterDirectory, owner: serverUser, mode: 0o700)
        let result = try run(
            binaries.path("initdb"),
            [
                "-D", dataDirectory, "-U", LocalCluster.superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
            ])
        guard result.status == 0 else {
            try? FileManager.default.removeItem(atPath: dataDirectory)
            throw .toolFailed(tool: "initdb", status: result.status, output: result.output, logTail: nil)
        }
        let settings = "\n# Kokon's local cluster\n" + LocalCluster.serverSettings.map { "\($0.0) = \($0.1)" }.joined(separator: "\n") + "\n"
        guard let handle = FileHandle(forWritingAtPath: dataDirectory + "/postgresql.conf") else {
            throw .io("cannot open \(dataDirectory)/postgresql.conf to write Kokon's settings")
        }
        handle.seekToEndOfFile()
        handle.write(Data(settings.utf8))
        handle.closeFile()
    }

    private func ensureDefaultDatabase(logger: Logger) throws(LocalClusterError) {
        do {
            let connection = try Connection(conninfo: connectionString(database: "postgres"), logger: logger)
            let exists = try connection.query("SELECT count(*) FROM pg_database WHERE datname = \(LocalCluster.defaultDatabase)").scalar(Int.self) > 0
            if !exists {
                _ = try connection.query("CREATE DATABASE \(Identifier("kokon"))")
            }
            // Clusters made by an earlier Kokon were set up with asynchronous commits.
            if try connection.query("SELECT setting FROM pg_settings WHERE name = 'synchronous_commit'").scalar(String.self) == "off" {
                logger.notice("making the local PostgreSQL's commits synchronous again, so that no acknowledged write can be lost in a crash")
                _ = try connection.query("ALTER SYSTEM SET synchronous_commit = on")
                _ = try connection.query("SELECT pg_reload_conf()")
            }
        } catch {
            throw .io("the local PostgreSQL started, but its database '\(LocalCluster.defaultDatabase)' could not be created: \(error)")
        }
    }

    private func run(_ tool: String, _ arguments: [String]) throws(LocalClusterError) -> ProcessRunner.Output {
        do {
            return try ProcessRunner(user: serverUser).run(tool, arguments)
        } catch let error as LocalClusterError {
            throw error
        } catch {
            throw .io("cannot run \(tool): \(error)")
        }
    }

    func createDirectory(_ path: String, owner: SystemUser?, mode: mode_t) throws(LocalClusterError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the folder \(path): \(error.localizedDescription)")
        }
        if let owner, chown(path, owner.uid, owner.gid) != 0 {
            throw .io("cannot hand \(path) to the '\(owner.name)' user: \(String(cString: strerror(errno)))")
        }
        if chmod(path, mode) != 0 {
            throw .io("cannot set permissions on \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func logTail() -> String? {
        guard let text = try? String(contentsOfFile: logFile, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// FNV-1a, enough to give each project folder its own short names.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// An exclusive `flock` on a file, so two kokon processes do not initialise one cluster at once.
struct FileLock {
    private let descriptor: Int32

    init(path: String) throws(LocalClusterError) {
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw .io("cannot open the lock file \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX) == 0 else { throw .io("cannot lock \(path): \(String(cString: strerror(errno)))") }
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

extension LocalCluster {
    /// ``start(logger:)`` on a thread of its own, keeping the blocking tools and the libpq
    /// connection it makes off Swift's cooperative threads.
    @discardableResult
    public func start(logger: Logger = Logger(label: "kokon.cluster")) async throws -> Bool {
        try await Self.offload { try self.start(logger: logger) }
    }

    /// ``stop()`` on a thread of its own.
    public func stop() async throws {
        try await Self.offload { try self.stop() }
    }

    /// ``crash()`` on a thread of its own.
    public func crash() async throws {
        try await Self.offload { try self.crash() }
    }

    static func offload<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        let thread = BlockingThreadPool(threadCount: 1, name: "kokon-cluster")
        defer { thread.shutdown() }
        return try await thread.run(body)
    }
}
