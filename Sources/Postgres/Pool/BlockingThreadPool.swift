import Foundation

/// A fixed set of threads for blocking libpq calls, kept apart from Swift's cooperative pool.
///
/// A blocked cooperative thread stalls every task scheduled on it; with only as many
/// cooperative threads as cores, a handful of slow queries would freeze the process. The
/// pool is sized to the connection pool, so each checked-out connection can always make
/// progress.
public final class BlockingThreadPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var work: [() -> Void] = []
    private var head = 0
    private var running = true
    /// The number of threads.
    public let threadCount: Int

    /// Starts `threadCount` threads named `name`.
    public init(threadCount: Int, name: String = "kokon-postgres") {
        precondition(threadCount > 0, "a thread pool needs at least one thread")
        self.threadCount = threadCount
        for index in 0..<threadCount {
            let thread = Thread { [unowned self] in self.loop() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Runs `body` on one of the pool's threads and resumes the caller with its result.
    ///
    /// After ``shutdown()`` it throws at once instead of waiting for a thread that will
    /// never come.
    public func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let accepted = submit { continuation.resume(with: Result { try body() }) }
            if !accepted { continuation.resume(throwing: PostgresError.poolClosed) }
        }
    }

    /// True once ``shutdown()`` was called: ``run(_:)`` then throws at once.
    public var isShutDown: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !running
    }

    /// Lets the threads finish queued work and exit.
    public func shutdown() {
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }

    private func submit(_ item: @escaping () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard running else { return false }
        work.append(item)
        condition.signal()
        return true
    }

    private func loop() {
        while true {
            condition.lock()
            while head == work.count && running { condition.wait() }
            if head == work.count {
                condition.unlock()
                return
            }
            let item = work[head]
            head += 1
            if head > 1024 && head * 2 > work.count {
                work.removeFirst(head)
                head = 0
            }
            condition.unlock()
            item()
        }
    }
}
