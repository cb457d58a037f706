import ArgumentParser
import Engine
import Foundation

/// `kokon publish`
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Share a municipality's aggregates with the network, with small numbers hidden.",
        discussion: """
            Computes each adoption's figures (reach, retention, completion, fidelity, every \
            indicator, network actions, cost per household), for the whole period, each year and \
            each quarter, inside the municipality's own boundary, and writes them to schema \
            shared. A figure counting fewer than k persons or households is stored as \
            suppressed, and so is any figure from which a suppressed one could be worked out. \
            k is the network's policy, the same for every municipality and every publish: see \
            `kokon policy`. Publishing again replaces the \
            municipality's previous figures in one step. No record of a family ever leaves the \
            municipality's schema.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Tenant ids.")
    var ids: [String] = []

    @Flag(help: "Publish every tenant set up in the database.")
    var all = false

    // Kept only to explain where k went: a per-publish k let reports be compared at
    // different thresholds.
    @Option(name: .customLong("k"), help: .hidden)
    var k: Int?

    func validate() throws {
        guard all != !ids.isEmpty else { throw ValidationError("Name the tenants to publish, or give --all (not both).") }
    }

    func run() async throws {
        let loaded = try catalog.load()
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            if let k {
                let policy = try await NetworkPolicy.k(pool)
                throw CommandRefusal(
                    description: "k is the network's policy, not a publish option (asked for \(k), the network uses \(policy)): "
                        + "publish without --k, or have the network administrator change it for everyone with kokon policy set --k \(k)")
            }
            let applied = try await TenantDirectory(pool: pool, catalog: loaded).list().filter { $0.appliedAt != nil }.map(\.id)
            for id in all ? applied : ids {
                let tenant = try TenantDirectory(pool: pool, catalog: loaded).tenant(id)
                let records = try await CaseRecords(pool: pool, tenant: id, actor: NSUserName())
                let report = try await Publisher(records: records, tenant: tenant).publish { print($0) }
                print(
                    "\(id): \(report.cells) figures published, \(report.suppressed) of them hidden "
                        + "(fewer than \(report.k) persons or households, the network's k, or revealing such a figure)")
            }
        }
    }
}
