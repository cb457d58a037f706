import ArgumentParser
import Engine
import Foundation
import Synchronization
import Templates

/// `kokon bench provision`
struct BenchProvisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provision",
        abstract: "Set up many municipalities at once and compare the time with the 60-second target.",
        discussion: """
            Makes TENANTS example tenants that adopt the Toruń model, each with its own role, \
            schema, tenant migrations and model elements, exactly as `kokon tenant apply` does, \
            several at a time. Target: 300 tenants in under 60 seconds.
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"
    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many tenants.")
    var tenants = 300

    @Option(help: "How many tenants are set up at once.")
    var parallel = 4

    func run() async throws {
        guard tenants > 0 else { throw ValidationError("--tenants must be at least 1") }
        var catalog = ModelCatalog.load(paths: [models])
        for index in 1...tenants {
            let id = String(format: "bench_%04d", index)
            catalog.add(bytes: Array(Self.tenantFile(id: id).utf8), path: "tenants/\(id).yaml", kind: .tenant)
        }
        catalog.checkAll()
        if catalog.diagnostics.hasErrors { throw ValidationError(catalog.diagnostics.errors.map { catalog.render($0) }.joined(separator: "\n")) }
        let loaded = catalog
        let seconds = try await ThrowawayDatabase.with(database, poolSize: parallel) { database in
            try await Catalogue.migrate(database.pool)
            let progress = TerminalProgress(label: "provisioning")
            let done = Counter()
            let start = ContinuousClock.now
            let plans = try await TenantDirectory(pool: database.pool, catalog: loaded).apply(parallel: parallel) { _ in
                progress.update(done.increment(), of: tenants)
            }
            let elapsed = start.secondsElapsed
            progress.finish()
            guard plans.count == tenants, plans.allSatisfy({ !$0.isEmpty }) else { throw ValidationError("not every tenant was provisioned") }
            return elapsed
        }
        let target = 60.0 * Double(tenants) / 300
        print(String(format: "%d tenants, %d at a time: %.1f s, %.0f ms per tenant", tenants, parallel, seconds, seconds * 1000 / Double(tenants)))
        print(String(format: "provision: %.2fx of the %.0f s target for %d tenants (target <= 1.0x)", seconds / target, target, tenants))
    }

    static func tenantFile(id: String) -> String {
        """
        id: \(id)
        name: Gmina testowa \(id)
        teryt: "0462011"
        voivodeship: kujawsko-pomorskie
        example: true
        areas: [{id: centrum, name: Centrum}, {id: osiedle, name: Osiedle}]
        partners: [{id: ops, name: Ośrodek Pomocy Społecznej, sector: public}]
        adoptions:
          - model: wygrana-rodzina@1
            period: {start: 2025-01-01, end: 2026-12-31}
            targets: {families: 30}
            staff: [{role: family-assistant, count: 2, organisation: ops}]

        """
    }
}

/// A thread-safe counter for progress from concurrent tasks.
final class Counter: Sendable {
    private let value = Mutex(0)
    /// Adds one and returns the new value.
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}
