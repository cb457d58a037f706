import Foundation
import Testing

@testable import Templates

/// A home-visiting programme written by a methodologist from the guide alone: visits weekly
/// in the first month, every other week until month 21, monthly after; each visit 60–90
/// minutes; three quarters of the scheduled visits are enough. Illustrative, not a seed.
@Suite("A home-visiting programme with phases of delivery")
struct HomeVisitingTemplateTests {
    static let template = """
        id: home-visiting
        version: 1.0.0
        name: {pl: Wizyty domowe (przykład), en: Home visiting (illustrative)}
        participation:
          unit: family
          minimum_duration: 2 years
        roles:
          - id: nurse
            name: {pl: pielęgniarka środowiskowa, en: community nurse}
            caseload: {max: 25, unit: family}
        target_groups:
          - id: first-time-mothers
            name: {pl: matki po raz pierwszy, en: first-time mothers}
            unit: family
            age: {min: 15, max: 24, unit: years}
        components:
          - id: home-visits
            name: {pl: Wizyty domowe, en: Home visits}
            roles: [nurse]
            schedule:
              - {name: {pl: faza intensywna}, until: 1 month, every: 1 week}
              - {until: 21 months, every: 2 weeks}
              - {every: 1 month}
            session_minutes: {min: 60, max: 90}
            adequate_share: 75%
        indicators:
          - id: families
            name: rodziny objęte wizytami
            kind: output
            measure: {type: count, subject: families}
        release:
          status: draft

        """

    @Test func itLintsCleanAndTheHandbookPrintsEveryPhase() throws {
        let catalog = Fixtures.catalog([("home-visiting.yaml", Self.template)])
        #expect(catalog.diagnostics.all.isEmpty, "\(Fixtures.headlines(catalog))")
        let programme = try #require(catalog.programme("home-visiting@1.0.0"))
        let visits = try #require(programme.component("home-visits"))
        #expect(visits.schedule?.count == 3 && visits.scheduledShare == 0.75)
        let handbook = Handbook(programme).markdown
        #expect(
            handbook.contains(
                "- Harmonogram od przyjęcia: do 1 miesiąca co tydzień (faza intensywna); do 21 miesięcy co 2 tygodnie; potem co miesiąc"))
        #expect(handbook.contains("- Długość spotkania: 60–90 minut"))
        #expect(handbook.contains("wiek od 15 do 24 lat"))
        #expect(handbook.contains("| Wersja | robocza – jeszcze nie do wdrożenia w gminach |"))
    }

    @Test func theScheduleCountsTheVisitsDueSinceEnrolment() throws {
        let catalog = Fixtures.catalog([("home-visiting.yaml", Self.template)])
        let schedule = try #require(catalog.programme("home-visiting@1.0.0")?.component("home-visits")?.schedule)
        let month = Duration(amount: 1, unit: .month).approximateDays
        // Two weeks in: two weekly visits.
        #expect(abs(schedule.sessions(inFirst: 14) - 2) < 1e-9)
        // After the first month: a month of weekly visits.
        #expect(abs(schedule.sessions(inFirst: month) - month / 7) < 1e-9)
        // Two years in: a month weekly, 20 months fortnightly, 3 months monthly.
        let twoYears = Duration(amount: 2, unit: .year).approximateDays
        let expected = month / 7 + 20 * month / 14 + (twoYears - 21 * month) / month
        #expect(abs(schedule.sessions(inFirst: twoYears) - expected) < 1e-9)
        #expect(schedule.sessions(inFirst: 0) == 0)
    }

    @Test func aScheduleIsCheckedStepByStep() {
        func codes(_ schedule: String, extra: String = "") -> [String] {
            let text = Self.template.replacingOccurrences(
                of: """
                        schedule:
                          - {name: {pl: faza intensywna}, until: 1 month, every: 1 week}
                          - {until: 21 months, every: 2 weeks}
                          - {every: 1 month}

                    """, with: "    schedule:\n" + schedule + extra)
            return Fixtures.catalog([("home-visiting.yaml", text)]).diagnostics.sorted.map(\.code)
        }
        #expect(codes("      - {until: 1 month, every: 1 week}\n      - {every: 1 month}\n").isEmpty)
        #expect(codes("      - {every: 1 week}\n      - {every: 1 month}\n") == ["schedule-open-step"])
        #expect(codes("      - {until: 6 months, every: 1 week}\n      - {until: 2 months, every: 1 month}\n") == ["schedule-order"])
        #expect(codes("      - {until: 1 week, every: 1 month}\n      - {every: 1 month}\n") == ["schedule-step-too-short"])
        #expect(codes("      - {every: 1 week}\n", extra: "    cadence: {times: 1, per: week}\n") == ["schedule-and-cadence"])
        #expect(codes("      - {until: 1 month}\n").count == 1, "every step says how often")
    }
}
