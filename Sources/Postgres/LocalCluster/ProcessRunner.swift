import Foundation

/// Runs helper programs (initdb, pg_ctl, psql), dropping to another system user when asked.
///
/// PostgreSQL refuses to run as root, so as root the server tools run as the `postgres` system
/// user through `runuser` (or `setpriv` where runuser is missing).
struct ProcessRunner: Sendable {
    /// The user to run as, or nil for the current user.
    let user: SystemUser?

    struct Output: Sendable {
        let status: Int32
        let output: String
    }

    /// Runs a program to completion, capturing standard output and error together.
    ///
    /// Uses `posix_spawn` and `waitpid` directly: the child (pg_ctl) leaves a daemon behind,
    /// which Foundation's `Process` does not always notice exiting.
    func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        // Start in / so tools running as another user never trip over an unreadable folder.
        let (path, fullArguments) = try commandLine("/bin/sh", ["-c", "cd / && exec \"$0\" \"$@\"", executable] + arguments)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        // LC_ALL=C keeps tool output parseable; the server's own encoding is set by initdb.
        env["LC_ALL"] = "C"
        let output = try TemporaryFile()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output.descriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, output.descriptor, 2)

        let argv = ([path] + fullArguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for argument in argv { free(argument) }
            for variable in envp { free(variable) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw LocalClusterError.io("cannot run \(path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw LocalClusterError.io("lost track of \(path): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: exitStatus, output: output.contents())
    }

    func commandLine(_ executable: String, _ arguments: [String]) throws -> (String, [String]) {
        guard let user else { return (executable, arguments) }
        if let runuser = Self.find(["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]) {
            return (runuser, ["-u", user.name, "--", executable] + arguments)
        }
        if let setpriv = Self.find(["/usr/bin/setpriv", "/bin/setpriv"]) {
            return (setpriv, ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--init-groups", "--", executable] + arguments)
        }
        throw LocalClusterError.cannotSwitchUser(user.name)
    }

    static func find(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A system account, looked up in the password database.
struct SystemUser: Sendable {
    let name: String
    let uid: uid_t
    let gid: gid_t

    static func named(_ name: String) -> SystemUser? {
        guard let entry = getpwnam(name) else { return nil }
        return SystemUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }
}

/// A file in the temporary folder for capturing a child's output without pipe deadlocks.
private final class TemporaryFile {
    let path: String
    let descriptor: Int32

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/kokon-output-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw LocalClusterError.io("cannot create a temporary file in \(NSTemporaryDirectory())") }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.descriptor = descriptor
    }

    func contents() -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    deinit {
        close(descriptor)
        unlink(path)
    }
}
