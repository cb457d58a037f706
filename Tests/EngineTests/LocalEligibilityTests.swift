import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

@testable import Reporting

/// Target-group-criteria adaptations: a municipality adds a requirement or an exclusion to a
/// target group, only from the criteria the programme's bounds let it add, in its file or in
/// the register; enrolments that start on or after the day it was decided are held to it, and
/// a refusal says the rule is the municipality's.
@Suite("A target group's own rules in a municipality")
struct LocalEligibilityTests {
    static func day(_ text: String) -> Day { Day.parse(text)! }

    /// Aktywne włączenie letting a municipality narrow its at-risk group by three criteria.
    static let template: @Sendable (String) -> String = {
        $0.replacingOccurrences(
            of: "adaptation:\n  may_add_activities: true\n",
            with: """
                adaptation:
                  may_add_activities: true
                  eligibility: [{target_group: at-risk, criteria: [economically-inactive, unemployed-profile-i-ii, at-risk-of-poverty]}]

                """)
    }

    /// Toruń's file with one more adaptation of its Aktywne adoption.
    static func withAdaptation(_ adaptation: String) -> @Sendable (String) -> String {
        {
            $0.replacingOccurrences(
                of: "      - {role: job-broker, count: 1, organisation: pup}\n",
                with: """
                          - {role: job-broker, count: 1, organisation: pup}
                        adaptations:
                          - {\(adaptation), reason: przykład ilustracyjny, decided_by: Zespół projektu, decided_on: 2018-03-01, planned: true}

                    """)
        }
    }

    static func codes(_ adaptation: String) -> [String] {
        TenancyFixture.shipped(editing: [
            "models/aktywne-wlaczenie-torun/1.0.0.yaml": template, "tenants/torun.yaml": withAdaptation(adaptation),
        ]).diagnostics.sorted.filter { $0.file.hasSuffix("torun.yaml") }.map(\.code)
    }

    @Test func theRulesAreCheckedAgainstTheBounds() {
        #expect(Self.codes("change: target-group-criteria, target_group: at-risk, requires: [economically-inactive]").isEmpty)
        #expect(Self.codes("change: target-group-criteria, target_group: at-risk, excludes: [unemployed-profile-i-ii]").isEmpty)
        #expect(Self.codes("change: target-group-criteria, target_group: at-risk, requires: [unemployed-profile-iii]") == ["adaptation-out-of-bounds"])
        #expect(Self.codes("change: target-group-criteria, target_group: environment, requires: [economically-inactive]") == ["adaptation-out-of-bounds"])
        #expect(Self.codes("change: target-group-criteria, target_group: at-rysk, requires: [economically-inactive]") == ["unknown-reference"])
        #expect(Self.codes("change: target-group-criteria, target_group: at-risk, requires: [no-such-criterion]") == ["unknown-reference"])
        #expect(
            Self.codes("change: target-group-criteria, target_group: at-risk, excludes: [at-risk-of-poverty]") == ["eligibility-contradiction"],
            "the group already requires it")
        #expect(
            Self.codes("change: target-group-criteria, target_group: at-risk, requires: [economically-inactive], excludes: [economically-inactive]")
                == ["eligibility-contradiction"])
        #expect(Self.codes("change: target-group-criteria, target_group: at-risk, requires: [at-risk-of-poverty]") == ["adaptation-unnecessary"])
        #expect(Self.codes("change: target-group-criteria, target_group: at-risk") == ["missing-key"])
        #expect(Self.codes("change: target-group-criteria, requires: [economically-inactive]") == ["missing-key"])
        #expect(
            Self.codes("change: target-group-criteria, target_group: at-risk, requires: [economically-inactive], component: activation") == ["adaptation-key"])
        #expect(Self.codes("change: caseload, role: social-worker, max: 10, requires: [economically-inactive]").contains("adaptation-key"))
    }

    /// Two persons at risk of poverty, one of them economically inactive.
    static func persons(_ records: CaseRecords) async throws {
        try await records.write([HouseholdRecord(code: "A-1", area: try #require(TenancyFixture.shipped.tenant("torun")?.areas.first?.id), size: 2)])
        try await records.write([
            PersonRecord(code: "AP-1", household: "A-1", birthYear: 1975, relation: "head", flags: ["at-risk-of-poverty", "unemployed-profile-iii"]),
            PersonRecord(code: "AP-2", household: "A-1", birthYear: 1977, relation: "partner", flags: ["at-risk-of-poverty", "economically-inactive"]),
        ])
    }

    @Test func aRuleInTheTenantFileHoldsEnrolmentsFromTheDayItWasDecided() async throws {
        let catalog = TenancyFixture.shipped(editing: [
            "models/aktywne-wlaczenie-torun/1.0.0.yaml": Self.template,
            "tenants/torun.yaml": Self.withAdaptation("change: target-group-criteria, target_group: at-risk, requires: [economically-inactive]"),
        ])
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map(\.message))")
        try await TenancyFixture.with(applying: ["torun"], catalog: catalog) { fixture in
            let records = try await fixture.records("torun")
            try await Self.persons(records)
            let adoption = "aktywne-wlaczenie-torun"
            func enrol(_ person: String, _ start: String) async throws {
                try await records.write([EnrolmentRecord(adoption: adoption, person: person, targetGroup: "profile-iii", start: Self.day(start))])
            }
            let refused = await refusal { try await enrol("AP-1", "2018-03-01") }
            #expect(
                refused?.contains(
                    "person AP-1 does not meet 'economically-inactive' (osoba bierna zawodowo, nieposzukująca pracy w momencie przystąpienia), which target group profile-iii requires; if they do, add economically-inactive to the flags of the person, or enrol in another group. The municipality added this rule to the group on 2018-03-01."
                ) == true, "a quota of the group is held to the group's own rules: \(refused ?? "accepted")")
            #expect(try await records.count(.enrolments) == 0, "a refused enrolment writes nothing")
            try await enrol("AP-1", "2018-02-28")
            try await enrol("AP-2", "2018-03-01")
            #expect(try await records.count(.enrolments) == 2, "before the day it was decided the rule does not apply")
        }
    }

    @Test func theRegisterChecksARuleAndEnrolmentsFollowIt() async throws {
        let catalog = TenancyFixture.shipped(editing: ["models/aktywne-wlaczenie-torun/1.0.0.yaml": Self.template])
        try await TenancyFixture.with(applying: ["torun"], catalog: catalog) { fixture in
            let records = try await fixture.records("torun")
            try await Self.persons(records)
            let frame = [
                "adoption": "aktywne-wlaczenie-torun", "change": "target-group-criteria", "target_group": "at-risk",
                "reason": "Projekt kierujemy najpierw do osób biernych zawodowo.", "decided_by": "Zespół koordynujący", "decided_on": "2018-05-01",
                "planned": "reactive", "phase": "implementation", "decider": "programme-manager", "modifies": "context", "level": "individual",
                "nature": "tailoring", "fidelity": "consistent", "goal": "reach", "reason_level": "organisation",
            ]
            func refused(_ fields: [String: String]) async -> AdaptationRefusal? {
                do {
                    try await records.recordAdaptation(frame.merging(fields) { $1 })
                    return nil
                } catch {
                    return error as? AdaptationRefusal
                }
            }
            let outside = await refused(["code": "A-1", "requires": "unemployed-profile-iii"])
            #expect(outside?.problems.map(\.field) == ["requires"])
            #expect(outside?.problems.first?.message.hasPrefix("Do grupy „osoby zagrożone ubóstwem lub wykluczeniem społecznym” gmina może dodać tylko warunki:") == true)
            let neither = await refused(["code": "A-2"])
            #expect(neither?.problems.map(\.field) == ["requires"])
            let group = await refused(["code": "A-3", "target_group": "environment", "requires": "economically-inactive"])
            #expect(group?.problems.map(\.field) == ["target_group"])
            #expect(group?.problems.first?.message.contains("nie pozwala gminie dodawać warunków przyjęcia do grupy") == true)
            #expect(try await records.recordedAdaptations().isEmpty, "a refused adaptation writes nothing")

            #expect(await refused(["code": "A-4", "excludes": "unemployed-profile-i-ii"]) == nil)
            let recorded = try #require(try await records.recordedAdaptations().first)
            #expect(recorded.targetGroup == "at-risk" && recorded.excludes == ["unemployed-profile-i-ii"] && recorded.requires == nil)

            try await records.write([PersonRecord(code: "AP-3", household: "A-1", birthYear: 1990, relation: "child", flags: ["at-risk-of-poverty", "unemployed-profile-i-ii"])])
            let excluded = await refusal {
                try await records.write([
                    EnrolmentRecord(adoption: "aktywne-wlaczenie-torun", person: "AP-3", targetGroup: "at-risk", start: Self.day("2018-06-01"))
                ])
            }
            #expect(
                excluded?.contains(
                    "which target group at-risk excludes; enrol in another group, or correct the flags. The municipality added this rule to the group on 2018-05-01."
                ) == true, "\(excluded ?? "accepted")")
            #expect(try await records.count(.enrolments) == 0)

            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: "aktywne-wlaczenie-torun").first)
            let cards = EvaluationSection.cards(evaluation.fidelity, adaptations: evaluation.adaptations, names: evaluation.names)
            let reach = try #require(cards.first { $0.title == "Zasięg" })
            #expect(
                reach.touchedBy == [
                    "własne warunki przyjęcia do grupy „osoby zagrożone ubóstwem lub wykluczeniem społecznym”: wyklucza „osoba bezrobotna zakwalifikowana do I lub II profilu”"
                ])
        }
    }
}
