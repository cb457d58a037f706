import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

@testable import Reporting

/// A programme's essential elements as a checklist: one judged from records by an indicator's
/// target, one by the coordinator's self-assessments in the municipality's file; the share in
/// place joins adherence, dose and reach in the fidelity score.
@Suite("Fidelity checklist")
struct FidelityChecklistTests {
    static let catalog = TenancyFixture.shipped(editing: [
        "models/razem-zmieniamy-jutro/1.0.0.yaml": catalogEdit,
        "tenants/bialystok.yaml": {
            $0.replacingOccurrences(
                of: "    targets: {families: 20, groups: 3}\n",
                with: """
                        targets: {families: 20, groups: 3}
                        fidelity_assessments:
                          - {element: staff-supervised, on: 2021-03-31, met: true}
                          - {element: staff-supervised, on: 2021-09-30, met: false}

                    """)
        },
    ])

    @Test func elementsAreJudgedFromRecordsAndSelfAssessmentAndJoinTheScore() async throws {
        #expect(Self.catalog.diagnostics.errors.isEmpty, "\(Self.catalog.diagnostics.errors.map(\.message))")
        try await TenancyFixture.with(applying: ["bialystok"], catalog: Self.catalog) { fixture in
            let records = try await fixture.records("bialystok")
            let evaluator = Evaluator(records: records)
            // Mid-year: March's assessment holds; no family is assisted yet.
            let june = try #require(try await evaluator.evaluate(adoption: "razem-zmieniamy-jutro", today: CalendarDate(year: 2021, month: 6, day: 30)).first)
            let checklist = try #require(june.fidelity.checklist)
            #expect(checklist.map(\.element) == ["assistance-reaches-families", "staff-supervised"])
            #expect(checklist.map(\.counts) == [false, true])
            #expect(checklist[1].assessedOn == CalendarDate(year: 2021, month: 3, day: 31))
            let fidelity = june.fidelity
            let parts = [fidelity.adherence, fidelity.doseMonths, fidelity.doseSessions, fidelity.reach.map { min($0, 1) }, 0.5].compactMap { $0 }
            #expect(abs(fidelity.score - parts.reduce(0, +) / Double(parts.count) * 100) < 1e-9, "the checklist's share is part of the score")
            // After the year: September's assessment says supervision lapsed.
            let year = try #require(try await evaluator.evaluate(adoption: "razem-zmieniamy-jutro", today: CalendarDate(year: 2022, month: 1, day: 10)).first)
            #expect(year.fidelity.checklist?.map(\.counts) == [false, false])

            let html = Reporting.tenantHTML(tenant: try #require(Self.catalog.tenant("bialystok")), evaluations: [june])
            #expect(html.contains("<h3>Lista kontrolna wierności</h3>"))
            #expect(html.contains("<li>kadra objęta superwizją: spełniony (samoocena z 31.03.2021)</li>"))
            #expect(html.contains("<li>asysta obejmuje zaplanowane rodziny: niespełniony (wskaźnik „rodziny objęte asystą” nie osiągnął celu)</li>"))
            #expect(html.contains("<div class=\"meta\">Lista kontrolna</div><div class=\"big\">1 z 2</div>"))
            #expect(Reporting.text(june).contains("  checklist: 1 of 2 essential elements in place"))
        }
    }

    @Test func aSelfAssessmentNamesAnElementToAssessInsideThePeriod() {
        func codes(_ line: String) -> [String] {
            let catalog = TenancyFixture.shipped(editing: [
                "models/razem-zmieniamy-jutro/1.0.0.yaml": Self.catalogEdit,
                "tenants/bialystok.yaml": {
                    $0.replacingOccurrences(
                        of: "    targets: {families: 20, groups: 3}\n", with: "    targets: {families: 20, groups: 3}\n    fidelity_assessments:\n      - \(line)\n")
                },
            ])
            return catalog.diagnostics.sorted.filter { $0.file.hasSuffix("bialystok.yaml") }.map(\.code)
        }
        #expect(codes("{element: staff-supervised, on: 2021-03-31, met: true}").isEmpty)
        #expect(codes("{element: staff-supervisd, on: 2021-03-31, met: true}") == ["unknown-fidelity-element"])
        #expect(codes("{element: assistance-reaches-families, on: 2021-03-31, met: true}") == ["unknown-fidelity-element"], "decided by its indicator")
        #expect(codes("{element: staff-supervised, on: 2023-03-31, met: true}") == ["assessment-outside-period"])
    }

    static let catalogEdit: @Sendable (String) -> String = {
        $0.replacingOccurrences(
            of: "release:\n",
            with: """
                fidelity_checklist:
                  - {id: assistance-reaches-families, name: asysta obejmuje zaplanowane rodziny, assessed: records, indicator: families-with-assistance}
                  - {id: staff-supervised, name: kadra objęta superwizją, assessed: self}
                release:

                """)
    }
}
