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
            indicator, network actions, cost per household) as of the end of the last closed \
            calendar quarter, for the whole period up to it and each year and quarter that has \
            ended, inside the municipality's own boundary, and writes them to schema shared. \
            Figures are published once per closing: publishing again before the next quarter \
            ends leaves them as they are, so two publications never differ by a family or two. A figure counting fewer than k persons or households is stored as \
            suppressed, and so is any figure from which a suppressed one could be worked out. \
            k is the network's policy, the same for every municipality and every publish: see \
            `kokon policy`. A new closing replaces the \
            municipality's previous figures in one step. No record of a family ever leaves the \
            municipality's schema.

            Before writing, publishing audits its figures: for every hidden count it works out \
            the least and greatest value anyone could deduce from what is shown (sums of parts, \
            periods and target groups, shown shares, a period's enrolment at most its enclosing \
            period's), and hides more until each range holds at least k values, counting every \
            earlier publication too (an earlier whole period set beside today's gives away the \
            quarters since). \
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

    @Flag(
        help: """
            Write nothing; instead publish in memory on the first day of each of the last \
            --months months, as of that day and per closed quarter, and say how many figures \
            each schedule shows and what the reports set side by side give away.
            """)
    var compareSchedules = false

    @Option(help: "With --compare-schedules: how many months of publications to try.")
    var months = 12

    // Kept only to explain where k went: a per-publish k let reports be compared at
    // different thresholds.
    @Option(name: .customLong("k"), help: .hidden)
    var k: Int?

    func validate() throws {
        guard all != !ids.isEmpty else { throw ValidationError("Name the tenants to publish, or give --all (not both).") }
        guard audit || !json else { throw ValidationError("--json goes with --audit: kokon publish TENANT --audit --json") }
        guard !(audit && compareSchedules) else { throw ValidationError("give --audit or --compare-schedules, not both") }
        guard (1...60).contains(months) else { throw ValidationError("--months must be between 1 and 60 (it is \(months))") }
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
            if compareSchedules { return try await self.compare(all ? applied : ids, loaded, pool) }
            for id in all ? applied : ids {
                let tenant = try TenantDirectory(pool: pool, catalog: loaded).tenant(id)
                let records = try await CaseRecords(pool: pool, tenant: id, actor: NSUserName())
                let report = try await Publisher(records: records, tenant: tenant).publish { print($0) }
                let next = Publisher.nextPublication(after: report.closing)
                print(
                    "\(id): figures as of \(report.closing) (the last closed quarter): \(report.cells) published, \(report.suppressed) of them hidden "
                        + "(fewer than \(report.k) persons or households, the network's k, or revealing such a figure)")
                for adoption in report.unchanged {
                    print(
                        "\(id): \(adoption) was already published as of \(report.closing); its figures stay as they are until the next quarter closes (publish again from \(next))")
                }
                for adoption in report.notYet {
                    print("\(id): \(adoption) has no closed quarter yet, so nothing of it is published; publish again once the quarter it began in has ended")
                }
                if report.copiedForAnalysts == false {
                    print("\(id): the analysts' database could not be reached, so it still holds the previous figures; run kokon analysts sync")
                }
            }
        }
    }

    /// Tries each schedule on each tenant, writing nothing, and prints what each keeps.
    func compare(_ ids: [String], _ catalog: ModelCatalog, _ pool: ConnectionPool) async throws {
        let today = CalendarDate.today
        let days = (1...months).reversed().map { back in
            let index = today.year * 12 + today.month - 1 - back + 1
            return CalendarDate(year: index / 12, month: index % 12 + 1, day: 1)
        }
        var totals: [String: (figures: Int, shown: Int, exposed: Int)] = [:]
        let trials: [(String, Publisher.Schedule, Bool)] = [
            ("as of the day, each alone", .anyDay, false), ("as of the day, protected against the earlier", .anyDay, true),
            ("per closed quarter, protected against the earlier", .closedQuarters, true),
        ]
        for id in ids {
            let tenant = try TenantDirectory(pool: pool, catalog: catalog).tenant(id)
            let records = try await CaseRecords(pool: pool, tenant: id, actor: NSUserName())
            let publisher = Publisher(records: records, tenant: tenant)
            for (name, schedule, remembering) in trials {
                let trial = try await publisher.trial(days: days, schedule: schedule, rememberingEarlier: remembering)
                print(
                    "\(id): \(name): \(trial.publications) publications; the last shows \(trial.shown) of \(trial.figures) figures; "
                        + "set side by side, \(trial.exposed) hidden count\(trial.exposed == 1 ? "" : "s") narrower than k")
                var total = totals[name] ?? (0, 0, 0)
                total = (total.figures + trial.figures, total.shown + trial.shown, total.exposed + trial.exposed)
                totals[name] = total
            }
        }
        for (name, _, _) in trials {
            let total = totals[name] ?? (0, 0, 0)
            print("all: \(name): \(total.shown) of \(total.figures) figures shown, \(total.exposed) hidden counts narrower than k")
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
