import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// The home-visiting test programme (`Tests/Programmes/home-visiting.yaml`) adopted by an
/// example municipality: its typed rules of enrolment hold at the door, and its schedule, visit
/// length, checklist and scored outcome are evaluated from the records.
@Suite("A home-visiting programme, adopted and evaluated")
struct HomeVisitingEvaluationTests {
    static func day(_ text: String) -> Day { Day.parse(text)! }

    static let catalog: ModelCatalog = {
        let template = try! String(contentsOf: TenancyFixture.root.appending(path: "Tests/Programmes/home-visiting.yaml"), encoding: .utf8)
        let tenant = """
            id: gmina
            name: Gmina Przykładowa
            teryt: "0463011"
            voivodeship: kujawsko-pomorskie
            example: true
            areas: [{id: centrum, name: Centrum}]
            adoptions:
              - model: home-visiting@1.0.0
                period: {start: 2026-01-01, end: 2027-12-31}
                staff:
                  - {role: nurse, count: 2}
                  - {role: nurse-supervisor, count: 1}
                fidelity_assessments:
                  - {element: weekly-supervision, on: 2026-06-01, met: true}

            """
        var catalog = ModelCatalog()
        catalog.add(bytes: Array(template.utf8), path: "models/home-visiting/1.0.0.yaml", kind: .programme)
        catalog.add(bytes: Array(tenant.utf8), path: "tenants/gmina.yaml", kind: .tenant)
        catalog.checkAll()
        return catalog
    }()

    @Test func itsRulesHoldAtEnrolmentAndItsWayOfWorkingIsEvaluated() async throws {
        #expect(Self.catalog.diagnostics.errors.isEmpty, "\(Self.catalog.diagnostics.errors.map { Self.catalog.render($0) })")
        try await TenancyFixture.with(applying: ["gmina"], catalog: Self.catalog) { fixture in
            let records = try await fixture.records("gmina")
            let adoption = "home-visiting"
            try await records.write((1...3).map { HouseholdRecord(code: "H-\($0)", area: "centrum", size: 1) })
            try await records.write([
                PersonRecord(code: "M-1", household: "H-1", birthYear: 2005, relation: "head", flags: ["first-pregnancy"]),
                PersonRecord(code: "M-2", household: "H-2", birthYear: 2004, relation: "head", flags: ["first-pregnancy"]),
                PersonRecord(code: "M-3", household: "H-3", birthYear: 2003, relation: "head", flags: ["first-pregnancy"]),
                PersonRecord(code: "C-3", household: "H-3", birthYear: 2024, relation: "child"),
            ])
            // Births expected in September (four months after May) and July (two months after).
            try await records.write([
                EventRecord(person: "M-1", event: "expected-birth", month: "2026-09"), EventRecord(person: "M-2", event: "expected-birth", month: "2026-07"),
                EventRecord(person: "M-3", event: "expected-birth", month: "2026-10"),
            ])
            func enrol(_ household: String) async throws {
                try await records.write([EnrolmentRecord(adoption: adoption, household: household, targetGroup: "first-time-mothers", start: Self.day("2026-05-01"))])
            }
            #expect(
                await refusal { try await enrol("H-2") }?.contains(
                    "household H-2 does not meet 'early-in-pregnancy' (przyjęta najpóźniej 3 miesiące przed porodem), which target group first-time-mothers requires: the enrolment must start at least 3 months before 'expected-birth' (przewidywany termin porodu)"
                ) == true)
            #expect(await refusal { try await enrol("H-3") }?.contains("'no-children-yet' (nie ma jeszcze dzieci), which target group first-time-mothers requires") == true)
            try await enrol("H-1")
            #expect(try await records.count(.enrolments) == 1)

            // Weekly visits from 4 May: fourteen of 75 minutes and one of two hours, all attended.
            try await records.write([StaffRecord(code: "N-1", adoption: adoption, role: "nurse")])
            let visits = (0..<15).map { week in
                SessionRecord(
                    code: "V-\(week)", adoption: adoption, component: "home-visits", date: Day(CalendarDate(year: 2026, month: 5, day: 4).adding(days: 7 * week)),
                    minutes: week == 14 ? 120 : 75,
                    staff: "N-1")
            }
            try await records.write(visits)
            try await records.write(visits.map { AttendanceRecord(session: $0.code, person: "M-1", status: "present") })
            try await records.write([
                OutcomeRecord(adoption: adoption, outcome: "parenting", household: "H-1", date: Self.day("2026-05-02"), occasion: .entry, score: 20),
                OutcomeRecord(adoption: adoption, outcome: "parenting", household: "H-1", date: Self.day("2026-11-20"), occasion: .exit, score: 32),
            ])

            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: adoption, today: CalendarDate(year: 2026, month: 12, day: 1)).first)
            // 214 days since enrolment: 4.35 weekly visits in the first month and 13.2 fortnightly
            // after, 17.5 in all; three quarters of them (13.2) are due, and 15 were attended.
            let visitsDose = try #require(evaluation.fidelity.doses.first { $0.component == "home-visits" })
            #expect(visitsDose.subjects == 1 && visitsDose.adequate == 1)
            #expect(visitsDose.sessionsHeld == 15 && visitsDose.sessionsWithinLength == 14, "the two-hour visit is outside 60–90 minutes")
            let checklist = try #require(evaluation.fidelity.checklist)
            #expect(checklist.map(\.element) == ["enough-families", "weekly-supervision"])
            #expect(checklist.map(\.counts) == [false, true], "one family of a hundred; supervision assessed as in place")
            let competent = try #require(evaluation.indicators.first { $0.id == "parenting-competent" })
            #expect(competent.numerator == 1 && competent.denominator == 1 && competent.status == .met)
            let change = try #require(evaluation.indicators.first { $0.id == "parenting-change" })
            #expect(change.value == 12)
        }
    }
}
