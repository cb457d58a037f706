import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

@testable import Reporting

/// A municipality's report read by goal: each goal of the programme with the verdicts of the
/// indicators that show progress towards it and whether its components were delivered.
@Suite("Evaluation by goal")
struct GoalReportTests {
    @Test func theReportShowsEachGoalWithItsIndicatorsAndComponents() async throws {
        try await TenancyFixture.with(applying: ["bialystok"]) { fixture in
            let records = try await fixture.records("bialystok")
            let adoption = "razem-zmieniamy-jutro"
            let day = { (text: String) in Day.parse(text)! }
            try await records.write([HouseholdRecord(code: "H-1", area: "starosielce-osiedle", size: 4)])
            try await records.write([PersonRecord(code: "P-1", household: "H-1", birthYear: 1980, relation: "head")])
            try await records.write([EnrolmentRecord(adoption: adoption, household: "H-1", targetGroup: "families", start: day("2021-02-01"))])
            try await records.write([
                SessionRecord(code: "S-1", adoption: adoption, component: "family-assistance", activity: "assistant-visit", date: day("2021-03-01"), minutes: 60)
            ])
            try await records.write([AttendanceRecord(session: "S-1", person: "P-1", status: "present")])
            let evaluation = try #require(
                try await Evaluator(records: records).evaluate(adoption: "razem-zmieniamy-jutro", today: CalendarDate(year: 2022, month: 1, day: 10)).first)
            let goals = try #require(evaluation.goals)
            #expect(goals.map(\.id) == ["families-better-off", "community-potential", "youth-independence-skills"])
            #expect(goals[0].indicators == ["families-with-assistance", "families-taking-part", "family-situation"])
            #expect(goals[0].components == ["family-assistance"])

            let html = Reporting.tenantHTML(tenant: try #require(TenancyFixture.shipped.tenant("bialystok")), evaluations: [evaluation])
            #expect(html.contains("<h3>Cele programu</h3>"))
            #expect(html.contains("<td>Poprawa sytuacji rodzin.<br><span class=\"meta\">0 z 2 wskaźników osiągnięto</span></td>"))
            #expect(html.contains("<li>rodziny objęte asystą: 1 – nieosiągnięty</li>"))
            #expect(html.contains("<li>rodziny, których sytuacja się poprawiła: 0,0% – bez wartości docelowej</li>"))
            #expect(html.contains("<li>Asysta rodzinna</li>"), "delivered: one visit")
            #expect(html.contains("<li>Akcje aktywizujące społeczność lokalną (nie zrealizowano)</li>"))
            let text = Reporting.text(evaluation)
            #expect(text.contains("Goals\n  families-better-off: families-with-assistance not-met, families-taking-part not-met, family-situation"))
        }
    }

    @Test func aProgrammeWithoutALogicModelReportsNoGoals() async throws {
        try await TenancyFixture.with(applying: ["warszawa"]) { fixture in
            let records = try await fixture.records("warszawa")
            let evaluation = try #require(
                try await Evaluator(records: records).evaluate(adoption: "praski-kokon", today: CalendarDate(year: 2020, month: 1, day: 10)).first)
            #expect(evaluation.goals == nil)
            #expect(!Reporting.tenantHTML(tenant: try #require(TenancyFixture.shipped.tenant("warszawa")), evaluations: [evaluation]).contains("Cele programu"))
        }
    }
}
