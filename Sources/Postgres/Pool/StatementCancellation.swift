import Foundation
import Synchronization

/// Cancels one blocking libpq call from a cancelled task, and guarantees that nothing of the
/// cancellation outlives the call.
///
/// The call moves through three states: waiting (queued for a pool thread), running, and
/// finished. A cancel while waiting only marks the call, which then never starts: nothing is
/// sent to the server. A cancel while running sends `PQcancel`, and repeats it until the call
/// finishes, because the server ignores a request that arrives before the statement does.
/// Once finished, no request is ever sent again, so a connection that goes back to the pool
/// carries no pending cancel into someone else's statement, whatever order the task's
/// cancellation and the call's progress happened in.
final class StatementCancellation: @unchecked Sendable {
    private enum Phase {
        case waiting
        case running
        case finished
    }

    private let lock = NSLock()
    private var phase = Phase.waiting
    private var cancelled = false
    /// How long to wait before asking again.
    static let interval: DispatchTimeInterval = .milliseconds(100)

    /// Where the cancellations being repeated right now are counted (the pool's tally).
    private let counter: SharedCount

    /// A cancellation for one call, counted in `counter` while its request is repeated.
    init(counter: SharedCount = SharedCount()) {
        self.counter = counter
    }

    /// Runs `call` on the current (pool) thread unless the task was cancelled before it began.
    func run<Value>(_ call: () throws -> Value) throws -> Value {
        let start = lock.withLock {
            guard !cancelled, phase == .waiting else {
                phase = .finished
                return false
            }
            phase = .running
            return true
        }
        guard start else { throw CancellationError() }
        defer { lock.withLock { phase = .finished } }
        return try call()
    }

    /// Marks a call that never reached `run` (its task was cancelled or failed first) as
    /// finished, so no cancel request can be sent for it later.
    func abandon() {
        lock.withLock { if phase == .waiting { phase = .finished } }
    }

    /// The task was cancelled: skip the call if it has not begun, else ask the server to
    /// cancel it until it has finished.
    func cancel(_ connection: Connection) {
        let running = lock.withLock {
            cancelled = true
            return phase == .running
        }
        guard running else { return }
        counter.add(1)
        keepCancelling(connection)
    }

    private func keepCancelling(_ connection: Connection) {
        // The lock is held while cancelling, so no request is sent once the call has finished
        // and the connection may be running someone else's statement.
        let running = lock.withLock {
            if phase == .running { connection.cancel() }
            return phase == .running
        }
        guard running else {
            counter.add(-1)
            return
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.interval) { self.keepCancelling(connection) }
    }
}

/// A count shared across threads: the pool's tally of cancel requests being repeated.
final class SharedCount: Sendable {
    private let value = Mutex(0)

    /// The count now.
    var current: Int { value.withLock { $0 } }

    /// Adds `delta` (negative to take away).
    func add(_ delta: Int) { value.withLock { $0 += delta } }
}
