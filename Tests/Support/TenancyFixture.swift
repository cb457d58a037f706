public import Engine
public import Foundation
public import Postgres
public import Templates

/// The shipped models and tenants, a fresh database with the catalogue migrated, and pools
/// for the administrator and for the application's login role.
public struct TenancyFixture: Sendable {
    /// The package folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shipped models and tenants, loaded and checked.
    public static let shipped = ModelCatalog.load(paths: [root.appending(path: "models").path, root.appending(path: "tenants").path])

    /// The shipped models and tenants with the file ending in `path` edited by `edit`, checked:
    /// for a test that changes one template or tenant file.
    public static func shipped(editing path: String, _ edit: (String) -> String) -> ModelCatalog {
        withoutActuallyEscaping(edit) { shipped(editing: [path: $0]) }
    }

    /// The shipped models and tenants with each file ending in one of the paths edited, checked.
    public static func shipped(editing edits: [String: (String) -> String]) -> ModelCatalog {
        var catalog = ModelCatalog()
        for file in shipped.files {
            let text = shipped.sources[file.path] ?? ""
            let edit = edits.first { file.path.hasSuffix($0.key) }?.value ?? { $0 }
            catalog.add(bytes: Array(edit(text).utf8), path: file.path, kind: file.kind)
        }
        catalog.checkAll()
        return catalog
    }

    /// The superuser's pool.
    public let admin: ConnectionPool
    /// The application's login role's pool.
    public let app: ConnectionPool
    /// Tenants over the admin pool.
    public let directory: TenantDirectory

    /// Runs `body` on a fresh database with the given tenants applied.
    public static func with<Value>(
        applying tenants: [String], catalog: ModelCatalog = shipped, database: String? = nil,
        _ body: (TenancyFixture) async throws -> Value
    ) async throws -> Value {
        let conninfo = try await TestCluster.freshDatabase(named: database)
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
    public func records(_ tenant: String) async throws -> CaseRecords {
        try await CaseRecords(pool: app, tenant: tenant, actor: "test")
    }
}
