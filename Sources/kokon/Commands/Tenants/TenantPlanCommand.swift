import ArgumentParser
import Engine
import Postgres
import Templates

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

            With --upgrade and --to, it plans moving one adoption of one tenant to a newer \
            version of its programme from a given day (--on, default today): what changes for \
            the municipality; each of its adaptations (from the tenant file and the register) \
            and whether it still applies, is now unnecessary because the new version does it, \
            or conflicts with it (which blocks the upgrade until resolved), with what to do; and \
            what happens to the records it holds (activities that no longer exist, plans newly \
            required for participants already enrolled). Exit status 1 when a conflict blocks it.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Tenant ids (default: every tenant file); exactly one with --upgrade.")
    var ids: [String] = []

    @Option(help: "Plan an upgrade of this adoption (the programme's id, e.g. praski-kokon).")
    var upgrade: String?

    @Option(help: "The version to upgrade to: 1.1.0, or praski-kokon@1.1.0.")
    var to: String?

    @Option(help: "The first day records are evaluated against the new version (YYYY-MM-DD; default today).")
    var on: String?

    func validate() throws {
        if upgrade != nil || to != nil || on != nil {
            guard upgrade != nil, to != nil else { throw ValidationError("an upgrade plan needs both --upgrade ADOPTION and --to VERSION") }
            guard ids.count == 1 else { throw ValidationError("give exactly one tenant id with --upgrade, e.g. kokon tenant plan warszawa --upgrade praski-kokon --to 1.1.0") }
            if let on, CalendarDate(iso: on) == nil { throw ValidationError("--on '\(on)' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-01") }
        }
    }

    func run() async throws {
        let loaded = try catalog.load()
        if let upgrade, let to {
            try await planUpgrade(loaded, tenant: ids[0], adoption: upgrade, to: to)
            return
        }
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

    func planUpgrade(_ loaded: ModelCatalog, tenant: String, adoption: String, to: String) async throws {
        let reference = to.contains("@") ? to : "\(adoption)@\(to)"
        guard let target = loaded.programmes.first(where: { $0.reference == reference }) else {
            let versions = loaded.programmes.filter { $0.id == adoption }.map(\.reference)
            throw ValidationError(
                "there is no programme \(reference)" + (versions.isEmpty ? "; is '\(adoption)' the adoption's programme id?" : "; versions: " + versions.joined(separator: ", ")))
        }
        let day = on.flatMap { CalendarDate(iso: $0) } ?? .today
        let plan = try await database.withPool(size: 1) { pool in
            let records = try await CaseRecords(pool: pool, tenant: tenant, actor: "cli:tenant-plan")
            return try await UpgradePlan.make(records: records, adoption: adoption, to: target, on: day)
        }
        print("\(tenant): moving \(adoption) from \(plan.from.reference) to \(plan.to.reference) on \(plan.on)")
        print("  What changes for the municipality:")
        if plan.differences.isEmpty { print("    - nothing that affects it") }
        for difference in plan.differences { print("    - \(difference)") }
        print("  Adaptations:")
        if plan.verdicts.isEmpty { print("    - none recorded") }
        for verdict in plan.verdicts {
            print("    - \(verdict.outcome.rawValue): \(verdict.summary) (\(verdict.source))")
            print("      why: \(verdict.reason.en ?? verdict.reason.pl)")
            print("      to do: \(verdict.action.en ?? verdict.action.pl)")
        }
        print("  Records:")
        if plan.effects.isEmpty { print("    - nothing changes for the records held") }
        for effect in plan.effects { print("    - \(effect.text.en ?? effect.text.pl)") }
        let conflicts = plan.verdicts.filter { $0.outcome == .conflicts }.count
        if conflicts > 0 {
            print(
                "Blocked: \(conflicts) adaptation\(conflicts == 1 ? "" : "s") conflict\(conflicts == 1 ? "s" : "") with \(plan.to.reference); resolve each (withdraw it, or keep it with a reason) before upgrading."
            )
            throw ExitCode(1)
        }
        print("Nothing blocks the upgrade.")
    }
}
