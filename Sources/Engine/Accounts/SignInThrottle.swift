public import Postgres

/// Slows down and then locks sign-in after repeated failures, per account and per address.
///
/// Failures are counted over a window; after ``slowAfter`` of them each further attempt
/// waits, and after ``lockAfter`` sign-in is refused until the window has passed since the
/// last failure. The subject is the lower-cased e-mail whether or not an account has it, so
/// the answer never tells who has an account.
public struct SignInThrottle: Sendable {
    /// The database.
    public let pool: ConnectionPool
    /// Failures that start slowing sign-in down.
    public let slowAfter: Int
    /// Failures that lock sign-in.
    public let lockAfter: Int
    /// How long failures count, and how long a lock lasts after the last one.
    public let window: Duration

    /// A throttle: slow after 3 failures, lock after 5 for 15 minutes, unless told otherwise.
    public init(pool: ConnectionPool, slowAfter: Int = 3, lockAfter: Int = 5, window: Duration = .seconds(15 * 60)) {
        self.pool = pool
        self.slowAfter = slowAfter
        self.lockAfter = lockAfter
        self.window = window
    }

    /// What to do with a sign-in attempt.
    public enum Verdict: Sendable, Equatable {
        /// Go ahead.
        case allow
        /// Go ahead after waiting this long.
        case delay(Duration)
        /// Refuse without checking the password.
        case locked
    }

    /// The subjects an attempt is counted under.
    public static func subjects(email: String, address: String?) -> [String] {
        ["account:" + email.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }

    /// The verdict for an attempt, from the failures of its subjects.
    public func verdict(subjects: [String]) async throws -> Verdict {
        let seconds = Int(window.components.seconds)
        let failures = try await pool.query(
            """
            SELECT coalesce(max(n), 0) AS failures FROM (
                SELECT count(*) AS n FROM kokon.sign_in_failures
                WHERE subject = ANY(\(subjects)) AND at > now() - make_interval(secs => \(seconds)) GROUP BY subject
            ) f
            """
        ).scalar(Int.self)
        if failures >= lockAfter { return .locked }
        if failures >= slowAfter { return .delay(.milliseconds(500 * (failures - slowAfter + 1))) }
        return .allow
    }

    /// Counts a failure under each subject.
    public func recordFailure(subjects: [String]) async throws {
        try await pool.query("INSERT INTO kokon.sign_in_failures (subject) SELECT unnest(\(subjects)::text[])")
    }

    /// Forgets an account's failures after a successful sign-in (the address keeps its own).
    public func clear(email: String) async throws {
        try await pool.query("DELETE FROM kokon.sign_in_failures WHERE subject = \("account:" + email.lowercased())")
    }
}
