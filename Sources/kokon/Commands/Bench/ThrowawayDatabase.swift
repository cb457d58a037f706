import Engine
import Foundation
import Postgres

/// A database created for one benchmark run and dropped afterwards, with every tenant role
/// it created (roles belong to the server, so dropping the database alone would leave them).
struct ThrowawayDatabase {
    /// Its connection string.
    let conninfo: String
    /// A pool on it.
    let pool: ConnectionPool

    static func with<Value>(_ options: DatabaseOptions, poolSize: Int, _ body: (ThrowawayDatabase) async throws -> Value) async throws -> Value {
        try await options.withPool(size: 1) { admin in
            let name = "kokon_bench_" + UUID().uuidString.lowercased().prefix(8)
            try await admin.query("CREATE DATABASE \(try Identifier(validating: name))")
            let conninfo = try ConnectionString.replacing(admin.conninfo, with: ["dbname": name])
            let database = ThrowawayDatabase(conninfo: conninfo, pool: ConnectionPool(conninfo: conninfo, size: poolSize, logger: options.logger))
            do {
                let value = try await body(database)
                try await database.remove(admin: admin, name: name)
                return value
            } catch {
                try? await database.remove(admin: admin, name: name)
                throw error
            }
        }
    }

    private func remove(admin: ConnectionPool, name: String) async throws {
        let roles = try await pool.query("SELECT role_name FROM kokon.tenants").rows.map { try $0.decode("role_name", as: String.self) }
        for role in roles {
            let identifier = try Identifier(validating: role)
            try await pool.query("DROP OWNED BY \(identifier)")
            try await pool.query("DROP ROLE \(identifier)")
        }
        await pool.close()
        try await admin.query("DROP DATABASE \(try Identifier(validating: name)) WITH (FORCE)")
    }
}
