import ArgumentParser
import Engine
import Foundation

/// `kokon tenant apply`
struct TenantApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create or update municipalities' schemas, roles and adoptions from tenants/*.yaml.",
        discussion: """
            Migrates the catalogue first, then for each tenant, in its own transaction: creates \
            its NOLOGIN role and schema t_<id>, applies the tenant migrations, records its \
            adoptions and copies the adopted programme versions into its schema, so records can be \
            checked against them. Safe to run again: a tenant already up to date is left alone, \
            and a run that stops half-way keeps the tenants it finished. A tenant file with errors \
            is refused (see `kokon lint`).
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Tenant ids (default: every tenant file).")
    var ids: [String] = []

    func run() async throws {
        let loaded = try catalog.load()
        try await database.withPool(size: 2) { pool in
            try await Catalogue.migrate(pool)
            let results = try await TenantDirectory(pool: pool, catalog: loaded).apply(ids, actor: NSUserName(), parallel: 2) { plan in
                if plan.isEmpty {
                    print("\(plan.tenant): up to date")
                } else {
                    print("\(plan.tenant): applied")
                    for step in plan.steps { print("  - \(step)") }
                }
            }
            let changed = results.filter { !$0.isEmpty }.count
            print("\(results.count) tenant\(results.count == 1 ? "" : "s") checked, \(changed) changed.")
        }
    }
}
