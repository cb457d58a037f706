import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// Hand-built records for Toruń's "Wygrana Rodzina" (minimum 18 months, an individual
/// development plan for every child in the talent academy, one campaign, debate or local event
/// per network per year), with the right answers worked out by hand below.
@Suite("Evaluation: rules, indicators, fidelity")
struct EvaluationTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)
    static func day(_ text: String) -> Day { Day.parse(text)! }

    static func load(_ records: CaseRecords) async throws {
        try await records.write([
            HouseholdRecord(code: "H-1", area: "mokre", size: 2), HouseholdRecord(code: "H-2", area: "mokre", size: 1),
            HouseholdRecord(code: "H-3", area: "podgorz", size: 2), HouseholdRecord(code: "H-4", area: "podgorz", size: 1),
        ])
        try await records.write([
            PersonRecord(code: "P-1", household: "H-1", birthYear: 1985, relation: "head"),
            PersonRecord(code: "P-2", household: "H-1", birthYear: 2014, relation: "child"),
            PersonRecord(code: "P-3", household: "H-2", birthYear: 1990, relation: "head"),
            PersonRecord(code: "P-4", household: "H-3", birthYear: 2015, relation: "child"),
            PersonRecord(code: "P-5", household: "H-4", birthYear: 1970, relation: "head"),
        ])
        try await records.write([
            // Exactly 18 months: 2024-07-01 up to and including 2025-12-31.
            EnrolmentRecord(adoption: "wygrana-rodzina", household: "H-1", targetGroup: "families", start: day("2024-07-01"), end: day("2025-12-31"), exitReason: "completed"),
            // 11 months, then dropped out: 7 short.
            EnrolmentRecord(adoption: "wygrana-rodzina", household: "H-2", targetGroup: "families", start: day("2024-08-01"), end: day("2025-06-30"), exitReason: "dropped-out"),
            // Still taking part, but only 16 months remain before the adoption ends on 2027-06-30.
            EnrolmentRecord(adoption: "wygrana-rodzina", household: "H-3", targetGroup: "families", start: day("2026-03-01")),
        ])
        try await records.write([
            EnrolmentRecord(adoption: "wygrana-rodzina", person: "P-2", targetGroup: "children-and-youth", start: day("2024-09-01")),
            EnrolmentRecord(adoption: "wygrana-rodzina", person: "P-4", targetGroup: "children-and-youth", start: day("2026-03-15")),
        ])
        try await records.write([PlanRecord(code: "IPR-1", adoption: "wygrana-rodzina", plan: "individual-development-plan", person: "P-2", drawnUp: day("2024-10-01"))])
        try await records.write([NetworkRecord(code: "LSW-1", adoption: "wygrana-rodzina", network: "local-support-system", formed: day("2024-07-15"))])
        try await records.write([NetworkActionRecord(code: "NA-1", network: "LSW-1", actionType: "campaign", date: day("2024-10-01"))])
        try await records.write([
            SessionRecord(code: "S-1", adoption: "wygrana-rodzina", component: "family-education", activity: "parent-workshop", date: day("2024-09-10"), minutes: 90),
            SessionRecord(code: "S-2", adoption: "wygrana-rodzina", component: "neighbourhood-self-help", activity: "family-circle", date: day("2025-01-10"), minutes: 60),
        ])
        try await records.write([
            AttendanceRecord(session: "S-1", person: "P-1", status: "present"), AttendanceRecord(session: "S-1", person: "P-2", status: "excused"),
            AttendanceRecord(session: "S-2", person: "P-1", status: "present"), AttendanceRecord(session: "S-2", person: "P-3", status: "present"),
        ])
        try await records.write([OutcomeRecord(adoption: "wygrana-rodzina", outcome: "participation-completed", household: "H-1", date: day("2025-12-31"))])
    }

    @Test func wholeAdoption() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            try await Self.load(records)
            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: "wygrana-rodzina", today: Self.today).first)
            #expect(evaluation.asOf == CalendarDate(year: 2026, month: 11, day: 22))

            // Rules.
            #expect(evaluation.rulesChecked[.minimumParticipation] == 3)
            let participation = evaluation.findings.filter { $0.rule == .minimumParticipation }
            #expect(participation.map(\.entity) == ["H-2", "H-3"])
            #expect(participation.map(\.shortfall) == [7, 2])
            #expect(
                participation[0].facts
                    == .participationEnded(
                        start: CalendarDate(year: 2024, month: 8, day: 1), end: CalendarDate(year: 2025, month: 6, day: 30), months: 11, minimum: 18))
            #expect(evaluation.rulesChecked[.networkObligation] == 2, "2024 and 2025 have ended; 2026 has not")
            let network = evaluation.findings.filter { $0.rule == .networkObligation }.map(\.facts)
            #expect(network == [.networkActions(year: 2025, held: 0, minimum: 1, actionTypes: [])], "the kinds are examples: any kind counts")
            let plans = evaluation.findings.filter { $0.rule == .requiredPlan }
            #expect(plans.map(\.entity) == ["P-4"])
            guard case .missingPlan(_, _, let plan)? = plans.first?.facts else {
                Issue.record("expected a missing plan, got \(plans)")
                return
            }
            #expect(plan == "individual-development-plan" && evaluation.names[plan] != nil, "a report can name the plan as the programme does")
            #expect(evaluation.rulesChecked[.requiredPlan] == 2)

            // Indicators.
            let values = Dictionary(uniqueKeysWithValues: evaluation.indicators.map { ($0.id, $0) })
            #expect(values["families-enrolled"]?.value == 3)
            #expect(values["eighteen-month-completion"]?.numerator == 1 && values["eighteen-month-completion"]?.denominator == 3)
            #expect(values["eighteen-month-completion"]?.value == Decimal(string: "33.3"))
            #expect(values["eighteen-month-completion"]?.status == .notMet)
            #expect(values["eighteen-month-completion"]?.target == LocalizedText(pl: "co najmniej 100%", en: "at least 100%"))
            #expect(values["children-with-development-plan"]?.value == 50 && values["children-with-development-plan"]?.status == .notMet)
            // One action of one network over 875 days: 0.42 a year, against at least 1.
            #expect(values["network-actions-per-year"]?.value == Decimal(string: "0.42"))
            #expect(values["network-actions-per-year"]?.status == .notMet)

            // Fidelity: 2 of 4 core components delivered; months 18, 11 and 8 of 18; 3 of 60 families.
            let fidelity = evaluation.fidelity
            #expect(fidelity.coreComponentsDelivered == 2 && fidelity.coreComponents == 4)
            #expect(fidelity.missingComponents == ["specialist-work", "talent-academy"])
            #expect(fidelity.subjects.map(\.months) == [18, 11, 8])
            #expect(fidelity.subjects.map(\.sessions) == [2, 1, 0], "present only; excused does not count")
            #expect(fidelity.subjects.map(\.completed) == [true, false, false])
            #expect(abs(fidelity.doseMonths! - (1 + 11.0 / 18 + 8.0 / 18) / 3) < 1e-9)
            #expect(fidelity.reach == 3.0 / 60)
            #expect(abs(fidelity.score - (0.5 + (1 + 11.0 / 18 + 8.0 / 18) / 3 + 3.0 / 60) / 3 * 100) < 1e-9)
            #expect(evaluation.adaptations.map(\.summary) == ["adds activity yard-picnic to neighbourhood-self-help"])
        }
    }

    @Test func oneYearAndAPeriodWithNoData() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            try await Self.load(records)
            let evaluator = Evaluator(records: records)
            let year2025 = try #require(try await evaluator.evaluate(adoption: "wygrana-rodzina", year: 2025, today: Self.today).first)
            #expect(
                year2025.period.label == "2025" && year2025.period.start == CalendarDate(year: 2025, month: 1, day: 1)
                    && year2025.period.end == CalendarDate(year: 2025, month: 12, day: 31))
            #expect(year2025.fidelity.coreComponentsDelivered == 1, "only the self-help session was in 2025")
            #expect(year2025.indicators.first { $0.id == "families-enrolled" }?.value == 2, "H-1 and H-2 took part in 2025; H-3 started in 2026")

            // Aktywne włączenie: adopted, nothing recorded.
            let empty = try #require(try await evaluator.evaluate(adoption: "aktywne-wlaczenie-torun", today: Self.today).first)
            // Nothing recorded: every quota is unfilled, and nothing else can fail.
            #expect(empty.findings.map(\.rule) == [.quota, .quota, .quota])
            #expect(empty.findings.map(\.shortfall) == [32, 32, 16])
            #expect(empty.fidelity.enrolled == 0 && empty.fidelity.coreComponentsDelivered == 0 && empty.fidelity.reach == 0)
            let social = try #require(empty.indicators.first { $0.id == "social-effectiveness" })
            #expect(social.value == nil && social.status == .noData && social.note == .nobodyToCount)
            #expect(social.target?.pl == "co najmniej 34%")
            #expect(empty.indicators.first { $0.id == "participants-supported" }?.status == .notMet)
        }
    }
}
