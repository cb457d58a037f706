import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// A target group's `requires` and `excludes` are rules of enrolment: a yes/no criterion is read
/// from the flags recorded for persons (for a household, any member's), a count from the
/// household's recorded members; an enrolment that fails one is refused naming it, and nothing
/// is written.
@Suite("Eligibility rules at enrolment")
struct EligibilityTests {
    static func day(_ text: String) -> Day { Day.parse(text)! }

    /// Razem zmieniamy jutro with rules on its families group: lives on the estate, has a child,
    /// is not leaving care.
    static let catalog = TenancyFixture.shipped(editing: "models/razem-zmieniamy-jutro/1.0.0.yaml") {
        $0.replacingOccurrences(
            of: "  - id: leaving-care\n    name: {pl: opuszcza placówkę, en: leaving residential care}\n",
            with: """
                  - id: leaving-care
                    name: {pl: opuszcza placówkę, en: leaving residential care}
                  - id: with-children
                    name: {pl: rodzina z dziećmi, en: family with children}
                    type: count
                    count: {of: children, at_least: 1}

                """
        ).replacingOccurrences(
            of: "    criteria: [at-risk-of-exclusion, lives-on-estate]\n",
            with: "    criteria: [at-risk-of-exclusion, lives-on-estate]\n    requires: [lives-on-estate, with-children]\n    excludes: [leaving-care]\n")
    }

    @Test func enrolmentsThatFailARuleAreRefusedNamingTheCriterion() async throws {
        #expect(Self.catalog.diagnostics.errors.isEmpty, "\(Self.catalog.diagnostics.errors.map(\.message))")
        try await TenancyFixture.with(applying: ["bialystok"], catalog: Self.catalog) { fixture in
            let records = try await fixture.records("bialystok")
            let adoption = "razem-zmieniamy-jutro"
            try await records.write((1...5).map { HouseholdRecord(code: "H-\($0)", area: "starosielce-osiedle", size: 3) })
            try await records.write([
                // H-1: a child, but no one flagged as living on the estate.
                PersonRecord(code: "P-11", household: "H-1", birthYear: 1980, relation: "head"),
                PersonRecord(code: "P-12", household: "H-1", birthYear: 2012, relation: "child"),
                // H-2: on the estate, but no child recorded.
                PersonRecord(code: "P-21", household: "H-2", birthYear: 1980, relation: "head", flags: ["lives-on-estate"]),
                // H-3: on the estate with a child, and a member leaving care.
                PersonRecord(code: "P-31", household: "H-3", birthYear: 1980, relation: "head", flags: ["lives-on-estate"]),
                PersonRecord(code: "P-32", household: "H-3", birthYear: 2003, relation: "partner", flags: ["leaving-care"]),
                PersonRecord(code: "P-33", household: "H-3", birthYear: 2020, relation: "child"),
                // H-4: eligible; the flag is held by a member other than the head.
                PersonRecord(code: "P-41", household: "H-4", birthYear: 1980, relation: "head"),
                PersonRecord(code: "P-42", household: "H-4", birthYear: 1982, relation: "partner", flags: ["lives-on-estate"]),
                PersonRecord(code: "P-43", household: "H-4", birthYear: 2015, relation: "child"),
                PersonRecord(code: "P-51", household: "H-5", birthYear: 1985, relation: "head", flags: ["lives-on-estate"]),
                PersonRecord(code: "P-52", household: "H-5", birthYear: 2016, relation: "child"),
            ])
            func enrol(_ household: String) async throws {
                try await records.write([EnrolmentRecord(adoption: adoption, household: household, targetGroup: "families", start: Self.day("2021-02-01"))])
            }
            #expect(
                await refusal { try await enrol("H-1") }?.contains(
                    "household H-1 does not meet 'lives-on-estate' (mieszka na osiedlu socjalnym w Starosielcach), which target group families requires; if a member does, add lives-on-estate to the flags of that member, or enrol in another group"
                ) == true)
            #expect(
                await refusal { try await enrol("H-2") }?.contains(
                    "household H-2 has 0 children recorded, but 'with-children' (rodzina z dziećmi), which target group families requires, asks for at least 1 children; record the household's persons, or enrol in another group"
                ) == true)
            #expect(
                await refusal { try await enrol("H-3") }?.contains(
                    "household H-3 meets 'leaving-care' (opuszcza placówkę), which target group families excludes; enrol in another group, or correct the flags") == true)
            #expect(try await records.count(.enrolments) == 0, "a refused enrolment writes nothing")
            try await enrol("H-4")
            #expect(try await records.count(.enrolments) == 1)

            // A file with one eligible and one refused row is refused whole, the row named.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("eligibility-\(UUID().uuidString).csv").path
            try "adoption,household,target_group,start\n\(adoption),H-1,families,2021-03-01\n\(adoption),H-5,families,2021-03-01\n".write(
                toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let imported = await refusal { _ = try await records.importFile(.enrolments, path: file) }
            #expect(imported?.contains("row 2") == true && imported?.contains("does not meet 'lives-on-estate'") == true)
            #expect(try await records.count(.enrolments) == 1)
            // A member enrolled into a group without rules is not held to the families' rules.
            try await records.write([EnrolmentRecord(adoption: adoption, person: "P-41", targetGroup: "adults", start: Self.day("2021-03-01"))])
            #expect(try await records.count(.enrolments) == 2)
        }
    }

    @Test func aktywneTakesOnlyPeopleFlaggedAsItsSourceDefinesThemEvenIntoAQuota() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            let adoption = "aktywne-wlaczenie-torun"
            try await records.write([HouseholdRecord(code: "A-1", area: try #require(TenancyFixture.shipped.tenant("torun")?.areas.first?.id), size: 2)])
            try await records.write([
                PersonRecord(code: "AP-1", household: "A-1", birthYear: 1975, relation: "head", flags: ["unemployed-profile-iii"]),
                PersonRecord(code: "AP-2", household: "A-1", birthYear: 1977, relation: "partner", flags: ["unemployed-profile-iii", "at-risk-of-poverty"]),
            ])
            let refused = await refusal {
                try await records.write([EnrolmentRecord(adoption: adoption, person: "AP-1", targetGroup: "profile-iii", start: Self.day("2018-01-08"))])
            }
            #expect(
                refused?.contains(
                    "person AP-1 does not meet 'at-risk-of-poverty' (osoba zagrożona ubóstwem lub wykluczeniem społecznym), which target group profile-iii requires; if they do, add at-risk-of-poverty to the flags of the person, or enrol in another group"
                ) == true, "a person is held to their own flags, not their household's: \(refused ?? "accepted")")
            try await records.write([EnrolmentRecord(adoption: adoption, person: "AP-2", targetGroup: "profile-iii", start: Self.day("2018-01-08"))])
            #expect(try await records.count(.enrolments) == 1)
        }
    }

    /// A version that changes a group's rules of enrolment says so, with each criterion as it
    /// is settled, so a municipality moving to it sees who it may no longer enrol.
    @Test func aChangedRuleOfEnrolmentIsAVersionDifference() throws {
        let old = try #require(TenancyFixture.shipped.programme("razem-zmieniamy-jutro@1.0.0"))
        let new = try #require(Self.catalog.programme("razem-zmieniamy-jutro@1.0.0"))
        let rule = try #require(ModelDifference.between(old, new).first { $0.id == "enrolment:families" })
        #expect(rule.change == .added)
        #expect(rule.name == "warunki przyjęcia do grupy rodziny zagrożone wykluczeniem")
        let changed = try #require(
            ModelDifference.between(
                new,
                Self.catalog.programme("razem-zmieniamy-jutro@1.0.0").map { programme in
                    var stricter = programme
                    stricter.criteria = programme.criteria?.map { criterion in
                        var criterion = criterion
                        if criterion.id == "with-children" { criterion.count?.atLeast = 2 }
                        return criterion
                    }
                    return stricter
                }!
            ).first { $0.id == "enrolment:families" })
        #expect(changed.change == .changed, "the ids stay, the count does not")
        let detail = changed.detail ?? ""
        #expect(detail.contains("with-children (at least 1 children); excludes leaving-care → ") && detail.contains("with-children (at least 2 children)"))
        #expect(changed.polishDetail?.contains("rodzina z dziećmi (co najmniej 2 dzieci w gospodarstwie)") == true, "\(changed.polishDetail ?? "")")
    }
}
