import Foundation
import Testing

@testable import Templates

/// A home-visiting programme written by a methodologist from the guide alone: visits weekly
/// in the first month, every other week until month 21, monthly after; each visit 60–90
/// minutes; three quarters of the scheduled visits are enough. Illustrative, not a seed.
@Suite("A home-visiting programme with phases of delivery")
struct HomeVisitingTemplateTests {
    /// The template, in `Tests/Programmes/home-visiting.yaml`.
    static let template = try! String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Programmes/home-visiting.yaml"),
        encoding: .utf8)

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
        #expect(handbook.contains("Warunki przyjęcia, sprawdzane przy zapisie do grupy:"))
        #expect(handbook.contains("## Lista kontrolna wierności"))
        #expect(handbook.contains("| program obejmuje zaplanowaną liczbę rodzin | z zapisów: wskaźnik „rodziny objęte wizytami” osiąga cel |"))
        #expect(handbook.contains("| cotygodniowa superwizja pielęgniarek | samoocena koordynatora, zapisywana w pliku gminy |"))
        #expect(handbook.contains("- spełnia: pierwsza ciąża (zaznaczone u osoby)"))
        #expect(handbook.contains("- spełnia: nie ma jeszcze dzieci (bez dzieci w gospodarstwie)"))
        #expect(handbook.contains("- nie spełnia: w innym programie wizyt domowych (zaznaczone u osoby)"))
        #expect(
            handbook.contains(
                "- spełnia: przyjęta najpóźniej 3 miesiące przed porodem (zapis co najmniej 3 miesiące przed zdarzeniem „przewidywany termin porodu”, miesiąc zapisany u osoby)"
            ), "\(handbook)")
        #expect(handbook.contains("| Wersja | robocza – jeszcze nie do wdrożenia w gminach |"))
        #expect(
            handbook.contains(
                "| kompetencje rodzicielskie | rodzina |  | skala kompetencji rodzicielskich (przykład); skala 0–40 pkt; sukces: co najmniej 30 pkt; mierzona: na początku udziału, na zakończenie udziału, 6 miesięcy po zakończeniu udziału; ocenia: pielęgniarka środowiskowa |"
            ), "\(handbook)")
        #expect(handbook.contains("Kwalifikacje: prawo wykonywania zawodu pielęgniarki"))
        #expect(
            handbook.contains(
                "Szkolenie: szkolenie wprowadzające z programu (40 godzin); superwizja: 60 min w tygodniu; jeden superwizor pielęgniarek na najwyżej 8 osób w tej roli"
            ))
    }

    @Test func aSupervisionRatioIsCheckedInTheTemplateAndInEachStaffPlan() throws {
        let selfSupervised = Self.template.replacingOccurrences(of: "supervised_by: {role: nurse-supervisor", with: "supervised_by: {role: nurse")
        #expect(Fixtures.catalog([("home-visiting.yaml", selfSupervised)]).diagnostics.sorted.map(\.code) == ["ratio-self"])
        let unknown = Self.template.replacingOccurrences(of: "supervised_by: {role: nurse-supervisor", with: "supervised_by: {role: supervisor")
        #expect(Fixtures.catalog([("home-visiting.yaml", unknown)]).diagnostics.sorted.map(\.code) == ["unknown-reference"])
        // Nine nurses need two supervisors; a plan with one is warned about, with what to add.
        func tenant(_ supervisors: Int) -> String {
            """
            id: gmina
            name: Gmina Przykładowa
            teryt: "0463011"
            voivodeship: kujawsko-pomorskie
            example: true
            areas: [{id: centrum, name: Centrum}]
            adoptions:
              - model: home-visiting@1.0.0
                period: {start: 2027-01-01, end: 2028-12-31}
                staff:
                  - {role: nurse, count: 9}
                  - {role: nurse-supervisor, count: \(supervisors)}

            """
        }
        let short = Fixtures.catalog([("home-visiting.yaml", Self.template)], tenants: [("gmina.yaml", tenant(1))])
        let warnings = short.diagnostics.warnings.filter { $0.code == "staff-ratio" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message == "9 × 'nurse' need at least 2 × 'nurse-supervisor' (one for at most 8), but the plan has 1")
        #expect(warnings.first?.hint?.contains("- {role: nurse-supervisor, count: 2}") == true)
        let enough = Fixtures.catalog([("home-visiting.yaml", Self.template)], tenants: [("gmina.yaml", tenant(2))])
        #expect(!enough.diagnostics.all.contains { $0.code == "staff-ratio" })
    }

    @Test func eligibilityRulesAreCheckedForConsistency() {
        func codes(_ edit: (String) -> String) -> [String] {
            Fixtures.catalog([("home-visiting.yaml", edit(Self.template))]).diagnostics.sorted.map(\.code)
        }
        #expect(codes { $0.replacingOccurrences(of: "excludes: [in-other-home-visiting]", with: "excludes: [first-pregnancy]") } == ["eligibility-contradiction"])
        #expect(codes { $0.replacingOccurrences(of: "    count: {of: children, at_most: 0}\n", with: "") } == ["criterion-incomplete"])
        #expect(codes { $0.replacingOccurrences(of: "    type: count\n", with: "") } == ["criterion-incomplete"])
        #expect(codes { $0.replacingOccurrences(of: "{of: children, at_most: 0}", with: "{of: children}") } == ["criterion-incomplete"])
        #expect(codes { $0.replacingOccurrences(of: "{of: children, at_most: 0}", with: "{of: children, at_least: 3, at_most: 1}") } == ["order"])
        #expect(codes { $0.replacingOccurrences(of: "{of: children, at_most: 0}", with: "{of: pets, at_most: 0}") } == ["invalid-value"])
        #expect(codes { $0.replacingOccurrences(of: "requires: [first-pregnancy", with: "requires: [first-pregnancy-x") } == ["unknown-reference"])
        // A window: its event, a bound, in whole months (events are kept to the month), in order.
        let window = "{event: expected-birth, event_name: {pl: przewidywany termin porodu, en: expected birth}, side: before, at_least: 3 months}"
        #expect(codes { $0.replacingOccurrences(of: "    window: \(window)\n", with: "") } == ["criterion-incomplete"])
        #expect(codes { $0.replacingOccurrences(of: "    type: window\n", with: "") } == ["criterion-incomplete"])
        #expect(codes { $0.replacingOccurrences(of: ", at_least: 3 months}", with: "}") } == ["criterion-incomplete"])
        #expect(codes { $0.replacingOccurrences(of: "at_least: 3 months}", with: "at_least: 12 weeks}") } == ["window-unit"])
        #expect(codes { $0.replacingOccurrences(of: "at_least: 3 months}", with: "at_least: 6 months, at_most: 2 months}") } == ["order"])
        #expect(codes { $0.replacingOccurrences(of: "side: before", with: "side: during") } == ["invalid-value"])
        #expect(codes { $0.replacingOccurrences(of: "    indicator: families\n", with: "") } == ["checklist-incomplete"])
        #expect(codes { $0.replacingOccurrences(of: "    assessed: self\n", with: "    assessed: self\n    indicator: families\n") } == ["checklist-incomplete"])
    }

    @Test func anOutcomeMeasurementIsCheckedForConsistency() {
        func codes(_ from: String, _ to: String) -> [String] {
            Fixtures.catalog([("home-visiting.yaml", Self.template.replacingOccurrences(of: from, with: to))]).diagnostics.sorted.map(\.code)
        }
        #expect(codes("scale: {min: 0, max: 40}", "scale: {min: 40, max: 40}") == ["measurement-incomplete"])
        #expect(codes("success: {at_least: 30}", "success: {at_least: 45}") == ["measurement-incomplete"], "off the scale")
        #expect(codes("success: {at_least: 30}", "success: {at_least: 30%}") == ["measurement-incomplete"], "a percentage is not a score")
        #expect(codes("success: {at_least: 30}", "success: {at_least: 30, at_most: 20}") == ["order"])
        #expect(codes("success: {at_least: 30}", "success: {}") == ["measurement-incomplete"])
        #expect(codes("      follow_up: 6 months\n", "") == ["measurement-incomplete"], "a follow-up says when")
        #expect(codes("when: [entry, exit, follow-up]", "when: [entry, exit]") == ["measurement-incomplete"], "a delay without a follow-up")
        #expect(codes("      scale: {min: 0, max: 40}\n", "") == ["measurement-incomplete"], "success without a scale")
        #expect(codes("      success: {at_least: 30}\n", "") == ["measurement-incomplete"], "a share of a scored outcome needs success")
        #expect(codes("when: [entry, exit, follow-up]", "when: [exit, follow-up]") == ["measurement-incomplete"], "a change needs an entry score")
        #expect(codes("rated_by: nurse", "rated_by: nurze") == ["unknown-reference"])
        #expect(codes("when: [entry, exit, follow-up]", "when: [entry, exit, follow-up, later]") == ["invalid-value"])
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
