import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

@testable import Reporting

/// An outcome measured with an instrument: each measurement is recorded with its occasion and
/// score, checked against the programme's scale; the share counts subjects whose latest score
/// after entry reaches success, and the change averages each subject's gain from entry.
@Suite("Outcomes measured with an instrument")
struct OutcomeMeasurementTests {
    static func day(_ text: String) -> Day { Day.parse(text)! }

    /// Razem zmieniamy jutro with its families' situation scored 0–10, success from 7, at entry,
    /// exit and six months after, and a change indicator beside the share.
    static let catalog = TenancyFixture.shipped(editing: "models/razem-zmieniamy-jutro/1.0.0.yaml") {
        $0.replacingOccurrences(
            of: "    unit: family\n    goals: [families-better-off]\n",
            with: """
                    unit: family
                    goals: [families-better-off]
                    measurement:
                      instrument: {pl: skala oceny sytuacji rodziny (przykład)}
                      scale: {min: 0, max: 10}
                      success: {at_least: 7}
                      when: [entry, exit, follow-up]
                      follow_up: 6 months
                      rated_by: family-assistant

                """
        ).replacingOccurrences(
            of: "    measure: {type: share, subject: families, outcome: family-situation-improved}\n",
            with: """
                    measure: {type: share, subject: families, outcome: family-situation-improved}
                  - id: family-situation-change
                    name: zmiana oceny sytuacji rodziny
                    kind: result
                    measure: {type: change, subject: families, outcome: family-situation-improved}
                    target: {direction: increase}

                """)
    }

    @Test func scoresAreCheckedAndTheEvaluationCountsSuccessesAndGains() async throws {
        #expect(Self.catalog.diagnostics.errors.isEmpty, "\(Self.catalog.diagnostics.errors.map(\.message))")
        try await TenancyFixture.with(applying: ["bialystok"], catalog: Self.catalog) { fixture in
            let records = try await fixture.records("bialystok")
            let adoption = "razem-zmieniamy-jutro"
            let outcome = "family-situation-improved"
            try await records.write((1...4).map { HouseholdRecord(code: "H-\($0)", area: "starosielce-osiedle", size: 3) })
            try await records.write((1...4).map { PersonRecord(code: "P-\($0)", household: "H-\($0)", birthYear: 1980, relation: "head") })
            try await records.write(
                (1...4).map { EnrolmentRecord(adoption: adoption, household: "H-\($0)", targetGroup: "families", start: Self.day("2021-02-01")) })
            func measured(_ household: String, _ date: String, _ occasion: MeasurementOccasion?, _ score: Decimal?) -> OutcomeRecord {
                OutcomeRecord(adoption: adoption, outcome: outcome, household: household, date: Self.day(date), occasion: occasion, score: score)
            }

            // Each refusal names what is wrong and writes nothing.
            let refused: [(OutcomeRecord, String)] = [
                (
                    measured("H-1", "2021-02-05", .entry, nil),
                    "score is empty; outcome 'family-situation-improved' (poprawa sytuacji rodziny) is scored with skala oceny sytuacji rodziny (przykład) from 0 to 10; give the score"
                ),
                (measured("H-1", "2021-02-05", .entry, 11), "score 11 of outcome 'family-situation-improved' (poprawa sytuacji rodziny) is off its scale, 0 to 10"),
                (
                    measured("H-1", "2021-02-05", nil, 4),
                    "occasion is empty; outcome 'family-situation-improved' (poprawa sytuacji rodziny) is measured with skala oceny sytuacji rodziny (przykład) at: entry, exit, follow-up; say at which"
                ),
                (
                    OutcomeRecord(adoption: adoption, outcome: "independence-skills-gained", person: "P-1", date: Self.day("2021-05-05"), score: 3),
                    "score '3' does not apply: outcome 'independence-skills-gained' (umiejętności do samodzielnego życia) is observed on a day, not measured with an instrument; leave occasion and score empty"
                ),
            ]
            for (record, reason) in refused {
                let why = await refusal { try await records.write([record]) }
                #expect(why?.contains(reason) == true, "\(why ?? "written")")
            }
            let text = await refusal {
                _ = try await records.write(
                    .outcomes, [["adoption": adoption, "outcome": outcome, "household": "H-1", "date": "2021-02-05", "occasion": "start", "score": "dużo"]])
            }
            #expect(text?.contains("occasion 'start' must be one of: entry, exit, follow-up") == true, "\(text ?? "written")")
            #expect(try await records.count(.outcomes) == 0)

            // H-1 reaches success at exit; H-2 gains too little; H-3 reached it at exit but fell
            // back by the follow-up, which is the latest score; H-4 is not measured.
            try await records.write([
                measured("H-1", "2021-02-05", .entry, 4), measured("H-1", "2021-09-30", .exit, 8),
                measured("H-2", "2021-02-05", .entry, 5), measured("H-2", "2021-09-30", .exit, 6),
                measured("H-3", "2021-02-05", .entry, 3), measured("H-3", "2021-09-30", .exit, 9), measured("H-3", "2021-12-20", .followUp, 6),
            ])
            try await records.write(.outcomes, [["adoption": adoption, "outcome": outcome, "household": "H-4", "date": "2021-03-01", "occasion": "entry", "score": "5,5"]])
            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: adoption, today: CalendarDate(year: 2022, month: 1, day: 10)).first)
            let values = Dictionary(uniqueKeysWithValues: evaluation.indicators.map { ($0.id, $0) })
            let share = try #require(values["family-situation"])
            #expect(share.value == 25 && share.numerator == 1 && share.denominator == 4, "only H-1's latest score reaches 7")
            #expect(share.note == .scoredSuccesses(measured: 3, of: 4))
            let change = try #require(values["family-situation-change"])
            // Gains 4, 1 and 3 (H-3's latest is the follow-up 6); H-4 has no later score.
            #expect(change.value == Decimal(string: "2.7"))
            #expect(change.note == .scoreMeans(subjects: 3, entry: 4, later: Decimal(string: "6.7")!))
            #expect(change.status == .met)
            #expect(
                Reporting.sentence(change.note!, names: [:]).pl == "średni wynik 3 uczestników zmierzonych na początku i później: 4,0 → 6,7 pkt")
        }
    }
}
