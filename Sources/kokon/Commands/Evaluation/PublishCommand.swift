import ArgumentParser
import Engine
import Foundation
import Postgres
import Templates

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

            Before writing, publishing audits its figures: for every hidden count it works out \
            the least and greatest value anyone could deduce from what is shown (sums of parts, \
            periods and target groups, shown shares, a period's enrolment at most its enclosing \
            period's), and hides more until each range holds at least k values. \
            `kokon publish TENANT --audit` runs that audit on what is published now and writes \
            nothing; it exits with 1 if a hidden count is narrower than k. With --json it prints \
            each adoption's ranges and the linear programme they come from.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Tenant ids.")
    var ids: [String] = []

    @Flag(help: "Publish every tenant set up in the database.")
    var all = false

    @Flag(help: "Audit what is published now instead of publishing: the range of every hidden count.")
    var audit = false

    @Flag(help: "With --audit: print the ranges and their linear programmes as JSON.")
    var json = false

    // Kept only to explain where k went: a per-publish k let reports be compared at
    // different thresholds.
    @Option(name: .customLong("k"), help: .hidden)
    var k: Int?

    func validate() throws {
        guard all != !ids.isEmpty else { throw ValidationError("Name the tenants to publish, or give --all (not both).") }
        guard audit || !json else { throw ValidationError("--json goes with --audit: kokon publish TENANT --audit --json") }
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
            if audit { return try await self.audit(all ? applied : ids, loaded, pool) }
            for id in all ? applied : ids {
                let tenant = try TenantDirectory(pool: pool, catalog: loaded).tenant(id)
                let records = try await CaseRecords(pool: pool, tenant: id, actor: NSUserName())
                let report = try await Publisher(records: records, tenant: tenant).publish { print($0) }
                print(
                    "\(id): \(report.cells) figures published, \(report.suppressed) of them hidden "
                        + "(fewer than \(report.k) persons or households, the network's k, or revealing such a figure)")
                if report.copiedForAnalysts == false {
                    print("\(id): the analysts' database could not be reached, so it still holds the previous figures; run kokon analysts sync")
                }
            }
        }
    }

    /// Audits each tenant's published figures and prints what it found.
    func audit(_ ids: [String], _ catalog: ModelCatalog, _ pool: ConnectionPool) async throws {
        var exposed = 0
        var report: [Publisher.AdoptionAudit] = []
        for id in ids {
            let tenant = try TenantDirectory(pool: pool, catalog: catalog).tenant(id)
            let records = try await CaseRecords(pool: pool, tenant: id, actor: NSUserName())
            let audits = try await Publisher(records: records, tenant: tenant).audit()
            if audits.isEmpty, !json { print("\(id): nothing published yet; run kokon publish \(id) first") }
            for adoption in audits {
                let audit = adoption.audit
                exposed += audit.exposed.count
                report.append(adoption)
                guard !json else { continue }
                let narrowest = audit.ranges.filter { $0.values != nil }.min { ($0.values ?? 0) < ($1.values ?? 0) }
                var line = "\(id) \(adoption.adoption) (\(adoption.programme)): \(adoption.figures) figures, \(adoption.hidden) hidden; "
                if !audit.consistent {
                    line += "the published figures contradict each other, so they were not written by this Kokon: publish again"
                    exposed += 1
                } else if audit.exposed.isEmpty {
                    line += "every hidden count lies in a range of at least \(audit.k) values"
                    if let narrowest { line += " (narrowest: \(narrowest.measure) in \(narrowest.period), \(narrowest.lowest)–\(narrowest.highest ?? 0))" }
                } else {
                    line +=
                        "\(audit.exposed.count) hidden count\(audit.exposed.count == 1 ? "" : "s") narrower than k = \(audit.k): "
                        + audit.exposed.map { "\($0.measure) in \($0.period) is \($0.lowest)–\($0.highest ?? 0)" }.joined(separator: "; ")
                        + "; publish again to hide what gives them away"
                }
                print(line)
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        if exposed > 0 { throw ExitCode(1) }
    }
}
