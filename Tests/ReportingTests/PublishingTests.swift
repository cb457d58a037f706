import Engine
import Foundation
import KokonDemo
import KokonTestSupport
import Postgres
import Reporting
import Synchronization
import Templates
import Testing

/// How many publishes said they were waiting.
final class Waits: Sendable {
    let count = Mutex(0)
}

@Suite("Publishing: suppression and who may read or write what")
struct PublishingTests {
    static func cell(_ measure: String, _ value: Int, period: String = "all") -> AggregateCell {
        AggregateCell(
            measure: measure, label: measure, kind: nil, period: period, unit: .count, value: Decimal(value),
            numerator: nil, denominator: nil, target: nil, status: nil, sensitiveCounts: [value])
    }

    @Test func smallCellsAndTheCellsThatWouldRevealThemAreHidden() {
        // 40 enrolled, 3 dropped out: dropped-out is small, and retained = 40 − 3 would give it away.
        let cells = [
            Self.cell("enrolled", 40), Self.cell("retained", 37), Self.cell("dropped-out", 3),
            AggregateCell(
                measure: "retention", label: "", kind: nil, period: "all", unit: .percent, value: 92.5, numerator: 37, denominator: 40,
                target: nil, status: nil, sensitiveCounts: [37, 3]),
            Self.cell("completed", 30), Self.cell("not-completed", 10),
        ]
        let result = Suppression.apply(cells, k: 5)
        let hidden = Set(result.filter(\.suppressed).map(\.measure))
        #expect(hidden == ["dropped-out", "retained", "retention"])
        #expect(result.filter(\.suppressed).allSatisfy { $0.value == nil && $0.numerator == nil && $0.denominator == nil })
        // A small total hides everything that adds up to it.
        let small = Suppression.apply([Self.cell("enrolled", 4), Self.cell("retained", 4), Self.cell("dropped-out", 0)], k: 5)
        #expect(small.allSatisfy { $0.suppressed })
    }

    /// Drop-outs add up over time: a year's are its quarters', the whole period's its years'.
    /// A hidden year would be the whole period less the other years, so a second one is hidden.
    @Test func periodsThatAddUpAreProtectedLikeParts() {
        func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day) }
        let spans = [
            Suppression.Span(period: "all", start: day(2025, 3, 1), end: day(2026, 6, 30)),
            Suppression.Span(period: "2025", start: day(2025, 3, 1), end: day(2025, 12, 31)),
            Suppression.Span(period: "2026", start: day(2026, 1, 1), end: day(2026, 6, 30)),
            Suppression.Span(period: "2026-Q1", start: day(2026, 1, 1), end: day(2026, 3, 31)),
            Suppression.Span(period: "2026-Q2", start: day(2026, 4, 1), end: day(2026, 6, 30)),
        ]
        // The whole period is 12, 2025 shows 10, so a hidden 2026 would be 2; its quarters are 1 and 1.
        let cells = [
            Self.cell("dropped-out", 12, period: "all"), Self.cell("dropped-out", 10, period: "2025"), Self.cell("dropped-out", 2, period: "2026"),
            Self.cell("dropped-out", 1, period: "2026-Q1"), Self.cell("dropped-out", 1, period: "2026-Q2"),
        ]
        let protected = Suppression.apply(cells, k: 5, spans: spans)
        let hidden = Set(protected.filter(\.suppressed).map(\.period))
        #expect(hidden == ["2025", "2026", "2026-Q1", "2026-Q2"], "2026 alone would be 12 − 10")
        // Without the periods' days the sums are unknown and only the small ones are hidden,
        // which is exactly the gap: the test above fails if the periods' sums are ignored.
        #expect(Set(Suppression.apply(cells, k: 5).filter(\.suppressed).map(\.period)) == ["2026", "2026-Q1", "2026-Q2"])
        // Toruń's pattern: 6 in all, 5 in 2025; 2024 and 2026 hidden would add up to 1, so
        // each of them could only be 0 or 1. 2025 is hidden too, so they add up to 6.
        let torun = Suppression.apply(
            [Self.cell("dropped-out", 6), Self.cell("dropped-out", 1, period: "2024"), Self.cell("dropped-out", 5, period: "2025"), Self.cell("dropped-out", 0, period: "2026")],
            k: 5,
            spans: [
                Suppression.Span(period: "all", start: day(2024, 1, 1), end: day(2026, 6, 30)),
                Suppression.Span(period: "2024", start: day(2024, 1, 1), end: day(2024, 12, 31)),
                Suppression.Span(period: "2025", start: day(2025, 1, 1), end: day(2025, 12, 31)),
                Suppression.Span(period: "2026", start: day(2026, 1, 1), end: day(2026, 6, 30)),
            ])
        #expect(torun.filter(\.suppressed).map(\.period) == ["2024", "2025", "2026"])
        // Parts that leave a gap are no sum: 2025 starts later than the whole period.
        let gap = spans.map { $0.period == "2025" ? Suppression.Span(period: "2025", start: day(2025, 4, 1), end: $0.end) : $0 }
        #expect(Suppression.tilings(gap).map(\.0) == ["2026"])
        #expect(Suppression.tilings(spans).map(\.0) == ["all", "2026"])
        // An earlier publication's whole period and the quarter since make today's: it is cut
        // into the longest parts that fit, and the earlier one into its own.
        let earlier = spans + [Suppression.Span(period: "all to 2026-03-31", start: day(2025, 3, 1), end: day(2026, 3, 31))]
        let tilings = Dictionary(uniqueKeysWithValues: Suppression.tilings(earlier))
        #expect(tilings["all"] == ["all to 2026-03-31", "2026-Q2"])
        #expect(tilings["all to 2026-03-31"] == ["2025", "2026-Q1"])
    }

    /// A programme counting its participants and each of its target groups publishes sums: a
    /// hidden group would be the whole less the other groups.
    @Test func targetGroupsAddUpToTheWhole() throws {
        let programme = try #require(TenancyFixture.shipped.programme("aktywne-wlaczenie-torun@1.0.0"))
        let sums = Publisher.groupSums(programme)
        #expect(sums.map(\.total) == ["indicator:participants-supported"])
        #expect(sums.first?.parts == ["indicator:at-risk-supported", "indicator:environment-supported"])
        // 100 supported, 97 at risk: 3 from the environment would be known.
        let cells = [
            Self.cell("indicator:participants-supported", 100), Self.cell("indicator:at-risk-supported", 97), Self.cell("indicator:environment-supported", 3),
        ]
        #expect(Suppression.apply(cells, k: 5, relations: sums).filter(\.suppressed).map(\.measure) == ["indicator:at-risk-supported", "indicator:environment-supported"])
    }

    @Test func periodsAreReadAndOrderedTheSameEverywhere() {
        #expect(FigurePeriod("all") == .whole && FigurePeriod("2025") == .year(2025) && FigurePeriod("2025-Q3") == .quarter(year: 2025, quarter: 3))
        for wrong in ["", "kwartał", "2025-Q5", "2025-Q0", "25", "1999", "2025Q1", "2025-q1", "2025-Q12"] { #expect(FigurePeriod(wrong) == nil, "\(wrong)") }
        let sorted = ["2026-Q1", "2025", "all", "2025-Q4", "2026", "2025-Q1"].compactMap(FigurePeriod.init).sorted().map(\.description)
        #expect(sorted == ["all", "2025", "2025-Q1", "2025-Q4", "2026", "2026-Q1"])
        #expect(FigurePeriod.quarter(year: 2025, quarter: 2).polish == "II kwartał 2025" && FigurePeriod.year(2025).polish == "rok 2025")
    }

    /// Every published figure of the demo is checked by brute force: none counts fewer than k,
    /// and no hidden count can be worked out from the published ones. A k of 3 (the least a
    /// network may choose) shows most figures, so the sums between shown and hidden ones are exercised.
    @Test(arguments: [3, 5]) func noSuppressedFigureCanBeRecovered(k: Int) async throws {
        try await TenancyFixture.with(applying: []) { fixture in
            let output = FileManager.default.temporaryDirectory.appending(path: "kokon-demo-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: output) }
            try await NetworkPolicy.set(k: k, by: "test", fixture.admin)
            _ = try await Demo(pool: fixture.admin, catalog: TenancyFixture.shipped, seed: 7, size: .small, output: output).run { _ in }
            let rows = try await fixture.admin.query(
                """
                SELECT tenant, adoption, period, measure, unit, value, numerator, denominator, suppressed FROM shared.aggregates
                """
            ).rows
            #expect(rows.count > 100)
            var groups: [String: [String: (value: Decimal?, numerator: Int?, denominator: Int?, suppressed: Bool)]] = [:]
            for row in rows {
                let key = "\(try row.decode("tenant", as: String.self))/\(try row.decode("adoption", as: String.self))/\(try row.decode("period", as: String.self))"
                groups[key, default: [:]][try row.decode("measure")] = (
                    try row.decode("value", as: Decimal?.self), try row.decode("numerator", as: Int?.self),
                    try row.decode("denominator", as: Int?.self), try row.decode("suppressed", as: Bool.self)
                )
            }
            var suppressed = 0
            for (key, cells) in groups {
                // 1. No published count of persons or households below k, except completions
                // shown as 0 before anyone can have completed (ProtectionAuditTests checks which).
                for measure in ["enrolled", "retained", "dropped-out", "completed", "not-completed"] {
                    guard let cell = cells[measure], !cell.suppressed, let value = cell.value else { continue }
                    if measure == "completed", value == 0 {
                        #expect(cells["not-completed"]?.value == cells["enrolled"]?.value, "\(key): 0 completed, so everyone is not completed")
                    } else {
                        #expect(value >= Decimal(k), "\(key) \(measure) = \(value)")
                    }
                }
                for (measure, cell) in cells where measure.hasPrefix("indicator:") && !cell.suppressed {
                    if let numerator = cell.numerator, let denominator = cell.denominator, cells[measure]?.value.map({ $0 <= 100 }) == true,
                        measure != "indicator:children-placed-in-foster-care"
                    {
                        #expect(numerator >= k && denominator - numerator >= k, "\(key) \(measure) \(numerator)/\(denominator)")
                    }
                }
                suppressed += cells.values.filter(\.suppressed).count
                // 2. Sums: with the total and all other parts published, a hidden part would follow.
                let groups = [("indicator:participants-supported", ["indicator:at-risk-supported", "indicator:environment-supported"])]
                for (total, parts) in [("enrolled", ["retained", "dropped-out"]), ("enrolled", ["completed", "not-completed"])] + groups {
                    let members = [total] + parts
                    guard members.allSatisfy({ cells[$0] != nil }) else { continue }
                    #expect(members.filter { cells[$0]!.suppressed }.count != 1, "\(key): \(members) has exactly one hidden member")
                    if let shown = cells[total]!.value, parts.contains(where: { cells[$0]!.suppressed }) {
                        let hidden = shown - parts.compactMap { cells[$0]!.value }.reduce(0, +)
                        #expect(hidden >= Decimal(k), "\(key): the hidden parts of \(total) add up to \(hidden)")
                    }
                }
                // 3. Ratios of a public whole: a published percentage of a hidden count would give it away.
                if cells["enrolled"]?.suppressed == true {
                    for derived in ["reach", "cost-per-subject", "dose-months"] { #expect(cells[derived].map(\.suppressed) ?? true, "\(key) \(derived)") }
                }
                if cells["retained"]?.suppressed == true { #expect(cells["retention"]?.suppressed ?? true, "\(key) retention") }
                if cells["completed"]?.suppressed == true { #expect(cells["completion"]?.suppressed ?? true, "\(key) completion") }
            }
            #expect(suppressed > 0, "a small demo must hide something")
            // 4. Drop-outs over time: a year's quarters add up to it, and the years to the whole
            // period. Where the total is shown, the hidden parts add up to the total less the
            // shown ones, and that must be at least k; where all are shown the sum holds.
            #expect(groups.keys.contains { $0.hasSuffix("-Q1") }, "quarters are published")
            var years = 0
            for key in groups.keys {
                let period = key.split(separator: "/").last.map(String.init) ?? ""
                let prefix = key.dropLast(period.count)
                let parts: [String] =
                    period == "all"
                    ? groups.keys.filter { $0.hasPrefix(prefix) && $0.split(separator: "/").last?.count == 4 }
                    : period.count == 4 ? (1...4).map { "\(key)-Q\($0)" }.filter { groups[$0] != nil } : []
                guard !parts.isEmpty, let total = groups[key]?["dropped-out"] else { continue }
                years += 1
                let members = parts.compactMap { groups[$0]?["dropped-out"] }
                #expect(([total] + members).filter(\.suppressed).count != 1, "\(key): one hidden drop-out count among \(period) and its parts")
                if let shown = total.value, members.contains(where: \.suppressed) {
                    let hidden = shown - members.compactMap(\.value).reduce(0, +)
                    #expect(hidden >= Decimal(k), "\(key): the hidden parts of \(period) add up to \(hidden)")
                }
                if let shown = total.value, members.allSatisfy({ !$0.suppressed }) {
                    #expect(shown == members.compactMap(\.value).reduce(0, +), "\(key): the parts' drop-outs add up to \(period)'s")
                }
            }
            #expect(years > 0)
        }
    }

    /// 1.10.0 is newer than 1.9.0, though as text it sorts first.
    /// Two publishes of one municipality at once: the second waits for the first and then
    /// replaces its figures, instead of failing on a key the first just wrote.
    @Test func publishesOfOneMunicipalityAtOnceRunOneAfterAnother() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await CaseRecords(pool: fixture.admin, tenant: "torun", actor: "test")
            let examples = TenancyFixture.root.appending(path: "examples/records/torun")
            for kind in ["households", "persons", "staff", "enrolments", "sessions", "attendance"] {
                try await records.importFile(try #require(RecordKind.named(kind)), path: examples.appending(path: "\(kind).csv").path)
            }
            let tenant = try #require(TenancyFixture.shipped.tenant("torun"))
            let waited = Waits()
            let pools = (0..<4).map { _ in ConnectionPool(conninfo: fixture.admin.conninfo, size: 1) }
            let reports = try await withThrowingTaskGroup(of: Publisher.Report.self) { group in
                for pool in pools {
                    group.addTask {
                        let own = try await CaseRecords(pool: pool, tenant: "torun", actor: "test")
                        return try await Publisher(records: own, tenant: tenant).publish { message in
                            if message.contains("Gmina Miasta Toruń (torun)") { waited.count.withLock { $0 += 1 } }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for pool in pools { await pool.close() }
            #expect(reports.count == 4 && Set(reports.map(\.cells)).count == 1)
            #expect(waited.count.withLock { $0 } >= 1, "at least one publish waited for another")
            let cells = try await fixture.admin.query("SELECT count(*) FROM shared.aggregates WHERE tenant = 'torun'").scalar(Int.self)
            #expect(cells == reports[0].cells)
        }
    }

    @Test func theNewestVersionIsChosenInVersionOrderNotTextOrder() async throws {
        try await TenancyFixture.with(applying: []) { fixture in
            for (tenant, version, name) in [("a", "1.9.0", "Stara nazwa"), ("b", "1.10.0", "Nowa nazwa"), ("c", "1.2.0", "Starsza nazwa")] {
                try await fixture.admin.query(
                    """
                    INSERT INTO shared.publications (tenant, tenant_name, example, adoption, model_id, model_version, model_name, k, as_of)
                    VALUES (\(tenant), \(tenant), true, 'm', 'm', \(version), \(name), 5, '2026-01-01')
                    """)
            }
            let models = try await PublishedFigures.models(fixture.app)
            #expect(models.map(\.name) == ["Nowa nazwa"])
            await #expect(throws: PostgresError.self) {
                try await fixture.admin.query(
                    """
                    INSERT INTO shared.publications (tenant, tenant_name, example, adoption, model_id, model_version, model_name, k, as_of)
                    VALUES ('d', 'd', true, 'm', 'm', '1.10', 'x', 5, '2026-01-01')
                    """)
            }
        }
    }

    /// k is the network's policy: one range in Swift and in the database, set once for
    /// everyone, used by every publish, and refused by the database in any other value.
    @Test func kIsOneNetworkPolicyEnforcedTwice() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            for table in ["kokon.network_policy", "shared.publications"] {
                let definition = try await fixture.admin.query(
                    """
                    SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'k_in_range' AND conrelid = \(table)::regclass
                    """
                ).scalar(String.self)
                #expect(definition.hasPrefix("CHECK (((k >= \(Suppression.kRange.lowerBound)) AND (k <= \(Suppression.kRange.upperBound))))"), "\(table): \(definition)")
            }
            // The same for units: the database allows exactly FigureUnit's words.
            let units = try await fixture.admin.query(
                """
                SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'shared.aggregates'::regclass AND pg_get_constraintdef(oid) LIKE '%unit%'
                """
            ).scalar(String.self)
            let allowed = Set(units.matches(of: /'([a-z]+)'/).map { String($0.1) })
            #expect(allowed == Set(FigureUnit.allCases.map(\.rawValue)), "\(units)")
            let torun = try await fixture.records("torun")
            let definition = TenancyFixture.shipped.tenant("torun")!
            #expect(try await NetworkPolicy.k(fixture.admin) == 5, "the default")
            for k in [Suppression.kRange.lowerBound - 1, Suppression.kRange.upperBound + 1] {
                await #expect(throws: SuppressionError.self) { try await NetworkPolicy.set(k: k, by: "test", fixture.admin) }
                await #expect(throws: (any Error).self) { try await fixture.admin.query("UPDATE kokon.network_policy SET k = \(k)") }
            }
            #expect(try await NetworkPolicy.set(k: 7, by: "test", fixture.admin) == 5)
            let published = try await Publisher(records: torun, tenant: definition).publish()
            #expect(published.cells > 0 && published.k == 7)
            #expect(try await fixture.admin.query("SELECT k FROM shared.publications WHERE tenant = 'torun'").rows.allSatisfy { try $0.decode("k", as: Int32.self) == 7 })
            #expect(try await Publisher(records: torun, tenant: definition).preview().allSatisfy { $0.k == 7 })
            // No writer, not even one going round Kokon, stores a publication with another k.
            await #expect(throws: (any Error).self) {
                try await fixture.admin.query("UPDATE shared.publications SET k = 3 WHERE tenant = 'torun'")
            }
            // The report states the threshold its figures were hidden with.
            let report = NetworkReport(model: "wygrana-rodzina", period: "all", figures: try await PublishedFigures.read(fixture.admin, model: "wygrana-rodzina", period: "all"))
            #expect(report.k == [7] && report.kText == "7" && report.rows.allSatisfy { $0.k == 7 })
            #expect(report.html().contains("mniej niż 7 osób lub rodzin"))
        }
    }

    @Test func aTenantWritesOnlyItsOwnFiguresAndTheReportingRoleReadsOnlyShared() async throws {
        try await TenancyFixture.with(applying: ["torun", "warszawa"]) { fixture in
            let torun = try await fixture.records("torun")
            let warszawa = try await fixture.records("warszawa")
            try await Publisher(records: warszawa, tenant: TenancyFixture.shipped.tenant("warszawa")!).publish()
            let first = try await Publisher(records: torun, tenant: TenancyFixture.shipped.tenant("torun")!).publish()
            let again = try await Publisher(records: torun, tenant: TenancyFixture.shipped.tenant("torun")!).publish()
            #expect(first.cells == again.cells, "publishing again replaces, never adds")
            let total = try await fixture.admin.query("SELECT count(*) AS n FROM shared.aggregates WHERE tenant = 'torun'").scalar(Int.self)
            #expect(total == first.cells)

            // As Toruń: only Toruń's rows are visible, and Warszawa's cannot be written or removed.
            let visible = try await torun.transaction { try await $0.query("SELECT count(DISTINCT tenant) AS n FROM shared.aggregates").scalar(Int.self) }
            #expect(visible == 1)
            await #expect(throws: PostgresError.self) {
                _ = try await torun.transaction { session in
                    try await session.query(
                        """
                        INSERT INTO shared.aggregates (tenant, adoption, model_version, measure, label, period, unit, value)
                        VALUES ('warszawa', 'praski-kokon', '1.0.0', 'enrolled', 'x', 'all', 'count', 1)
                        """)
                }
            }
            let deleted = try await torun.transaction { try await $0.query("DELETE FROM shared.aggregates WHERE tenant = 'warszawa'").affectedRows }
            #expect(deleted == 0)
            let warszawaRows = try await fixture.admin.query("SELECT count(*) AS n FROM shared.aggregates WHERE tenant = 'warszawa'").scalar(Int.self)
            #expect(warszawaRows > 0)

            // The reporting role reads every tenant's published figures and nothing else.
            let figures = try await PublishedFigures.read(fixture.app, model: "praski-kokon", period: "all")
            #expect(figures.publications.map(\.tenant) == ["warszawa"] && !figures.figures.isEmpty)
            // Warszawa is real, but its targets, staff and adaptations are made up for the demo: the network report says so.
            #expect(figures.publications.first?.illustrative == [.areas, .partners, .targets, .staff, .adaptations])
            let report = NetworkReport(model: "praski-kokon", period: "all", figures: figures)
            #expect(report.html().contains("<strong>Dane ilustracyjne:</strong> obszary, partnerzy, cele liczbowe, kadra, adaptacje</span></th>"))
            #expect(report.html().contains("liczby, które na nich się opierają (np. zasięg wobec celów liczbowych), są tylko przykładem"))
            #expect(report.csv().contains(";nie;obszary, partnerzy, cele liczbowe, kadra, adaptacje;praski-kokon@1.0.0;"))
            #expect(try report.json().contains(#""illustrative" : ["#))
            // A publication made before publications kept the parts gets them from its adoption,
            // as core migration 0011 does on an existing installation.
            try await fixture.admin.query("UPDATE shared.publications SET illustrative = '{}'")
            let migration = try #require(try Catalogue.coreMigrations().first { $0.version == 11 })
            let backfill = try #require(migration.script.text.range(of: "DO $$")).lowerBound
            try await fixture.admin.withSession { try await $0.execute(SQLScript(trustedFileContents: String(migration.script.text[backfill...]))) }
            #expect(try await PublishedFigures.read(fixture.app, model: "praski-kokon", period: "all").publications.first?.illustrative.count == 5)
            let forbidden: [SQL] = ["SELECT count(*) FROM t_torun.household", "SELECT count(*) FROM t_warszawa.person", "SELECT count(*) FROM kokon.tenants"]
            for query in forbidden {
                let error = await #expect(throws: PostgresError.self) {
                    _ = try await fixture.app.withSession { session in
                        try await session.transaction(as: DatabaseRoles.reporting, searchPath: []) { try await $0.query(query) }
                    }
                }
                #expect(error?.code == SQLState.insufficientPrivilege, "\(query)")
            }
        }
    }
}

@Suite("kokon demo")
struct DemoTests {
    @Test func smallDemoReportsEveryTenantAndModel() async throws {
        try await TenancyFixture.with(applying: []) { fixture in
            let output = FileManager.default.temporaryDirectory.appending(path: "kokon-demo-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: output) }
            let demo = Demo(pool: fixture.admin, catalog: TenancyFixture.shipped, seed: 11, size: .small, output: output)
            let outcome = try await demo.run { _ in }
            #expect(Set(outcome.tenantReports.map(\.tenant)) == Set(TenancyFixture.shipped.tenants.map(\.id)))
            #expect(outcome.networkReports.count == Set(TenancyFixture.shipped.programmes.map(\.id)).count)
            var everyTenant = Set<String>()
            for (model, file, count) in outcome.networkReports {
                let html = try String(contentsOf: file, encoding: .utf8)
                #expect(html.contains(model) && count >= 1)
                #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "self-contained")
                for tenant in TenancyFixture.shipped.tenants where html.contains(tenant.name) { everyTenant.insert(tenant.id) }
                let csv = try Data(contentsOf: file.deletingPathExtension().appendingPathExtension("csv"))
                #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]), "CSV starts with a byte-order mark")
                let json = try Data(contentsOf: file.deletingPathExtension().appendingPathExtension("json"))
                let report = try JSONDecoder().decode(NetworkReport.self, from: json)
                #expect(report.rows.count == count)
            }
            #expect(everyTenant == Set(TenancyFixture.shipped.tenants.map(\.id)), "every municipality appears in a network report")
            let wygrana = try String(contentsOf: outcome.networkReports.first { $0.file.lastPathComponent == "wygrana-rodzina.html" }!.file, encoding: .utf8)
            for name in ["Gmina Miasta Toruń", "Gmina Miasto Włocławek", "Gmina-Miasto Grudziądz"] { #expect(wygrana.contains(name)) }
            // Safe to run again: nothing new is written, the reports are rebuilt.
            let again = try await demo.run { _ in }
            #expect(again.networkReports.map(\.municipalities) == outcome.networkReports.map(\.municipalities))

            // The reports speak Polish, targets included.
            let torun = try String(contentsOf: outcome.tenantReports.first { $0.tenant == "torun" }!.file, encoding: .utf8)
            #expect(torun.contains("co najmniej") && !torun.contains("at least") && !torun.contains("takes part"))
            #expect(wygrana.contains("cel: co najmniej") && wygrana.contains("3 gminy"))
            #expect(wygrana.contains("Dane syntetyczne") && torun.contains("Dane syntetyczne"), "demo reports say their data is synthetic")

            // Another seed replaces the synthetic records instead of clashing with them, and
            // leaves records that are not synthetic alone.
            let records = try await fixture.records("torun")
            let area = try #require(TenancyFixture.shipped.tenant("torun")?.areas.first?.id)
            try await records.write(.households, [["code": "H-REAL", "area": area, "size": "2"]])
            let households = try await records.count(.households)
            _ = try await Demo(pool: fixture.admin, catalog: TenancyFixture.shipped, seed: 12, size: .small, output: output).run { _ in }
            #expect(try await records.count(.households) == households)
            let kept = try await records.transaction { try await $0.query("SELECT count(*) FROM household WHERE code = \("H-REAL")").scalar(Int.self) }
            #expect(kept == 1)
        }
    }
}
