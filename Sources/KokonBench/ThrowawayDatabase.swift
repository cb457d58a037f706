public import Engine
import Foundation
public import Logging
public import Postgres

/// A database created for one benchmark run and dropped afterwards, with every tenant role
/// it created (roles belong to the server, so dropping the database alone would leave them).
public struct ThrowawayDatabase: Sendable {
    /// Its name, `kokon_bench_…`.
    public let name: String
    /// Its connection string.
    public let conninfo: String
    /// A pool on it.
    public let pool: ConnectionPool

    /// Creates a database through `admin`, runs `body` on it, and removes it and its tenant
    /// roles whether `body` succeeds or not.
    public static func with<Value>(
        admin: ConnectionPool, poolSize: Int, logger: Logger,
        _ body: (ThrowawayDatabase) async throws -> Value
    ) async throws -> Value {
        let name = "kokon_bench_" + UUID().uuidString.lowercased().prefix(8)
        try await admin.query("CREATE DATABASE \(try Identifier(validating: name))")
        let conninfo = try ConnectionString.replacing(admin.conninfo, with: ["dbname": name])
        let database = ThrowawayDatabase(name: name, conninfo: conninfo, pool: ConnectionPool(conninfo: conninfo, size: poolSize, logger: logger))
        do {
            let value = try await body(database)
            try await database.remove(admin: admin)
            return value
        } catch {
            try? await database.remove(admin: admin)
            throw error
        }
    }

    /// Where a tenant's data lives in this database.
    public func boundary(of tenant: String) throws -> TenantBoundary {
        try TenantBoundary(id: tenant, database: name)
    }

    /// Drops the database first, then the roles: with their schemas gone the roles own
    /// nothing, so each drop takes the same short time however many tenants there were.
    private func remove(admin: ConnectionPool) async throws {
        let roles = (try? await pool.query("SELECT role_name FROM kokon.tenants").rows.map { try $0.decode("role_name", as: String.self) }) ?? []
        await pool.close()
        try await admin.query("DROP DATABASE \(try Identifier(validating: name)) WITH (FORCE)")
        try await admin.withSession { session in
            for role in roles { try await TenantDirectory.dropRole(try Identifier(validating: role), on: session) }
        }
    }
}
