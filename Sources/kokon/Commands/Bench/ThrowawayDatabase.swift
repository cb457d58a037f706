import KokonBench
import Postgres

extension ThrowawayDatabase {
    /// A throwaway database on the server the options name (or the local one).
    static func with<Value>(_ options: DatabaseOptions, poolSize: Int, _ body: (ThrowawayDatabase) async throws -> Value) async throws -> Value {
        try await options.withPool(size: 1) { admin in
            try await ThrowawayDatabase.with(admin: admin, poolSize: poolSize, logger: options.logger, body)
        }
    }
}
