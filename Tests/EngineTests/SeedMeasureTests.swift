import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// The seed programmes measure what their sources promise: Białystok's self-help groups are
/// counted as groups and its community actions as sessions; Warszawa's children placed in
/// out-of-home care as a yearly rate; Toruń's network obligation accepts an action of any kind.
@Suite("Seed measures: groups, actions, rates, open lists")
struct SeedMeasureTests {
    static func day(_ text: String) -> Day { Day.parse(text)! }

    @Test func selfHelpGroupsAreCountedAsGroupsWithTheirMembers() async throws {
        try await TenancyFixture.with(applying: ["bialystok"]) { fixture in
            let records = try await fixture.records("bialystok")
            let adoption = "razem-zmieniamy-jutro"
            try await records.write((1...3).map { HouseholdRecord(code: "H-\($0)", area: "starosielce-osiedle", size: 2) })
            try await records.write((1...3).map { PersonRecord(code: "P-\($0)", household: "H-\($0)", birthYear: 1980, relation: "head") })
            try await records.write((1...3).map { EnrolmentRecord(adoption: adoption, household: "H-\($0)", targetGroup: "families", start: Self.day("2021-02-01")) })
            // Group GR-1 meets twice, GR-2 once; one meeting was recorded without its group.
            try await records.write([
                SessionRecord(
                    code: "S-1", adoption: adoption, component: "self-help-groups", activity: "self-help-group-meeting", date: Self.day("2021-03-01"), minutes: 90,
                    group: "GR-1"),
                SessionRecord(
                    code: "S-2", adoption: adoption, component: "self-help-groups", activity: "self-help-group-meeting", date: Self.day("2021-03-15"), minutes: 90,
                    group: "GR-1"),
                SessionRecord(
                    code: "S-3", adoption: adoption, component: "self-help-groups", activity: "self-help-group-meeting", date: Self.day("2021-03-02"), minutes: 90,
                    group: "GR-2"),
                SessionRecord(
                    code: "S-4", adoption: adoption, component: "self-help-groups", activity: "self-help-group-meeting", date: Self.day("2021-04-02"), minutes: 90),
                SessionRecord(code: "S-5", adoption: adoption, component: "community-activation", activity: "community-action", date: Self.day("2021-05-02"), minutes: 120),
                SessionRecord(code: "S-6", adoption: adoption, component: "community-activation", activity: "community-action", date: Self.day("2021-06-12"), minutes: 120),
            ])
            try await records.write([
                AttendanceRecord(session: "S-1", person: "P-1", status: "present"), AttendanceRecord(session: "S-2", person: "P-1", status: "present"),
                AttendanceRecord(session: "S-2", person: "P-2", status: "present"), AttendanceRecord(session: "S-3", person: "P-3", status: "excused"),
            ])
            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: adoption, today: CalendarDate(year: 2022, month: 1, day: 10)).first)
            let values = Dictionary(uniqueKeysWithValues: evaluation.indicators.map { ($0.id, $0) })
            // Four meetings, but two groups: the ungrouped meeting is named, not guessed at.
            #expect(values["self-help-groups-formed"]?.value == 2)
            #expect(values["self-help-groups-formed"]?.note == .groupMembers(groups: 2, members: 2, ungroupedSessions: 1))
            #expect(values["self-help-groups-formed"]?.status == .notMet)
            #expect(values["community-actions"]?.value == 2)
            #expect(evaluation.indicators.allSatisfy { $0.id != "home-interventions-change" }, "the 2019 police figures are context, not a target")

            // A group code is checked at the door like every other value, and nothing is written.
            await #expect(throws: (any Error).self) {
                try await records.write([
                    SessionRecord(
                        code: "S-7", adoption: adoption, component: "self-help-groups", activity: "self-help-group-meeting", date: Self.day("2021-03-01"),
                        minutes: 90, group: "grupa pani Kowalskiej")
                ])
            }
            // A code shaped like a code, but a member's name or PESEL, is refused too.
            for (named, reason) in [("Anna.Kowalska", "never a PESEL number or a name"), ("85010112345", "looks like a PESEL number")] {
                let why = await refusal {
                    try await records.write([
                        SessionRecord(
                            code: "S-8", adoption: adoption, component: "self-help-groups", activity: "self-help-group-meeting", date: Self.day("2021-03-01"),
                            minutes: 90, group: named)
                    ])
                }
                #expect(why?.contains(reason) == true, Comment(rawValue: "\(named): \(why ?? "written")"))
            }
            #expect(try await records.count(.sessions) == 6)
        }
    }

    @Test func childrenPlacedInCareAreAYearlyRateThatFallsAsEnrolmentGrows() async throws {
        try await TenancyFixture.with(applying: ["warszawa"]) { fixture in
            let records = try await fixture.records("warszawa")
            let adoption = "praski-kokon"
            try await records.write((1...12).map { HouseholdRecord(code: "H-\($0)", area: "nowa-praga", size: 2) })
            try await records.write((1...12).map { PersonRecord(code: "C-\($0)", household: "H-\($0)", birthYear: 2010, relation: "child") })
            // Four families from 2017, eight more from 2018.
            try await records.write(
                (1...12).map {
                    EnrolmentRecord(adoption: adoption, household: "H-\($0)", targetGroup: "families", start: Self.day($0 <= 4 ? "2017-02-01" : "2018-02-01"))
                })
            // 2017: 1 of 4 children placed (25%); 2018: 2 of 12 (16.7%) — more placements, a lower rate.
            try await records.write([
                OutcomeRecord(adoption: adoption, outcome: "child-placed-in-care", person: "C-1", date: Self.day("2017-06-01")),
                OutcomeRecord(adoption: adoption, outcome: "child-placed-in-care", person: "C-2", date: Self.day("2018-06-01")),
                OutcomeRecord(adoption: adoption, outcome: "child-placed-in-care", person: "C-7", date: Self.day("2018-09-01")),
            ])
            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: adoption, today: CalendarDate(year: 2018, month: 12, day: 31)).first)
            let placed = try #require(evaluation.indicators.first { $0.id == "children-placed-in-foster-care" })
            #expect(placed.value == Decimal(string: "-8.3"))
            #expect(placed.note == .yearRates(firstYear: 2017, first: 1, firstOf: 4, lastYear: 2018, last: 2, lastOf: 12))
            #expect(placed.status == .met, "the rate fell, although the count rose from 1 to 2")
        }
    }

    @Test func anActionOfAnyKindMeetsAnOpenObligation() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            try await records.write([NetworkRecord(code: "LSW-1", adoption: "wygrana-rodzina", network: "local-support-system", formed: Self.day("2024-07-15"))])
            // A meeting is none of the examples (campaign, debate, local event), and counts all the same.
            try await records.write([
                NetworkActionRecord(code: "NA-1", network: "LSW-1", actionType: "meeting", date: Self.day("2024-10-01")),
                NetworkActionRecord(code: "NA-2", network: "LSW-1", actionType: "workshop", date: Self.day("2025-03-01")),
            ])
            let evaluation = try #require(
                try await Evaluator(records: records).evaluate(adoption: "wygrana-rodzina", today: CalendarDate(year: 2026, month: 11, day: 22)).first)
            #expect(evaluation.rulesChecked[.networkObligation] == 2)
            #expect(evaluation.findings.filter { $0.rule == .networkObligation }.isEmpty)
        }
    }

    @Test func theCaseloadRuleChecksOneSupervisorForAtMostSoManyWorkers() async throws {
        let catalog = TenancyFixture.shipped(editing: "models/wygrana-rodzina/1.0.0.yaml") {
            $0.replacingOccurrences(
                of: "  - id: family-assistant\n    name: {pl: asystent rodziny, en: family assistant}\n",
                with: """
                      - id: family-assistant
                        name: {pl: asystent rodziny, en: family assistant}
                        supervised_by: {role: supervisor, at_most: 2}
                      - id: supervisor
                        name: {pl: superwizor, en: supervisor}

                    """)
        }
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map { catalog.render($0) })")
        try await TenancyFixture.with(applying: ["torun"], catalog: catalog) { fixture in
            let records = try await fixture.records("torun")
            try await records.write(
                (1...3).map { StaffRecord(code: "S-A\($0)", adoption: "wygrana-rodzina", role: "family-assistant") }
                    + [StaffRecord(code: "S-SV1", adoption: "wygrana-rodzina", role: "supervisor")])
            func ratioFindings() async throws -> [Finding] {
                let evaluation = try #require(
                    try await Evaluator(records: records).evaluate(adoption: "wygrana-rodzina", today: CalendarDate(year: 2025, month: 1, day: 10)).first)
                return evaluation.findings.filter { if case .supervision = $0.facts { true } else { false } }
            }
            // Three assistants need two supervisors; one is recorded.
            let findings = try await ratioFindings()
            #expect(
                findings.map(\.facts) == [.supervision(role: "family-assistant", workers: 3, supervisor: "supervisor", supervisors: 1, atMost: 2)])
            #expect(findings.first?.rule == .caseload && findings.first?.shortfall == 1)
            try await records.write([StaffRecord(code: "S-SV2", adoption: "wygrana-rodzina", role: "supervisor")])
            #expect(try await ratioFindings().isEmpty)
        }
    }

    @Test func anEnrolmentOutsideTheTargetGroupsAgeRangeIsRefusedNamingIt() async throws {
        try await TenancyFixture.with(applying: ["bialystok"]) { fixture in
            let records = try await fixture.records("bialystok")
            let adoption = "razem-zmieniamy-jutro"
            try await records.write([HouseholdRecord(code: "H-1", area: "starosielce-osiedle", size: 3)])
            try await records.write([
                PersonRecord(code: "P-1", household: "H-1", birthYear: 1980, relation: "head"),
                PersonRecord(code: "P-2", household: "H-1", birthYear: 2006, relation: "child"),
                PersonRecord(code: "P-3", household: "H-1", birthYear: 2000, relation: "child"),
            ])
            try await records.write([EnrolmentRecord(adoption: adoption, household: "H-1", targetGroup: "families", start: Self.day("2021-02-01"))])
            // 14 or 15 in 2021: within 13–20.
            try await records.write([EnrolmentRecord(adoption: adoption, person: "P-2", targetGroup: "youth", start: Self.day("2021-02-15"))])
            // Born in 2000: 20 or 21 in 2021 — possibly 20, so not refused on a birth year alone.
            try await records.write([EnrolmentRecord(adoption: adoption, person: "P-3", targetGroup: "youth", start: Self.day("2021-02-15"))])
            // The head, 40 or 41: refused, with the group's range named, and nothing written.
            do {
                try await records.write([EnrolmentRecord(adoption: adoption, person: "P-1", targetGroup: "youth", start: Self.day("2021-03-01"))])
                Issue.record("an adult was enrolled as youth")
            } catch let error as RecordError {
                #expect(
                    "\(error)".contains(
                        "person P-1, born in 1980, is 40 or 41 on 2021-03-01, but target group youth is for ages 13–20 years; enrol them in another group, or correct birth_year"
                    ))
            }
            #expect(try await records.count(.enrolments) == 3)
            // The same adult as one of the adults in self-help groups, which state no age, is enrolled.
            try await records.write([EnrolmentRecord(adoption: adoption, person: "P-1", targetGroup: "adults", start: Self.day("2021-03-01"))])
        }
    }
}
