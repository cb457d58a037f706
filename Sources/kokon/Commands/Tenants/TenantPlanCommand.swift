import ArgumentParser
import Engine

/// `kokon tenant plan`
struct TenantPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what `kokon tenant apply` would do, changing nothing.",
        discussion: """
            For each tenant: whether its role and schema would be created, which tenant \
            migrations would run, which programmes would be adopted, and, when a tenant file \
            moves to another version of a programme, every difference between the versions that \
            affects the municipality (components, activities, roles, rules and indicators added, \
            removed or changed). Components the municipality has dropped are left out.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Tenant ids (default: every tenant file).")
    var ids: [String] = []

    func run() async throws {
        let loaded = try catalog.load()
        try await database.withPool(size: 1) { pool in
            let plans = try await TenantDirectory(pool: pool, catalog: loaded).plan(ids)
            for plan in plans {
                if plan.isEmpty {
                    print("\(plan.tenant): up to date")
                } else {
                    print("\(plan.tenant):")
                    for step in plan.steps { print("  - \(step)") }
                }
            }
            let pending = plans.filter { !$0.isEmpty }.count
            print(pending == 0 ? "Nothing to do." : "\(pending) tenant\(pending == 1 ? "" : "s") would change: run `kokon tenant apply` to do it.")
        }
    }
}
