import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// A component's dose as data: the length of a session, the sessions expected and the share
/// of them that is enough, evaluated against what was recorded (the records of
/// ``EvaluationTests``, worked out by hand below).
@Suite("Dose: session length and adequate sessions")
struct DoseTests {
    /// Toruń's programme with a dose stated for two of its components (or `education` in
    /// place of family education's).
    static func catalog(education: String = "    session_minutes: {min: 60, max: 90}\n    expected_sessions: 2\n    adequate_share: 50%\n") -> ModelCatalog {
        TenancyFixture.shipped(editing: "wygrana-rodzina/1.0.0.yaml") { text in
            text.replacingOccurrences(of: "  - id: family-education\n", with: "  - id: family-education\n" + education)
                .replacingOccurrences(
                    of: "  - id: neighbourhood-self-help\n",
                    with: "  - id: neighbourhood-self-help\n    session_minutes: {min: 90, max: 120}\n    minimum_sessions: 1\n")
        }
    }

    @Test func eachComponentIsMeasuredAgainstItsStatedDose() async throws {
        let catalog = Self.catalog()
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map { catalog.render($0) })")
        let programme = try #require(catalog.programme("wygrana-rodzina@1.0.0"))
        #expect(programme.component("family-education")?.adequateSessions == 1, "50% of 2 sessions")
        let handbook = Handbook(programme).markdown
        #expect(handbook.contains("- Długość spotkania: 60–90 minut"))
        #expect(handbook.contains("- Oczekiwana dawka: 2 spotkania na uczestnika w całym udziale"))
        #expect(handbook.contains("- Dawka wystarczająca: co najmniej 1 spotkanie (50% oczekiwanych)"))

        try await TenancyFixture.with(applying: ["torun"], catalog: catalog) { fixture in
            let records = try await fixture.records("torun")
            try await EvaluationTests.load(records)
            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: "wygrana-rodzina", today: EvaluationTests.today).first)
            let fidelity = evaluation.fidelity
            let doses = Dictionary(uniqueKeysWithValues: fidelity.doses.map { ($0.component, $0) })
            #expect(doses.keys.sorted() == ["family-education", "neighbourhood-self-help"])

            // S-1 (family education, 90 minutes) is within 60–90; H-1 attended it (P-1 present).
            // Due by now: H-1 all of 1 session (18 of 18 months), H-2 11/18, H-3 8/18 of it.
            let education = try #require(doses["family-education"])
            #expect(education.sessionsHeld == 1 && education.sessionsWithinLength == 1)
            #expect(education.subjects == 3 && education.adequate == 1)
            // S-2 (self-help, 60 minutes) is shorter than 90; H-1 (P-1) and H-2 (P-3) attended it.
            let selfHelp = try #require(doses["neighbourhood-self-help"])
            #expect(selfHelp.sessionsHeld == 1 && selfHelp.sessionsWithinLength == 0)
            #expect(selfHelp.adequate == 2)

            #expect(fidelity.doseSessions == (1.0 / 3 + 2.0 / 3) / 2)
            let parts = [0.5, fidelity.doseMonths!, 0.5, 3.0 / 60]
            #expect(abs(fidelity.score - parts.reduce(0, +) / 4 * 100) < 1e-9)

        }
    }

    /// With a schedule, each household is due the adequate share of the sessions the schedule
    /// held since its enrolment: monthly in the first month, then yearly; 40% is enough.
    @Test func aScheduleSetsWhatIsDueByTheDaysSinceEnrolment() async throws {
        let catalog = Self.catalog(education: "    schedule:\n      - {until: 1 month, every: 1 month}\n      - {every: 1 year}\n    adequate_share: 40%\n")
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map { catalog.render($0) })")
        try await TenancyFixture.with(applying: ["torun"], catalog: catalog) { fixture in
            let records = try await fixture.records("torun")
            try await EvaluationTests.load(records)
            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: "wygrana-rodzina", today: EvaluationTests.today).first)
            #expect(evaluation.fidelity.subjects.map(\.days) == [549, 334, 267])
            // Due: H-1 0.4 × (1 + 518.6 / 365.2) = 0.97, attended 1; H-2 0.4 × 1.83 = 0.73 and
            // H-3 0.4 × 1.65 = 0.66, attended none.
            let education = try #require(evaluation.fidelity.doses.first { $0.component == "family-education" })
            #expect(education.scheduledShare == 0.4 && education.adequateSessions == nil)
            #expect(education.subjects == 3 && education.adequate == 1)
            #expect(education.sessionsWithinLength == nil, "no length stated")
        }
    }

    /// A schedule counted from an event (a child's birth, recorded to the month) times its
    /// steps from the event: a household enrolled years after the birth is past the weekly
    /// first month and due only the yearly sessions. Without the event recorded, the schedule
    /// is counted from enrolment.
    @Test func aScheduleCountedFromAnEventIsTimedFromItsMonth() async throws {
        let schedule = "    schedule:\n      - {until: 1 month, every: 1 week}\n      - {every: 1 year}\n    schedule_from: child-birth\n    adequate_share: 40%\n"
        func catalog(_ edit: @escaping @Sendable (String) -> String = { $0 }) -> ModelCatalog {
            TenancyFixture.shipped(editing: "wygrana-rodzina/1.0.0.yaml") { text in
                edit(
                    text.replacingOccurrences(of: "  - id: family-education\n", with: "  - id: family-education\n" + schedule).replacingOccurrences(
                        of: "target_groups:\n",
                        with: """
                              - id: young-child
                                name: {pl: dziecko do 3 lat (przykład)}
                                type: window
                                window: {event: child-birth, event_name: narodziny dziecka, at_most: 3 years}
                            target_groups:

                            """))
            }
        }
        let shipped = catalog()
        #expect(shipped.diagnostics.errors.isEmpty, "\(shipped.diagnostics.errors.map { shipped.render($0) })")
        let handbook = Handbook(try #require(shipped.programme("wygrana-rodzina@1.0.0"))).markdown
        #expect(handbook.contains("- Harmonogram od zdarzenia „narodziny dziecka” (bez niego zapisanego: od przyjęcia): do 1 miesiąca co tydzień; potem co rok"), "\(handbook)")
        #expect(
            catalog { $0.replacingOccurrences(of: "schedule_from: child-birth", with: "schedule_from: child-brith") }.diagnostics.errors.map(\.code).filter {
                $0 != "unknown-model"
            } == ["unknown-reference"], "the tenants adopting it say so too")
        #expect(
            catalog { $0.replacingOccurrences(of: "    schedule:\n      - {until: 1 month, every: 1 week}\n      - {every: 1 year}\n", with: "    expected_sessions: 4\n") }
                .diagnostics.errors.map(\.code).filter { $0 != "unknown-model" } == ["schedule-from-without-schedule"])

        try await TenancyFixture.with(applying: ["torun"], catalog: shipped) { fixture in
            let records = try await fixture.records("torun")
            try await EvaluationTests.load(records)
            func education() async throws -> ComponentDose {
                let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: "wygrana-rodzina", today: EvaluationTests.today).first)
                return try #require(evaluation.fidelity.doses.first { $0.component == "family-education" })
            }
            // From enrolment, H-1 is due 0.4 × (4.35 weekly + 1.42 yearly) = 2.3 sessions and attended 1.
            #expect(try await education().adequate == 0)
            // Its child was born in September 2014, almost ten years before: 0.4 × 549 / 365.2 = 0.6 due.
            try await records.write([EventRecord(person: "P-2", event: "child-birth", month: "2014-09")])
            #expect(try await education().adequate == 1)
        }
    }
}
