import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

@testable import Reporting

/// Delivery-form and cadence adaptations: a municipality delivers a component in another form,
/// or holds it at another frequency, only as far as the programme's bounds allow, in its file
/// or in the register; the fidelity cards show each beside the score it touches.
@Suite("Delivery-form and cadence adaptations")
struct DeliveryAndCadenceTests {
    /// Razem zmieniamy jutro letting family assistance run in groups too, and its self-help
    /// groups meet no rarer than monthly.
    static let template: @Sendable (String) -> String = {
        $0.replacingOccurrences(
            of: "release:\n",
            with: """
                adaptation:
                  delivery: [{component: family-assistance, forms: [individual, group]}]
                  cadence: [{component: self-help-groups, at_least: {times: 1, per: month}}]
                release:

                """)
    }

    static func codes(_ adaptation: String) -> [String] {
        TenancyFixture.shipped(editing: [
            "models/razem-zmieniamy-jutro/1.0.0.yaml": template,
            "tenants/bialystok.yaml": {
                $0.replacingOccurrences(
                    of: "    targets: {families: 20, groups: 3}\n",
                    with: """
                            targets: {families: 20, groups: 3}
                            adaptations:
                              - {\(adaptation), reason: przykład ilustracyjny, decided_by: Zespół projektu, decided_on: 2021-01-15, planned: true}

                        """)
            },
        ]).diagnostics.sorted.filter { $0.file.hasSuffix("bialystok.yaml") }.map(\.code)
    }

    @Test func bothAreCheckedAgainstTheBounds() {
        #expect(Self.codes("change: delivery-form, component: family-assistance, delivery: [group]").isEmpty)
        #expect(Self.codes("change: delivery-form, component: family-assistance, delivery: [community]") == ["adaptation-out-of-bounds"])
        #expect(Self.codes("change: delivery-form, component: youth-independence, delivery: [group]") == ["adaptation-out-of-bounds"], "no bound for it")
        #expect(Self.codes("change: delivery-form, component: family-assistance") == ["missing-key"])
        #expect(Self.codes("change: cadence, component: self-help-groups, cadence: {times: 2, per: month}").isEmpty)
        #expect(Self.codes("change: cadence, component: self-help-groups, cadence: {times: 1, per: week}").isEmpty, "weekly is more often than monthly")
        #expect(Self.codes("change: cadence, component: self-help-groups, cadence: {times: 6, per: year}") == ["adaptation-out-of-bounds"])
        #expect(Self.codes("change: cadence, component: self-help-groups, cadence: {times: 10, per: project}") == ["adaptation-out-of-bounds"])
        #expect(Self.codes("change: cadence, component: self-help-grups, cadence: {times: 2, per: month}") == ["unknown-reference"])
        #expect(Self.codes("change: cadence, component: self-help-groups, cadence: {times: 2, per: month}, delivery: [group]") == ["adaptation-key"])
    }

    @Test func theRegisterChecksThemAndTheFidelityCardsShowThem() async throws {
        let catalog = TenancyFixture.shipped(editing: ["models/razem-zmieniamy-jutro/1.0.0.yaml": Self.template])
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map(\.message))")
        try await TenancyFixture.with(applying: ["bialystok"], catalog: catalog) { fixture in
            let records = try await fixture.records("bialystok")
            let frame = [
                "adoption": "razem-zmieniamy-jutro", "reason": "Rodziny wolą spotkania w grupie.", "decided_by": "Zespół koordynujący",
                "decided_on": "2021-03-01", "planned": "planned", "phase": "implementation", "decider": "programme-manager", "modifies": "context",
                "level": "group", "nature": "tailoring", "fidelity": "consistent", "goal": "retention", "reason_level": "recipient",
            ]
            func refused(_ fields: [String: String]) async -> AdaptationRefusal? {
                do {
                    try await records.recordAdaptation(frame.merging(fields) { $1 })
                    return nil
                } catch {
                    return error as? AdaptationRefusal
                }
            }
            let community = await refused(["code": "A-1", "change": "delivery-form", "component": "family-assistance", "delivery": "community"])
            #expect(community?.problems.map(\.field) == ["delivery"])
            #expect(community?.problems.first?.message == "„Asysta rodzinna” można realizować tylko w formie: indywidualnie, w grupie; wybierz jedną z nich.")
            let rarer = await refused(["code": "A-2", "change": "cadence", "component": "self-help-groups", "cadence_times": "6", "cadence_per": "year"])
            #expect(rarer?.problems.map(\.field) == ["cadence_times"])
            #expect(rarer?.problems.first?.message.contains("musi odbywać się co najmniej 1 raz w miesiącu, a wpisano 6 razy w roku") == true)
            // A component of another programme (the form offers every adopted programme's) is named in Polish, by name.
            let other = await refused(["code": "A-3", "change": "cadence", "component": "active-integration", "cadence_times": "2", "cadence_per": "month"])
            #expect(other?.problems.map(\.field) == ["component"])
            #expect(other?.problems.first?.message.hasPrefix("Wybrany komponent nie należy do programu „Razem zmieniamy jutro") == true)
            #expect(other?.problems.first?.message.contains("„Asysta rodzinna”") == true)
            #expect(try await records.recordedAdaptations().isEmpty, "a refused adaptation writes nothing")

            #expect(await refused(["code": "A-1", "change": "delivery-form", "component": "family-assistance", "delivery": "group"]) == nil)
            #expect(await refused(["code": "A-2", "change": "cadence", "component": "self-help-groups", "cadence_times": "2", "cadence_per": "month"]) == nil)
            let register = try await records.recordedAdaptations()
            #expect(register.first { $0.code == "A-1" }?.delivery == ["group"])
            #expect(register.first { $0.code == "A-2" }?.cadence == Cadence(times: 2, per: "month"))

            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: "razem-zmieniamy-jutro").first)
            let cards = EvaluationSection.cards(evaluation.fidelity, adaptations: evaluation.adaptations, names: evaluation.names)
            let adherence = try #require(cards.first { $0.title == "Komponenty rdzenia" })
            #expect(adherence.touchedBy.contains("forma realizacji komponentu „Asysta rodzinna”: w grupie"))
        }
    }
}
