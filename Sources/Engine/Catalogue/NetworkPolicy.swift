public import Postgres

/// The network's disclosure policy: k, the smallest count of persons or households a
/// published figure may show. One value for every municipality and every publish, set by
/// the administrator; publishing reads it inside its own transaction, and the database
/// refuses a publication with any other k.
public enum NetworkPolicy {
    /// The k in force, as the catalogue holds it.
    public static func k(_ pool: ConnectionPool) async throws -> Int {
        try await pool.withSession { try await k(on: $0) }
    }

    /// The k in force, read in the caller's session: any role that publishes or reports may.
    public static func k(on session: Session) async throws -> Int {
        Int(try await session.query("SELECT shared.network_k() AS k").scalar(Int32.self))
    }

    /// Who set the policy and when, with its k.
    public struct Setting: Sendable {
        /// The smallest count shown.
        public let k: Int
        /// Who set it.
        public let setBy: String
        /// When, as the database's timestamp.
        public let setAt: String
    }

    /// The policy with who set it and when.
    public static func setting(_ pool: ConnectionPool) async throws -> Setting {
        let row = try await pool.query("SELECT k, set_by, to_char(set_at, 'YYYY-MM-DD HH24:MI') AS set_at FROM kokon.network_policy").first!
        return Setting(k: Int(try row.decode("k", as: Int32.self)), setBy: try row.decode("set_by"), setAt: try row.decode("set_at"))
    }

    /// Sets k for the whole network; refuses a k outside ``Suppression/kRange``. Returns the
    /// previous value. Figures already published keep theirs until each municipality publishes
    /// again.
    @discardableResult
    public static func set(k: Int, by actor: String, _ pool: ConnectionPool) async throws -> Int {
        try Suppression.check(k: k)
        return try await pool.withSession { session in
            try await session.transaction { session in
                let previous = try await NetworkPolicy.k(on: session)
                try await session.query("UPDATE kokon.network_policy SET k = \(k), set_by = \(actor), set_at = now()")
                return previous
            }
        }
    }
}
