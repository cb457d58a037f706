import Foundation
import Testing

@testable import Templates

/// What the seed programmes' sources state, written so it is measured as stated: groups counted
/// as groups, a rate compared as a rate, an open list of examples, the instruments and local
/// programmes a project was carried out through, and a source's own inconsistency noted.
@Suite("Facts as the sources state them")
struct SeedFactTests {
    static func codes(_ text: String) -> [String] {
        Fixtures.catalog([("a.yaml", text)]).diagnostics.sorted.map(\.code)
    }

    static func with(indicator measure: String, extra: String = "") -> String {
        Fixtures.valid + """
              - id: extra
                name: dodatkowy
                kind: result
                measure: \(measure)

            """ + extra
    }

    @Test func aRateIsOnlyAChangeOfAnOutcome() {
        let outcome = "outcomes:\n  - {id: placed, name: umieszczenie, unit: child}\n"
        #expect(Self.codes(Self.with(indicator: "{type: change, subject: children, outcome: placed, rate: true}", extra: outcome)).isEmpty)
        #expect(Self.codes(Self.with(indicator: "{type: count, subject: children, rate: true}")) == ["rate-without-outcome-change"])
        #expect(Self.codes(Self.with(indicator: "{type: share, subject: children, outcome: placed, rate: true}", extra: outcome)) == ["rate-without-outcome-change"])
    }

    @Test func groupsAreCountedByTheActivityTheyMeetFor() {
        let activity = Fixtures.valid.replacingOccurrences(
            of: "    requires_plan: individual-development-plan\n",
            with: "    requires_plan: individual-development-plan\n    activities:\n      - {id: circle, name: krąg, count: 3, group_size: 10}\n")
        func with(_ measure: String) -> String {
            activity + "  - id: extra\n    name: grupy\n    kind: output\n    measure: \(measure)\n"
        }
        #expect(Self.codes(with("{type: count, subject: groups, activity: circle}")).isEmpty)
        #expect(Self.codes(with("{type: count, subject: groups}")) == ["groups-without-activity"])
        let programme = try! #require(Fixtures.catalog([("a.yaml", with("{type: count, subject: groups, activity: circle}"))]).programme("test-programme"))
        let handbook = Handbook(programme).markdown
        #expect(handbook.contains("3 grupy po 10 os."))
        #expect(handbook.contains("liczba · grupy · krąg"))
    }

    @Test func anAxisThatContradictsItsMeasureAndCallIsNotedNotChanged() {
        func funding(_ priority: String, _ measure: String, _ call: String) -> String {
            Fixtures.valid + "funding:\n  priority: \(priority)\n  measure: \(measure)\n  call: \(call)\n"
        }
        #expect(Self.codes(funding("I. Innowacje społeczne", "4.1 Innowacje społeczne", "POWR.04.01.00-IZ.00-00-004/16")) == ["funding-axis"])
        #expect(Self.codes(funding("Oś Priorytetowa IV Innowacje", "Działanie 4.3 Współpraca", "POWR.04.03.00-IZ.00-00-001/18")).isEmpty)
        #expect(Self.codes(funding("Oś Priorytetowa 9", "Działanie 9.2", "RPKP.09.02.01-IZ.00-04-123/17")).isEmpty, "an axis in digits is not read")
        let catalog = Fixtures.catalog([("a.yaml", funding("I. Innowacje społeczne", "4.1 Innowacje społeczne", "POWR.04.01.00-IZ.00-00-004/16"))])
        #expect(catalog.diagnostics.errors.isEmpty, "a warning: the source's text is kept")
        #expect(catalog.programme("test-programme")?.funding?.priority == "I. Innowacje społeczne")
    }

    @Test func theShippedSeedsCarryTheCorrectedFacts() throws {
        let catalog = ShippedModelTests.catalog
        let razem = try #require(catalog.programme("razem-zmieniamy-jutro@1"))
        let razemBook = Handbook(razem).markdown
        #expect(razemBook.contains("3 grupy po 10 os.") && razemBook.contains("15 rodzin"))
        #expect(razem.indicators?.first { $0.id == "self-help-groups-formed" }?.measure.subject == "groups")
        #expect(razem.indicators?.first { $0.id == "community-actions" }?.measure.activity == "community-action")
        #expect(razem.indicators?.contains { $0.measure.baseline != nil } == false, "the police figures are context only")

        let praski = try #require(catalog.programme("praski-kokon@1.0.0"))
        #expect(praski.indicators?.first { $0.id == "children-placed-in-foster-care" }?.measure.rate == true)
        #expect(Handbook(praski).markdown.contains("jako odsetek w każdym roku (w punktach procentowych)"))
        #expect(praski.outcomes?.first { $0.id == "child-placed-in-care" }?.name.en == "child placed in out-of-home care")

        let wygrana = try #require(catalog.programme("wygrana-rodzina@1"))
        #expect(Handbook(wygrana).markdown.contains("(dowolnego rodzaju, np. kampania, debata, wydarzenie lokalne)"))

        let aktywne = try #require(catalog.programme("aktywne-wlaczenie-torun@1"))
        #expect(aktywne.networks?.isEmpty ?? true, "the Local Activity Programme is a programme, not a network")
        #expect(aktywne.activationInstruments == [.vocational, .educational, .social, .health])
        let aktywneBook = Handbook(aktywne).markdown
        #expect(aktywneBook.contains("## Instrumenty aktywizacji") || aktywneBook.contains("### Instrumenty aktywizacji"))
        #expect(aktywneBook.contains("zawodowe, edukacyjne, społeczne, zdrowotne"))
        #expect(aktywneBook.contains("Program Aktywności Lokalnej"))
    }
}
