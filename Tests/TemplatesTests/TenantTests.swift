import Foundation
import Testing

@testable import Templates

@Suite("Tenant files")
struct TenantTests {
    static let shipped = ModelCatalog.load(paths: [ShippedModelTests.models, ShippedModelTests.root.appending(path: "tenants").path])

    /// A programme whose bounds let a municipality move the family assistant's caseload
    /// between 8 and 15 and drop one optional component.
    static let bounded = """
        id: bounded
        version: 1.0.0
        name: Program z granicami adaptacji
        participation: {unit: family, minimum_duration: 18 months}
        roles:
          - id: family-assistant
            name: asystent rodziny
            caseload: {max: 15, unit: family}
        components:
          - id: family-work
            name: Praca z rodziną
            roles: [family-assistant]
          - id: trips
            name: Wycieczki
            core: false
        adaptation:
          caseload: [{role: family-assistant, min: 8, max: 15}]
          may_drop: [trips]
          minimum_duration_at_least: 18 months

        """

    static func tenant(adoption: String, id: String = "testowo", teryt: String = "\"0463011\"", voivodeship: String = "kujawsko-pomorskie") -> String {
        """
        id: \(id)
        name: Gmina Testowo
        teryt: \(teryt)
        voivodeship: \(voivodeship)
        areas: [{id: centrum, name: Centrum}]
        adoptions:
          - model: bounded@1
            period: {start: 2025-01-01, end: 2026-12-31}
        \(adoption.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

        """
    }

    static func check(_ tenant: String) -> ModelCatalog {
        Fixtures.catalog([("models/bounded/1.0.0.yaml", bounded)], tenants: [("tenants/testowo.yaml", tenant)])
    }

    @Test func shippedTenantsAllResolve() throws {
        let catalog = Self.shipped
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map { catalog.render($0) })")
        #expect(catalog.tenants.map(\.id) == ["bialystok", "elk", "grudziadz", "torun", "warszawa", "wloclawek"])
        let torun = try #require(catalog.tenant("torun"))
        #expect(torun.adoptions.map(\.resolvedModel) == ["wygrana-rodzina@1.0.0", "aktywne-wlaczenie-torun@1.0.0"])
        let examples = catalog.tenants.filter(\.isExample)
        #expect(examples.count == 2)
        #expect(examples.allSatisfy { $0.adoptions.contains { $0.model.id == "wygrana-rodzina" } })
        #expect(catalog.tenant("warszawa")?.adoptions.first?.adaptations?.first?.summary == "drops component financial-education")
    }

    /// A tenants folder is one whatever it is called (`--tenants moved-tenants`).
    @Test func aTenantsFolderOfAnyNameHoldsTenants() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "moved-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: ShippedModelTests.root.appending(path: "tenants/torun.yaml"), to: folder.appending(path: "torun.yaml"))
        let catalog = ModelCatalog.load(paths: [ShippedModelTests.models], tenants: [folder.path])
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map { catalog.render($0) })")
        #expect(catalog.tenant("torun") != nil)
    }

    @Test func adaptationsWithinBoundsPass() {
        let catalog = Self.check(
            Self.tenant(
                adoption: """
                    adaptations:
                      - {change: caseload, role: family-assistant, max: 15, reason: duże rodziny, decided_by: Rada, decided_on: 2025-01-01, planned: true}
                      - {change: drop-component, component: trips, reason: brak środków, decided_by: Rada, decided_on: 2025-02-01, planned: false}
                      - {change: minimum-duration, duration: 24 months, reason: dłuższe wsparcie, decided_by: Rada, decided_on: 2025-01-01, planned: true}
                    """))
        #expect(catalog.diagnostics.errors.isEmpty, "\(Fixtures.headlines(catalog))")
        #expect(catalog.tenant("testowo")?.adoptions.first?.adaptations?.count == 3)
    }

    @Test func adaptationsCarryFRAMEsFields() {
        let catalog = Self.check(
            Self.tenant(
                adoption: """
                    adaptations:
                      - {change: caseload, role: family-assistant, max: 15, reason: duże rodziny, decided_by: Rada, decided_on: 2025-01-01, planned: true, phase: implementation, decider: programme-manager, modifies: context, level: practitioner, nature: tailoring, fidelity: consistent, goal: feasibility, reason_level: organisation, observed_effect: mniej rezygnacji}
                    """))
        #expect(catalog.diagnostics.errors.isEmpty, "\(Fixtures.headlines(catalog))")
        let adaptation = catalog.tenant("testowo")?.adoptions.first?.adaptations?.first
        #expect(adaptation?.phase == .implementation && adaptation?.decider == .programmeManager && adaptation?.reasonLevel == .organisation)
        #expect(adaptation?.observedEffect?.pl == "mniej rezygnacji")
        let wrong = Self.check(
            Self.tenant(
                adoption: """
                    adaptations:
                      - {change: caseload, role: family-assistant, max: 15, reason: x, decided_by: Rada, decided_on: 2025-01-01, planned: true, phase: later}
                    """))
        #expect(wrong.diagnostics.errors.map { wrong.render($0) }.joined().contains("pre-implementation, implementation, scale-up, sustainment"))
    }

    @Test func caseloadOutsideBoundsIsRefusedWithTheTemplatesBound() {
        let catalog = Self.check(
            Self.tenant(
                adoption: """
                    adaptations:
                      - {change: caseload, role: family-assistant, max: 20, reason: brak kadry, decided_by: Rada, decided_on: 2025-01-01, planned: false}
                    """))
        #expect(
            Fixtures.headlines(catalog) == [
                "tenants/testowo.yaml:10:57: error: the caseload of family-assistant is set to 20, outside the bounds of bounded@1.0.0: 8 to 15 families"
            ])
        #expect(catalog.tenant("testowo") == nil)
    }

    @Test func coreComponentCannotBeDropped() {
        let catalog = Self.check(
            Self.tenant(
                adoption: """
                    adaptations:
                      - {change: drop-component, component: family-work, reason: x, decided_by: Rada, decided_on: 2025-01-01, planned: true}
                    """))
        let rendered = catalog.diagnostics.errors.map { catalog.render($0) }.joined()
        #expect(rendered.contains("family-work is a core component of bounded@1.0.0 and cannot be dropped"))
        #expect(rendered.contains("the template allows dropping only: trips"))
    }

    @Test func shorterMinimumDurationAndUnknownRoleAreRefused() {
        let catalog = Self.check(
            Self.tenant(
                adoption: """
                    staff: [{role: family-asistant, count: 2}]
                    adaptations:
                      - {change: minimum-duration, duration: 12 months, reason: x, decided_by: Rada, decided_on: 2025-01-01, planned: true}
                    """))
        let rendered = catalog.diagnostics.errors.map { catalog.render($0) }.joined(separator: "\n")
        #expect(rendered.contains("bounded@1.0.0 has no role 'family-asistant'"))
        #expect(rendered.contains("did you mean 'family-assistant'?"))
        #expect(rendered.contains("the minimum participation is set to 12 months, shorter than the 18 months bounded@1.0.0 requires"))
    }

    @Test(arguments: ["../x", "a;drop schema b", "Torun", "toruń", "t", "a-b", "9lives"])
    func craftedIDsAreRejected(_ id: String) {
        let quoted = "\"" + id.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let catalog = Self.check(Self.tenant(adoption: "", id: quoted))
        #expect(catalog.diagnostics.errors.contains { $0.code == "invalid-value" && $0.message.contains("tenant id") }, "\(Fixtures.headlines(catalog))")
        #expect(catalog.tenants.isEmpty)
        #expect(!TenantID.isValid(id))
    }

    @Test func terytIsCheckedAndMustMatchTheVoivodeship() {
        let wrongDigits = Self.check(Self.tenant(adoption: "", teryt: "\"0463\""))
        #expect(wrongDigits.diagnostics.errors.first?.message == "'teryt' is '0463', but it must be a seven-digit TERYT code like 0463011")
        let mismatch = Self.check(Self.tenant(adoption: "", teryt: "\"1465011\""))
        #expect(mismatch.diagnostics.errors.first?.message == "the voivodeship is kujawsko-pomorskie, but TERYT 1465011 belongs to mazowieckie")
        #expect(TenantID.hint(for: "Białystok") == "did you mean 'bialystok'?")
    }

    @Test func unknownModelSuggestsTheNearestProgramme() {
        let text = Self.tenant(adoption: "").replacingOccurrences(of: "bounded@1", with: "bounde@1")
        let catalog = Self.check(text)
        let rendered = catalog.diagnostics.errors.map { catalog.render($0) }.joined()
        #expect(rendered.contains("'model' names bounde@1, but no programme matches it"))
        #expect(rendered.contains("did you mean 'bounded'?"))
    }
}
