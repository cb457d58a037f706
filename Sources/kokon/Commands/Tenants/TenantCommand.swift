import ArgumentParser

/// `kokon tenant`
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant",
        abstract: "Set up municipalities from tenants/*.yaml: plan, apply, list, drop, export, import.",
        discussion: """
            Each municipality gets its own schema t_<id> and its own role, and records its work \
            only there. `plan` shows what `apply` would change; `apply` does it, one tenant per \
            transaction, and a second run changes nothing.
            """,
        subcommands: [
            TenantPlanCommand.self, TenantApplyCommand.self, TenantListCommand.self, TenantDropCommand.self, TenantExportCommand.self,
            TenantImportCommand.self,
        ]
    )
}
