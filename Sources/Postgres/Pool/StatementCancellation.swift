import Foundation

/// Cancels one blocking libpq call from a cancelled task, without the race a single
/// `PQcancel` has: the server ignores a cancel request that arrives before the statement
/// does, so a task cancelled just as its call was handed to a pool thread would otherwise
/// run to the end. The call is skipped if the cancel came first, and while it runs the
/// request is repeated until it has finished.
final class StatementCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var finished = false
    /// How long to wait before asking again.
    static let interval: DispatchTimeInterval = .milliseconds(100)

    /// Runs `call` on the current (pool) thread unless the task was cancelled before it began.
    func run<Value>(_ call: () throws -> Value) throws -> Value {
        let skip = lock.withLock { cancelled }
        if skip { throw CancellationError() }
        defer { lock.withLock { finished = true } }
        return try call()
    }

    /// The task was cancelled: ask the server to cancel, and again until the call finishes.
    func cancel(_ connection: Connection) {
        lock.withLock { cancelled = true }
        keepCancelling(connection)
    }

    private func keepCancelling(_ connection: Connection) {
        // The lock is held while cancelling, so no request is sent once the call has finished
        // and the connection may be running someone else's statement.
        let done = lock.withLock {
            if !finished { connection.cancel() }
            return finished
        }
        guard !done else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.interval) { self.keepCancelling(connection) }
    }
}
