import Foundation
import Testing

@testable import Templates

/// Goals at the top of a programme's logic model: outcomes, indicators and components name the
/// goals they serve, the handbook shows why each part exists, and lint notices a goal nothing
/// measures.
@Suite("Logic model: goals, and what serves them")
struct LogicModelTests {
    static let linked =
        Fixtures.valid.replacingOccurrences(
            of: "    requires_plan: individual-development-plan\n",
            with: "    requires_plan: individual-development-plan\n    goals: [stronger-families]\n")
            + """
            goals:
              - id: stronger-families
                name: Wzmocnienie rodzin.
              - id: neighbourhood
                name: {pl: Aktywne sąsiedztwo., en: An active neighbourhood.}
            outcomes:
              - {id: agency, name: większa sprawczość rodziny, unit: family, goals: [stronger-families]}

            """

    static func indicator(_ lines: String) -> String {
        linked.replacingOccurrences(of: "    measure: {type: count, subject: families}\n", with: "    measure: {type: count, subject: families}\n" + lines)
    }

    @Test func indicatorsReachGoalsThemselvesOrThroughTheirOutcome() throws {
        let text = Self.indicator(
            """
              - id: agency-share
                name: rodziny bardziej sprawcze
                kind: result
                measure: {type: share, subject: families, outcome: agency}
                target: {at_least: 50%}
              - id: neighbours
                name: sąsiedzi w działaniach
                kind: output
                measure: {type: count, subject: persons}
                goals: [neighbourhood]

            """)
        let catalog = Fixtures.catalog([("a.yaml", text)])
        #expect(catalog.diagnostics.all.isEmpty, "\(Fixtures.headlines(catalog))")
        let programme = try #require(catalog.programme("test-programme"))
        #expect(programme.hasLogicModel)
        let share = try #require(programme.indicators?.first { $0.id == "agency-share" })
        #expect(programme.goals(of: share) == ["stronger-families"])
        let neighbours = try #require(programme.indicators?.first { $0.id == "neighbours" })
        #expect(programme.goals(of: neighbours) == ["neighbourhood"])
        #expect(programme.goals(of: try #require(programme.component("core-work"))) == ["stronger-families"])
        #expect(programme.polishNames["neighbourhood"] == "Aktywne sąsiedztwo.")

        let handbook = Handbook(programme).markdown
        #expect(handbook.contains("| Cel | Obserwowane zmiany | Wskaźniki | Komponenty |"))
        #expect(handbook.contains("| Wzmocnienie rodzin. | większa sprawczość rodziny | rodziny bardziej sprawcze | Praca z rodziną |"))
        #expect(handbook.contains("| Aktywne sąsiedztwo. | — | sąsiedzi w działaniach | — |"))
        #expect(handbook.contains("Służy celowi: Wzmocnienie rodzin."))
    }

    @Test func aGoalNoIndicatorReachesIsWarnedOnceALogicModelIsStated() {
        let catalog = Fixtures.catalog([("a.yaml", Self.linked)])
        #expect(catalog.diagnostics.sorted.map(\.code) == ["goal-unmeasured", "goal-unmeasured"])
        #expect(catalog.diagnostics.errors.isEmpty, "warnings: the template is still usable")
        #expect(Fixtures.headlines(catalog).contains { $0.contains("no indicator shows progress towards the goal 'neighbourhood'") })
        // Goals alone, linked to nothing, are a plain list: nothing to warn about.
        let plain = Fixtures.valid + "goals:\n  - {id: stronger-families, name: Wzmocnienie rodzin.}\n"
        #expect(Fixtures.catalog([("a.yaml", plain)]).diagnostics.all.isEmpty)
    }

    @Test func unknownGoalsAndGoalsWithoutIdsAreRefusedWithAWayToWriteThem() {
        let misspelt = Self.linked.replacingOccurrences(of: "goals: [stronger-families]\n", with: "goals: [stronger-familes]\n")
        let catalog = Fixtures.catalog([("a.yaml", misspelt)])
        let unknown = catalog.diagnostics.all.filter { $0.code == "unknown-reference" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.hint?.contains("stronger-families") == true)

        let legacy = Fixtures.valid + "goals:\n  - Wzmocnienie rodzin.\n"
        let refused = Fixtures.catalog([("a.yaml", legacy)])
        let diagnostic = refused.diagnostics.all.first
        #expect(diagnostic?.code == "wrong-type")
        #expect(diagnostic?.hint == "write it as a mapping with its keys, e.g. {id: family-situation, name: Poprawa sytuacji rodzin.}")
    }

    @Test func goalsStoredAsPlainTextStillReadBack() throws {
        // Adoptions stored before goals had ids keep them as {pl: …}.
        let goals = try JSONDecoder().decode([Goal].self, from: Data(#"[{"pl": "Wzmocnienie rodzin."}, {"id": "a", "name": {"pl": "B"}}]"#.utf8))
        #expect(goals == [Goal(id: "", name: LocalizedText(pl: "Wzmocnienie rodzin.")), Goal(id: "a", name: LocalizedText(pl: "B"))])
    }

    @Test func theSeedsLinkTheirGoalsAsTheSourcesPairThem() throws {
        let catalog = ShippedModelTests.catalog
        let razem = try #require(catalog.programme("razem-zmieniamy-jutro"))
        #expect(razem.goals?.map(\.id) == ["families-better-off", "community-potential", "youth-independence-skills"])
        let result = try #require(razem.indicators?.first { $0.id == "family-situation" })
        #expect(razem.goals(of: result) == ["families-better-off"], "through the outcome it measures")
        #expect(razem.goals(of: try #require(razem.component("self-help-groups"))).isEmpty, "the source names no goal for the groups")
        let aktywne = try #require(catalog.programme("aktywne-wlaczenie-torun"))
        #expect(aktywne.goals(of: try #require(aktywne.component("environment-support"))) == ["environment-care-skills"])
        let wygrana = try #require(catalog.programme("wygrana-rodzina"))
        #expect(!wygrana.hasLogicModel)
        #expect(wygrana.goals?.count == 5)
    }
}
