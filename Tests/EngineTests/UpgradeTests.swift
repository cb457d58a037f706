import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// Moving an adoption to a newer version keeps the city's adaptations and records: each
/// adaptation is judged against the new version, a conflict blocks the upgrade until decided,
/// and records before the upgrade day stay evaluated against the version they were made under.
@Suite("Upgrades that keep local adaptations")
struct UpgradeTests {
    static let shipped = TenancyFixture.shipped
    static var old: Programme { shipped.programmes.first { $0.reference == "praski-kokon@1.0.0" }! }
    static var new: Programme { shipped.programmes.first { $0.reference == "praski-kokon@1.1.0" }! }

    static func adaptation(_ change: AdaptationChange, component: String? = nil, activity: AddedActivity? = nil) -> Adaptation {
        Adaptation(
            change: change, component: component, activity: activity, reason: LocalizedText(pl: "powód"), decidedBy: "zespół",
            decidedOn: Day(year: 2017, month: 2, day: 1), planned: true)
    }

    @Test func eachAdaptationStillAppliesIsUnnecessaryOrConflicts() {
        let conflict = UpgradePlan.verdict(Self.adaptation(.dropComponent, component: "financial-education"), source: "plik", from: Self.old, to: Self.new)
        #expect(conflict.outcome == .conflicts)
        #expect(conflict.reason.pl.contains("Edukacja finansowa rodzin") && conflict.action.pl.contains("uzasadnieniem"))
        let applies = UpgradePlan.verdict(Self.adaptation(.dropComponent, component: "yard-workshops"), source: "plik", from: Self.old, to: Self.new)
        #expect(applies.outcome == .stillApplies)
        let festival = AddedActivity(id: "festyn", name: LocalizedText(pl: "Festyn podwórkowy"))
        let unnecessary = UpgradePlan.verdict(
            Self.adaptation(.addActivity, component: "yard-workshops", activity: festival), source: "plik", from: Self.old, to: Self.new)
        #expect(unnecessary.outcome == .unnecessary && unnecessary.reason.pl.contains("festyn podwórkowy"))
        let other = AddedActivity(id: "spacer", name: LocalizedText(pl: "spacer rodzinny"))
        #expect(
            UpgradePlan.verdict(Self.adaptation(.addActivity, component: "yard-workshops", activity: other), source: "plik", from: Self.old, to: Self.new).outcome
                == .stillApplies)
    }

    /// Lint and the plan judge with one function: an adaptation the plan calls unnecessary
    /// is a lint warning, until a decision is written for it.
    @Test func lintWarnsWhereThePlanSaysUnnecessary() throws {
        let festival =
            "      - change: add-activity\n        component: yard-workshops\n        activity: {id: festyn, name: {pl: Festyn podwórkowy}}\n"
            + "        reason: Festyn łączy rodziny z podwórka.\n        decided_by: Biuro Pomocy\n        decided_on: 2017-03-01\n        planned: true\n"
        let catalog = try Self.catalog(resolution: "keep", extra: festival)
        let warning = try #require(catalog.diagnostics.all.first { $0.code == "upgrade-unnecessary" }, "\(catalog.diagnostics.all.map(\.code))")
        #expect(warning.severity == .warning && warning.message.contains("has the activity 'yard-festival' in 'yard-workshops' itself"))
        let added = try #require(catalog.tenant("warszawa")?.adoptions.first?.adaptations?.first { $0.change == .addActivity })
        #expect(UpgradePlan.verdict(added, source: "plik", from: Self.old, to: Self.new).outcome == .unnecessary)
        // Withdrawn at the upgrade: decided, so nothing more to say.
        let withdrawn = try Self.catalog(
            resolution: "keep", extra: festival,
            resolutions:
                "        - change: add-activity\n          component: yard-workshops\n          activity: festyn\n          decision: withdraw\n          reason: Program ma już festyn.\n"
        )
        #expect(!withdrawn.diagnostics.all.contains { $0.code == "upgrade-unnecessary" }, "\(withdrawn.diagnostics.all.map { withdrawn.render($0) })")
        // The four ways a new version can make an adaptation unnecessary.
        #expect(UpgradeOutcome.judge(.dropComponent, component: "gone", in: Self.new) == .unnecessary(.componentGone("gone")))
        if let role = Self.new.roles?.first(where: { $0.caseload?.max != nil }), let max = role.caseload?.max {
            #expect(UpgradeOutcome.judge(.caseload, role: role.id, max: max, in: Self.new) == .unnecessary(.sameCaseload(role: role.id, max: max)))
        }
        if let minimum = Self.new.participation?.minimumDuration {
            #expect(UpgradeOutcome.judge(.minimumDuration, duration: minimum, in: Self.new) == .unnecessary(.minimumCovered(minimum)))
        }
    }

    /// Warszawa's file moved to 1.1.0 on `on`, with `resolution` for its dropped component.
    static func catalog(on day: String = "2019-01-01", resolution: String?, extra: String = "", resolutions more: String = "") throws -> ModelCatalog {
        var catalog = ModelCatalog()
        for file in shipped.files where file.kind != .tenant || file.id != "warszawa" {
            catalog.add(bytes: Array((shipped.sources[file.path] ?? "").utf8), path: file.path, kind: file.kind)
        }
        let original = try String(contentsOf: TenancyFixture.root.appending(path: "tenants/warszawa.yaml"), encoding: .utf8)
        var upgraded = "  - model: praski-kokon@1.1.0\n    upgraded:\n      from: praski-kokon@1.0.0\n      on: \(day)\n      decided_by: Biuro Pomocy\n"
        if let resolution {
            upgraded +=
                "      resolutions:\n        - change: drop-component\n          component: financial-education\n          decision: \(resolution)\n"
                + "          reason: Edukację finansową nadal prowadzi inny projekt.\n" + more
        }
        var changed = original.replacingOccurrences(of: "  - model: praski-kokon@1.0.0\n", with: upgraded)
        if !extra.isEmpty { changed = changed.replacingOccurrences(of: "    adaptations:\n", with: "    adaptations:\n" + extra) }
        catalog.add(bytes: Array(changed.utf8), path: "tenants/warszawa.yaml", kind: .tenant)
        catalog.checkAll()
        return catalog
    }

    @Test func aConflictBlocksTheUpgradeUntilItIsDecided() throws {
        let undecided = try Self.catalog(resolution: nil)
        let conflict = try #require(undecided.diagnostics.errors.first { $0.code == "upgrade-conflict" })
        #expect(conflict.file == "tenants/warszawa.yaml" && conflict.message.contains("praski-kokon@1.1.0"))
        #expect(conflict.hint?.contains("upgraded.resolutions") == true)
        #expect(undecided.tenant("warszawa") == nil)
        let kept = try Self.catalog(resolution: "keep")
        #expect(kept.diagnostics.errors.isEmpty, "\(kept.diagnostics.errors.map { kept.render($0) })")
        #expect(kept.tenant("warszawa")?.adoptions.first?.upgraded?.resolvedFrom == "praski-kokon@1.0.0")
        let early = try Self.catalog(on: "2016-01-01", resolution: "keep")
        #expect(early.diagnostics.errors.contains { $0.code == "upgrade-outside-period" })
    }

    @Test func recordsOnEachSideOfTheDayAreEvaluatedAgainstTheirVersionAndARerunChangesNothing() async throws {
        try await TenancyFixture.with(applying: ["warszawa"]) { fixture in
            let admin = try await CaseRecords(pool: fixture.admin, tenant: "warszawa", actor: "test")
            try await admin.write(.households, [["code": "W-1", "area": "nowa-praga", "size": "3"], ["code": "W-2", "area": "stara-praga", "size": "2"]])
            try await admin.write(
                .enrolments,
                [
                    ["adoption": "praski-kokon", "household": "W-1", "target_group": "families", "start": "2017-03-01"],
                    ["adoption": "praski-kokon", "household": "W-2", "target_group": "families", "start": "2019-02-01"],
                ])
            // The plan for the shipped file (still on 1.0.0): blocked by the dropped component,
            // and one family enrolled on the day without the plan 1.1.0 newly requires.
            let plan = try await UpgradePlan.make(records: admin, adoption: "praski-kokon", to: Self.new, on: CalendarDate(year: 2019, month: 1, day: 1))
            #expect(plan.isBlocked && plan.verdicts.map(\.outcome) == [.conflicts])
            #expect(plan.effects.contains { $0.needsAction && $0.text.pl.contains("rodzin przyjętych do programu, które w dniu 01.01.2019 nie mają tego planu: 1;") })
            #expect(plan.differences.contains { $0.area == .indicator && $0.polish.contains("co najmniej 40") })

            let catalog = try Self.catalog(resolution: "keep")
            let directory = TenantDirectory(pool: fixture.admin, catalog: catalog)
            let steps = try #require(try await directory.plan(["warszawa"]).first).steps
            #expect(steps.contains { if case .upgrade(_, "praski-kokon@1.0.0", "praski-kokon@1.1.0", "2019-01-01", _) = $0 { true } else { false } }, "\(steps)")
            _ = try await directory.apply(["warszawa"])
            // A second run changes nothing, and the version run before is kept once.
            #expect(try await directory.plan(["warszawa"]).first?.isEmpty == true)
            _ = try await directory.apply(["warszawa"])
            let kept = try await admin.transaction { session in
                try await session.query("SELECT model_version || ' ' || starts_on || ' ' || ends_on AS span FROM adoption_version").rows.map {
                    try $0.decode("span", as: String.self)
                }
            }
            #expect(kept == ["1.0.0 2017-01-02 2018-12-31"])
            let effective = try await fixture.admin.query("SELECT effective_on FROM kokon.adoption_changes WHERE tenant = 'warszawa' AND from_version IS NOT NULL").scalar(
                CalendarDate.self)
            #expect(effective == CalendarDate(year: 2019, month: 1, day: 1))

            let evaluator = Evaluator(records: admin)
            let whole = try await evaluator.evaluate(adoption: "praski-kokon", today: CalendarDate(year: 2020, month: 6, day: 1))
            #expect(whole.map(\.model) == ["praski-kokon@1.0.0", "praski-kokon@1.1.0"])
            #expect(whole.map { "\($0.period.start)…\($0.period.end)" } == ["2017-01-02…2018-12-31", "2019-01-01…2019-12-31"])
            #expect(whole[0].versionNote?.contains("do 31.12.2018") == true && whole[1].versionNote?.contains("od 01.01.2019") == true)
            // Under 1.0.0 the dropped component was allowed; kept under 1.1.0, it counts as not delivered.
            #expect(!whole[0].fidelity.missingComponents.contains("financial-education"))
            #expect(whole[1].fidelity.missingComponents.contains("financial-education"))
            // W-1 joined under 1.0.0 and is counted there; W-2 joined under 1.1.0.
            let enrolled = whole.map { $0.fidelity.enrolled }
            #expect(enrolled == [1, 2], "\(enrolled)")
            #expect(try await evaluator.evaluate(adoption: "praski-kokon", year: 2018).map(\.model) == ["praski-kokon@1.0.0"])
            #expect(try await evaluator.evaluate(adoption: "praski-kokon", year: 2019).map(\.model) == ["praski-kokon@1.1.0"])

            // Published: each period from the version in force at its end; the publication says when it changed.
            let tenant = try #require(catalog.tenant("warszawa"))
            try await Publisher(records: admin, tenant: tenant).publish(today: CalendarDate(year: 2020, month: 6, day: 1))
            let publication = try #require(try await fixture.admin.query("SELECT previous_version, upgraded_on FROM shared.publications WHERE tenant = 'warszawa'").first)
            #expect(try publication.decode("previous_version", as: String.self) == "1.0.0")
            #expect(try publication.decode("upgraded_on", as: CalendarDate.self) == CalendarDate(year: 2019, month: 1, day: 1))
            let versions = try await fixture.admin.query(
                "SELECT DISTINCT period || ' ' || model_version AS cell FROM shared.aggregates WHERE tenant = 'warszawa' ORDER BY 1"
            ).rows.map { try $0.decode("cell", as: String.self) }
            let quarters = (2017...2019).flatMap { year in (1...4).map { "\(year)-Q\($0) \(year < 2019 ? "1.0.0" : "1.1.0")" } }
            #expect(versions == (["2017 1.0.0", "2018 1.0.0", "2019 1.1.0", "all 1.1.0"] + quarters).sorted())
        }
    }

    /// A municipality set up by an earlier Kokon lacks this build's latest tenant migration;
    /// the server's start brings it up to date, once.
    @Test func municipalitiesSetUpEarlierGetTheNewTenantMigrations() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            try await fixture.admin.query("DROP FUNCTION t_torun.shown(text), t_torun.pesel_in(text), t_torun.valid_pesel(text)")
            try await fixture.admin.query("DELETE FROM t_torun.schema_migrations WHERE name = '0006_clean_data_at_the_door'")
            let directory = TenantDirectory(pool: fixture.admin, catalog: Self.shipped)
            let applied = try await directory.migrateApplied()
            #expect(applied.map(\.tenant) == ["torun"] && applied.first?.migrations == ["0006_clean_data_at_the_door"])
            #expect(try await directory.migrateApplied().isEmpty)
            let records = try await fixture.records("torun")
            let refused = await DoorTests.refusal { try await records.write(.households, [["code": "H-1", "area": DoorTests.pesel, "size": "2"]]) }
            #expect(refused.contains("looks like a PESEL number"))
        }
    }
}
