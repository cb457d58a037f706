import Postgres

/// Where the protection audit's linear programmes are solved: one thread of its own, apart
/// from Swift's cooperative pool.
///
/// Solving takes from milliseconds to seconds of pure computation. On the cooperative pool it
/// would hold one of as few threads as there are cores, so a publish could stall the server's
/// other requests (on two cores, two publishes would stall all of them). One thread means at
/// most one core goes to audits; publishes of several municipalities wait their turn.
enum AuditThread {
    static let pool = BlockingThreadPool(threadCount: 1, name: "kokon-audit")

    /// Runs `body` on the audit thread.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async throws -> Value {
        try await pool.run(body)
    }
}
