import Foundation
public import Logging

/// One command's use of the local cluster. Each command holds a shared `flock` on
/// `cluster.users` while it runs; the server a command started is stopped by whichever
/// command finishes last, so `kokon tenant list & kokon demo` no longer stops the server
/// under the demo when the list is done. A server started with `kokon db start` stays up.
public final class ClusterHold: Sendable {
    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Keeps the hold across `execv`, for a command that becomes another program (`kokon db
    /// psql` becomes psql): the hold then lasts until that program exits.
    public func passOnToExec() {
        _ = fcntl(descriptor, F_SETFD, 0)
    }
}

extension LocalCluster {
    /// Present while the running server was started by a command (not `kokon db start`),
    /// so the last command out stops it.
    var startedForCommands: String { stateDirectory + "/cluster.started-for-commands" }
    /// Every command using the cluster holds a shared lock on this file.
    var users: String { stateDirectory + "/cluster.users" }

    /// Starts the cluster if needed and holds it until ``release(_:logger:)``. Starting and
    /// stopping take `cluster.lock`, so a command arriving while the last one leaves either
    /// finds the server running or starts it again.
    public func hold(logger: Logger = Logger(label: "kokon.cluster")) throws(LocalClusterError) -> ClusterHold {
        try createDirectory(stateDirectory, owner: nil, mode: 0o755)
        let lock = try FileLock(path: stateDirectory + "/cluster.lock")
        defer { lock.unlock() }
        if try startLocked(logger: logger) {
            _ = FileManager.default.createFile(atPath: startedForCommands, contents: Data())
        }
        let descriptor = open(users, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io("cannot open \(users): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_SH) == 0 else {
            close(descriptor)
            throw .io("cannot lock \(users): \(String(cString: strerror(errno)))")
        }
        return ClusterHold(descriptor: descriptor)
    }

    /// Lets go of a hold; if no other command holds the cluster and a command started it,
    /// stops the server.
    public func release(_ hold: ClusterHold, logger: Logger = Logger(label: "kokon.cluster")) throws(LocalClusterError) {
        let lock = try FileLock(path: stateDirectory + "/cluster.lock")
        defer { lock.unlock() }
        flock(hold.descriptor, LOCK_UN)
        close(hold.descriptor)
        let descriptor = open(users, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        // Another command still holds it: leave the server to the last one.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return }
        defer { flock(descriptor, LOCK_UN) }
        guard FileManager.default.fileExists(atPath: startedForCommands) else { return }
        logger.debug("the last command using the local PostgreSQL has finished; stopping it")
        try stop()
        try? FileManager.default.removeItem(atPath: startedForCommands)
    }

    /// The server was started or stopped by hand (`kokon db start`, `kokon db stop`): no
    /// command that finishes stops it.
    public func startedByHand() {
        try? FileManager.default.removeItem(atPath: startedForCommands)
    }

    /// ``hold(logger:)`` on a thread of its own.
    public func hold(logger: Logger = Logger(label: "kokon.cluster")) async throws -> ClusterHold {
        try await Self.offload { try self.hold(logger: logger) }
    }

    /// ``release(_:logger:)`` on a thread of its own.
    public func release(_ hold: ClusterHold, logger: Logger = Logger(label: "kokon.cluster")) async throws {
        try await Self.offload { try self.release(hold, logger: logger) }
    }
}
