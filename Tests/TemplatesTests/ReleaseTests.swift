import Foundation
import Testing

@testable import Templates

/// A version's life: a draft is not picked up by municipalities, a withdrawn version says what
/// replaces it, the handbook shows both, and nothing of it is inherited.
@Suite("Versions with a life: draft, approved, withdrawn")
struct ReleaseTests {
    static func version(_ version: String, release: String) -> String {
        Fixtures.valid.replacingOccurrences(of: "version: 1.0.0", with: "version: \(version)") + "release:\n" + release
    }

    static let approved = version("1.0.0", release: "  status: approved\n  date: 2026-11-22\n  changes: [pierwsza wersja]\n")
    static let draft = version("1.1.0", release: "  status: draft\n")
    static let withdrawn = version(
        "1.2.0",
        release: "  status: withdrawn\n  date: 2027-01-10\n  reason: zbyt krótkie wsparcie\n  replaced_by: test-programme@2.0.0\n")
    static let successor = version("2.0.0", release: "  status: approved\n  date: 2027-01-10\n")

    static func codes(_ catalog: ModelCatalog) -> [String] { catalog.diagnostics.sorted.map(\.code) }

    @Test func rangesFollowApprovedVersionsAndExactNumbersReachAny() {
        let catalog = Fixtures.catalog([("a.yaml", Self.approved), ("b.yaml", Self.draft), ("c.yaml", Self.withdrawn), ("d.yaml", Self.successor)])
        #expect(catalog.diagnostics.all.isEmpty, "\(Fixtures.headlines(catalog))")
        #expect(catalog.programme("test-programme@1")?.version == SemanticVersion(1, 0, 0))
        #expect(catalog.programme("test-programme@1.1.0")?.release?.status == .draft)
        #expect(catalog.programme("test-programme@1.2.0")?.release?.replacedBy?.description == "test-programme@2.0.0")
        #expect(catalog.programme("test-programme")?.version == SemanticVersion(2, 0, 0))
        // With nothing approved in the range, the newest match is still found (and tenants are warned).
        let onlyDraft = Fixtures.catalog([("b.yaml", Self.draft)])
        #expect(onlyDraft.programme("test-programme@1")?.version == SemanticVersion(1, 1, 0))
    }

    @Test func aWithdrawnVersionSaysWhatReplacesItOrWhy() {
        let unexplained = Fixtures.catalog([("a.yaml", Self.version("1.0.0", release: "  status: withdrawn\n"))])
        #expect(Self.codes(unexplained) == ["release-unexplained"])
        #expect(unexplained.programmes.isEmpty)

        let older = Fixtures.catalog([
            ("a.yaml", Self.approved), ("b.yaml", Self.version("1.3.0", release: "  status: withdrawn\n  replaced_by: test-programme@1.0.0\n")),
        ])
        #expect(Self.codes(older) == ["release-replacement-not-newer"])

        let unknown = Fixtures.catalog([("a.yaml", Self.version("1.0.0", release: "  status: withdrawn\n  replaced_by: other-programme@1\n"))])
        #expect(Self.codes(unknown) == ["unknown-model"])

        let toDraft = Fixtures.catalog([
            ("a.yaml", Self.version("1.0.0", release: "  status: withdrawn\n  replaced_by: test-programme@1.1.0\n")), ("b.yaml", Self.draft),
        ])
        #expect(Self.codes(toDraft) == ["release-replacement-not-approved"])
        #expect(toDraft.diagnostics.errors.isEmpty)

        let notWithdrawn = Fixtures.catalog([
            ("a.yaml", Self.version("1.0.0", release: "  status: approved\n  replaced_by: test-programme@2\n")), ("d.yaml", Self.successor),
        ])
        #expect(Self.codes(notWithdrawn) == ["release-replaced-not-withdrawn"])

        let badStatus = Fixtures.catalog([("a.yaml", Self.version("1.0.0", release: "  status: retired\n"))])
        #expect(badStatus.diagnostics.errors.count == 1)
        #expect(Fixtures.headlines(badStatus).first?.contains("draft, approved, withdrawn") == true)
    }

    @Test func aReleaseIsNeverInheritedAndBuildingOnAWithdrawnVersionIsFlagged() throws {
        let child = """
            id: child-programme
            version: 1.0.0
            name: Program pochodny
            extends: test-programme@1.2.0

            """
        let catalog = Fixtures.catalog([("c.yaml", Self.withdrawn), ("d.yaml", Self.successor), ("child.yaml", child)])
        #expect(Self.codes(catalog) == ["extends-withdrawn"])
        #expect(Fixtures.headlines(catalog).first?.contains("test-programme@1.2.0, which has been withdrawn") == true)
        #expect(catalog.diagnostics.sorted.first?.hint?.contains("test-programme@2.0.0") == true)
        let resolved = try #require(catalog.programme("child-programme@1"))
        #expect(resolved.release == nil)
        #expect(resolved.isAdoptable)
    }

    @Test func municipalitiesAreToldWhenTheirVersionIsWithdrawnOrADraft() throws {
        func tenant(_ model: String) -> String {
            """
            id: testowo
            name: Gmina Testowo
            teryt: "0463011"
            voivodeship: kujawsko-pomorskie
            areas: [{id: centrum, name: Centrum}]
            adoptions:
              - model: \(model)
                period: {start: 2025-01-01, end: 2026-12-31}

            """
        }
        let files = [("a.yaml", Self.approved), ("b.yaml", Self.draft), ("c.yaml", Self.withdrawn), ("d.yaml", Self.successor)]
        let onWithdrawn = Fixtures.catalog(files, tenants: [("tenants/testowo.yaml", tenant("test-programme@1.2.0"))])
        let warning = try #require(onWithdrawn.diagnostics.sorted.first)
        #expect(warning.code == "adoption-withdrawn")
        #expect(warning.severity == .warning)
        #expect(warning.message == "test-programme@1.2.0 was withdrawn on 2027-01-10: zbyt krótkie wsparcie")
        #expect(warning.hint?.contains("kokon tenant plan testowo --upgrade test-programme --to test-programme@2.0.0") == true)
        #expect(onWithdrawn.tenant("testowo")?.adoptions.first?.resolvedModel == "test-programme@1.2.0")

        let onDraft = Fixtures.catalog(files, tenants: [("tenants/testowo.yaml", tenant("test-programme@1.1.0"))])
        #expect(Self.codes(onDraft) == ["adoption-draft"])
        let onRange = Fixtures.catalog(files, tenants: [("tenants/testowo.yaml", tenant("test-programme@1"))])
        #expect(onRange.diagnostics.all.isEmpty)
        #expect(onRange.tenant("testowo")?.adoptions.first?.resolvedModel == "test-programme@1.0.0")
    }

    @Test func theHandbookStatesTheVersionsLifeAndAgesWithTheirUnit() throws {
        let catalog = Fixtures.catalog([("c.yaml", Self.withdrawn + Self.youth(unit: "months")), ("d.yaml", Self.successor)])
        #expect(catalog.diagnostics.all.isEmpty, "\(Fixtures.headlines(catalog))")
        let markdown = Handbook(try #require(catalog.programme("test-programme@1.2.0"))).markdown
        #expect(markdown.contains("| Wersja | wycofana 10.01.2027 (zbyt krótkie wsparcie); zastępuje ją test-programme@2.0.0 |"))
        #expect(markdown.contains("wiek od 0 do 36 miesięcy"))
        let first = Fixtures.catalog([("a.yaml", Self.approved + Self.youth(unit: "years"))])
        let firstMarkdown = Handbook(try #require(first.programme("test-programme@1"))).markdown
        #expect(firstMarkdown.contains("| Wersja | zatwierdzona 22.11.2026 |"))
        #expect(firstMarkdown.contains("### Zmiany w tej wersji\n\n- pierwsza wersja"))
        #expect(firstMarkdown.contains("wiek od 0 do 36 lat"))
    }

    @Test func anAgeRangeStatesItsUnit() {
        let catalog = Fixtures.catalog([("a.yaml", Fixtures.valid + "target_groups:\n  - {id: youth, name: młodzież, age: {min: 13, max: 20}}\n")])
        #expect(Self.codes(catalog) == ["missing-key"])
        #expect(Fixtures.headlines(catalog).first?.contains("unit") == true)
    }

    static func youth(unit: String) -> String {
        "target_groups:\n  - {id: small-children, name: małe dzieci, age: {min: 0, max: 36, unit: \(unit)}}\n"
    }
}

extension ReleaseTests {
    /// Adoptions stored before age ranges had a unit still read, as years.
    @Test func aStoredRangeWithoutItsUnitReadsAsYears() throws {
        let range = try JSONDecoder().decode(AgeRange.self, from: Data(#"{"min": 13, "max": 20}"#.utf8))
        #expect(range == AgeRange(min: 13, max: 20, unit: .years))
        let months = try JSONDecoder().decode(AgeRange.self, from: Data(#"{"min": 0, "max": 36, "unit": "months"}"#.utf8))
        #expect(months.unit == .months)
    }
}
