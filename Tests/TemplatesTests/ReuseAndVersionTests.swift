import Foundation
import Testing

@testable import Templates

@Suite("Library components, extends and versions")
struct ReuseAndVersionTests {
    static let library = """
        id: talent-academy
        version: 1.2.0
        name: Akademia Rozwoju Talentów (ART)
        requires_plan: individual-development-plan
        activities:
          - {id: plan-meeting, name: plan, delivery: individual}

        """

    static func parent(_ version: String, extra: String = "") -> String {
        Fixtures.valid.replacingOccurrences(of: "version: 1.0.0", with: "version: \(version)") + extra
    }

    static let child = """
        id: child-programme
        version: 2.0.0
        name: Program pochodny
        extends: test-programme@1
        components:
          - id: core-work
            name: Praca z rodziną (wersja lokalna)
            roles: [mentor]
          - id: art
            use: talent-academy@1
            activities:
              - {id: local-club, name: klub lokalny}
        remove: [families]

        """

    @Test func resolvesNewestMatchingVersion() {
        let catalog = Fixtures.catalog([("a.yaml", Self.parent("1.0.0")), ("b.yaml", Self.parent("1.2.0")), ("c.yaml", Self.parent("1.2.3")), ("d.yaml", Self.parent("2.0.0"))])
        #expect(catalog.diagnostics.all.isEmpty)
        #expect(catalog.programme("test-programme@1")?.version == SemanticVersion(1, 2, 3))
        #expect(catalog.programme("test-programme@1.2")?.version == SemanticVersion(1, 2, 3))
        #expect(catalog.programme("test-programme@1.0")?.version == SemanticVersion(1, 0, 0))
        #expect(catalog.programme("test-programme@1.2.0")?.version == SemanticVersion(1, 2, 0))
        #expect(catalog.programme("test-programme")?.version == SemanticVersion(2, 0, 0))
        #expect(catalog.programme("test-programme@3") == nil)
    }

    @Test func extendsMergesByIdAndKeepsLineage() throws {
        let catalog = Fixtures.catalog(
            [("parent.yaml", Self.parent("1.1.0")), ("child.yaml", Self.child)],
            components: [("components/art.yaml", Self.library)])
        #expect(catalog.diagnostics.all.isEmpty, "\(Fixtures.headlines(catalog))")
        let child = try #require(catalog.programme("child-programme@2"))
        #expect(child.lineage == ["test-programme@1.1.0"])
        #expect(child.extends?.description == "test-programme@1")
        #expect(child.roles?.map(\.id) == ["mentor"])
        #expect(child.participation?.minimumDuration?.months == 18)
        #expect(child.components?.map(\.id) == ["core-work", "art"])
        #expect(child.component("core-work")?.name?.pl == "Praca z rodziną (wersja lokalna)")
        #expect(child.indicators == nil || child.indicators?.isEmpty == true)
        let art = try #require(child.component("art"))
        #expect(art.use == "talent-academy@1.2.0")
        #expect(art.requiresPlan == "individual-development-plan")
        #expect(art.activities?.map(\.id) == ["plan-meeting", "local-club"])
    }

    @Test func removingACoreComponentIsRefused() {
        let child = Self.child.replacingOccurrences(of: "remove: [families]", with: "remove: [core-work]")
        let catalog = Fixtures.catalog([("parent.yaml", Self.parent("1.0.0")), ("child.yaml", child)], components: [("components/art.yaml", Self.library)])
        #expect(Fixtures.headlines(catalog) == ["child.yaml:13:10: error: 'core-work' is a core component of test-programme@1.0.0 and cannot be removed"])
    }

    @Test func removingAnUnknownIdSuggestsTheNearest() {
        let child = Self.child.replacingOccurrences(of: "remove: [families]", with: "remove: [familes]")
        let catalog = Fixtures.catalog([("parent.yaml", Self.parent("1.0.0")), ("child.yaml", child)], components: [("components/art.yaml", Self.library)])
        #expect(Fixtures.headlines(catalog) == ["child.yaml:13:10: error: 'remove' names 'familes', but test-programme@1.0.0 has nothing with that id"])
        #expect(catalog.diagnostics.all.first?.hint == "did you mean 'families'?")
    }

    @Test func extendsCycleIsRefused() {
        let a = Self.parent("1.0.0", extra: "extends: other@1\n")
        let b = Self.child.replacingOccurrences(of: "id: child-programme", with: "id: other").replacingOccurrences(of: "version: 2.0.0", with: "version: 1.0.0")
        let catalog = Fixtures.catalog([("a.yaml", a), ("b.yaml", b)], components: [("components/art.yaml", Self.library)])
        #expect(catalog.diagnostics.errors.contains { $0.code == "extends-cycle" })
        #expect(catalog.programmes.isEmpty)
    }

    @Test func duplicateVersionIsRefused() {
        let catalog = Fixtures.catalog([("a.yaml", Fixtures.valid), ("b.yaml", Fixtures.valid)])
        #expect(Fixtures.headlines(catalog).contains("b.yaml:2:10: error: test-programme@1.0.0 is also defined in a.yaml"))
    }
}
