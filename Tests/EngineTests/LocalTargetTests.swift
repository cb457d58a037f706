import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// A local indicator target: a municipality sets its own target for an indicator the
/// programme lets it set (a count sized to the municipality, a percentage raised but never
/// lowered), in its file or in the register; the evaluation judges the indicator against it.
@Suite("Local indicator targets")
struct LocalTargetTests {
    /// Razem zmieniamy jutro letting a municipality set the families assisted and the share of
    /// families better off (50% in the programme).
    static let template: @Sendable (String) -> String = {
        $0.replacingOccurrences(
            of: "    measure: {type: share, subject: families, outcome: family-situation-improved}\n",
            with: "    measure: {type: share, subject: families, outcome: family-situation-improved}\n    target: {at_least: 50%}\n"
        ).replacingOccurrences(of: "release:\n", with: "adaptation:\n  local_targets: [families-with-assistance, family-situation]\nrelease:\n")
    }

    static func catalog(adaptation: String?) -> ModelCatalog {
        var edits: [String: (String) -> String] = ["models/razem-zmieniamy-jutro/1.0.0.yaml": template]
        if let adaptation {
            edits["tenants/bialystok.yaml"] = {
                $0.replacingOccurrences(
                    of: "    targets: {families: 20, groups: 3}\n",
                    with: """
                            targets: {families: 20, groups: 3}
                            adaptations:
                              - {change: indicator-target, \(adaptation), reason: przykład ilustracyjny, decided_by: Zespół projektu, decided_on: 2021-01-15, planned: true}

                        """)
            }
        }
        return TenancyFixture.shipped(editing: edits)
    }

    static func codes(_ adaptation: String) -> [String] {
        catalog(adaptation: adaptation).diagnostics.sorted.filter { $0.file.hasSuffix("bialystok.yaml") }.map(\.code)
    }

    @Test func aLocalTargetIsCheckedAgainstTheBounds() {
        #expect(Self.catalog(adaptation: nil).diagnostics.errors.isEmpty, "\(Self.catalog(adaptation: nil).diagnostics.errors.map(\.message))")
        #expect(Self.codes("indicator: families-with-assistance, target: 10").isEmpty, "a count sized to the municipality")
        #expect(Self.codes("indicator: family-situation, target: 60%").isEmpty, "a share raised")
        #expect(Self.codes("indicator: family-situation, target: 40%") == ["adaptation-out-of-bounds"], "a share lowered")
        #expect(Self.codes("indicator: family-situation, target: 60") == ["adaptation-out-of-bounds"], "a share without %")
        #expect(Self.codes("indicator: families-with-assistance, target: 10%") == ["adaptation-out-of-bounds"], "a count as a percentage")
        #expect(Self.codes("indicator: community-actions, target: 4") == ["adaptation-out-of-bounds"], "not among local_targets")
        #expect(Self.codes("indicator: families-with-assistanse, target: 4") == ["unknown-reference"])
        #expect(Self.codes("indicator: families-with-assistance") == ["missing-key"])
        #expect(Self.codes("indicator: families-with-assistance, target: 10, role: family-assistant") == ["adaptation-key"])
        let lowered = Self.catalog(adaptation: "indicator: family-situation, target: 40%").diagnostics.all.first { $0.code == "adaptation-out-of-bounds" }
        #expect(lowered?.message == "the local target 40% of family-situation is weaker than the 50% razem-zmieniamy-jutro@1.0.0 sets")
    }

    @Test func theEvaluationJudgesAgainstTheLocalTargetFromTheFileOrTheRegister() async throws {
        let catalog = Self.catalog(adaptation: "indicator: families-with-assistance, target: 2")
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map(\.message))")
        try await TenancyFixture.with(applying: ["bialystok"], catalog: catalog) { fixture in
            let records = try await fixture.records("bialystok")
            let adoption = "razem-zmieniamy-jutro"
            try await records.write((1...2).map { HouseholdRecord(code: "H-\($0)", area: "starosielce-osiedle", size: 3) })
            try await records.write((1...2).map { PersonRecord(code: "P-\($0)", household: "H-\($0)", birthYear: 1980, relation: "head") })
            try await records.write(
                (1...2).map { EnrolmentRecord(adoption: adoption, household: "H-\($0)", targetGroup: "families", start: Day.parse("2021-02-01")!) })
            try await records.write([OutcomeRecord(adoption: adoption, outcome: "family-situation-improved", household: "H-1", date: Day.parse("2021-10-01")!)])
            // The register's form offers exactly the indicators the programme lets it set, in the programme's order.
            let offered = try await records.choices().adoptions.first { $0.id == adoption }?.localTargets
            #expect(offered?.map(\.id) == ["families-with-assistance", "family-situation"])
            #expect(offered?.allSatisfy { !$0.name.isEmpty && $0.parent == nil } == true)
            let evaluator = Evaluator(records: records)
            func indicator(_ id: String) async throws -> IndicatorValue {
                let evaluation = try #require(try await evaluator.evaluate(adoption: adoption, today: CalendarDate(year: 2022, month: 1, day: 10)).first)
                return try #require(evaluation.indicators.first { $0.id == id })
            }
            // Two families against the municipality's 2, not the programme's 15.
            let families = try await indicator("families-with-assistance")
            #expect(families.value == 2 && families.status == .met)
            #expect(families.target?.pl == "co najmniej 2 (cel gminy)")
            // 1 of 2 families better off meets the programme's 50%...
            #expect(try await indicator("family-situation").status == .met)

            // ...until the coordinator raises the share in the register; a weaker one is refused.
            let frame = [
                "adoption": adoption, "change": "indicator-target", "indicator": "family-situation", "reason": "Gmina stawia sobie wyższy cel.",
                "decided_by": "Zespół koordynujący", "decided_on": "2021-03-01", "planned": "planned", "phase": "implementation",
                "decider": "programme-manager", "modifies": "training-and-evaluation", "level": "organisation", "nature": "tailoring",
                "fidelity": "consistent", "goal": "effectiveness", "reason_level": "organisation",
            ]
            do {
                try await records.recordAdaptation(frame.merging(["code": "A-1", "target": "45%"]) { $1 })
                Issue.record("a weaker share was recorded")
            } catch let refusal as AdaptationRefusal {
                #expect(refusal.problems.map(\.field) == ["target"])
                #expect(refusal.problems.first?.message.contains("gmina może odsetek podnieść, nigdy obniżyć") == true)
            }
            #expect(try await records.recordedAdaptations().isEmpty)
            try await records.recordAdaptation(frame.merging(["code": "A-1", "target": "75%"]) { $1 })
            #expect(try await records.recordedAdaptations().first?.target == Quantity(value: 75, percent: true))
            let share = try await indicator("family-situation")
            #expect(share.status == .notMet && share.target?.pl == "co najmniej 75% (cel gminy)")
        }
    }
}
