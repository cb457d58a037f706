import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates

/// The shipped models and tenants, a fresh database with the catalogue migrated, and pools
/// for the administrator and for the application's login role.
struct TenancyFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shipped = ModelCatalog.load(paths: [root.appending(path: "models").path, root.appending(path: "tenants").path])

    let admin: ConnectionPool
    let app: ConnectionPool
    let directory: TenantDirectory

    /// Runs `body` on a fresh database with the given tenants applied.
    static func with<Value>(applying tenants: [String], catalog: ModelCatalog = shipped,
                            _ body: (TenancyFixture) async throws -> Value) async throws -> Value {
        let conninfo = try await TestCluster.freshDatabase()
        let admin = ConnectionPool(conninfo: conninfo, size: 2)
        let app = ConnectionPool(conninfo: try ConnectionString.replacing(conninfo, with: ["user": "kokon_app"]), size: 2)
        do {
            try await Catalogue.migrate(admin)
            let directory = TenantDirectory(pool: admin, catalog: catalog)
            if !tenants.isEmpty { _ = try await directory.apply(tenants) }
            let value = try await body(TenancyFixture(admin: admin, app: app, directory: directory))
            try await Self.cleanUp(admin, catalog: catalog)
            await admin.close()
            await app.close()
            return value
        } catch {
            try? await Self.cleanUp(admin, catalog: catalog)
            await admin.close()
            await app.close()
            throw error
        }
    }

    /// Tenant roles belong to the whole server; drop this database's so tests leave none behind.
    static func cleanUp(_ admin: ConnectionPool, catalog: ModelCatalog) async throws {
        let directory = TenantDirectory(pool: admin, catalog: catalog)
        for summary in try await directory.list() where summary.appliedAt != nil {
            try await directory.drop(summary.id, confirm: summary.id)
        }
    }

    /// Case records of a tenant through the application's login role.
    func records(_ tenant: String) async throws -> CaseRecords {
        try await CaseRecords(pool: app, tenant: tenant, actor: "test")
    }
}
