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
            indicator, network actions, cost per household), for the whole period and each year, \
            inside the municipality's own boundary, and writes them to schema shared. A figure \
            counting fewer than K persons or households is stored as suppressed, and so is any \
            figure from which a suppressed one could be worked out. Publishing again replaces the \
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

    @Option(name: .customLong("k"), help: "The smallest number of persons or households a published figure may count.")
    var k = 5

    func validate() throws {
        guard all != !ids.isEmpty else { throw ValidationError("Name the tenants to publish, or give --all (not both).") }
        do {
            try Suppression.check(k: k)
        } catch {
            throw ValidationError("--k: \(error)")
        }
    }

    func run() async throws {
        let loaded = try catalog.load()
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            let applied = try await TenantDirectory(pool: pool, catalog: loaded).list().filter { $0.appliedAt != nil }.map(\.id)
            for id in all ? applied : ids {
                let tenant = try TenantDirectory(pool: pool, catalog: loaded).tenant(id)
                let records = try await CaseRecords(pool: pool, tenant: id, actor: NSUserName())
                let report = try await Publisher(records: records, tenant: tenant).publish(k: k) { print($0) }
                print("\(id): \(report.cells) figures published, \(report.suppressed) of them hidden (fewer than \(k) persons or households, or revealing such a figure)")
            }
        }
    }
}
