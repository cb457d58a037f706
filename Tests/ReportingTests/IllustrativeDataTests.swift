import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

@testable import Reporting

/// A real city's file states only what its sources do; what it needs beyond that for a
/// demonstration is marked, and every report on it says so.
@Suite("Illustrative parts of real municipalities")
struct IllustrativeDataTests {
    @Test func realCitiesMarkWhatTheirSourcesDoNotState() throws {
        let catalog = TenancyFixture.shipped
        for id in ["torun", "warszawa", "bialystok", "elk"] {
            let tenant = try #require(catalog.tenant(id))
            #expect(!tenant.isExample)
            for adoption in tenant.adoptions {
                let parts = tenant.illustrativeParts(of: adoption)
                #expect(parts.contains(.staff), "\(id): staff counts are not in any source")
                // A local adaptation in a real city's file is never presented as its own decision.
                if !(adoption.adaptations ?? []).isEmpty {
                    #expect(parts.contains(.adaptations))
                    #expect(adoption.adaptations!.allSatisfy { $0.decidedBy == "przykład ilustracyjny" && $0.reason.pl.hasPrefix("Przykład ilustracyjny") })
                }
            }
        }
        let torun = try #require(catalog.tenant("torun"))
        let aktywne = try #require(torun.adoptions.first { $0.id == "aktywne-wlaczenie-torun" })
        #expect(torun.illustrativeParts(of: aktywne) == [.areas, .partners, .staff], "its period and 120 participants are the source's")
        #expect(aktywne.targets?.participants == 120 && aktywne.targets?.groups == nil)
        #expect(catalog.tenant("bialystok")?.adoptions.first?.targets?.groups == 3, "the source's three self-help groups")
    }

    @Test func everyReportOnAnAdoptionSaysWhatIsIllustrative() async throws {
        try await TenancyFixture.with(applying: ["warszawa"]) { fixture in
            let records = try await fixture.records("warszawa")
            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: "praski-kokon", today: CalendarDate(year: 2020, month: 1, day: 10)).first)
            #expect(evaluation.illustrative == [.areas, .partners, .targets, .staff, .adaptations])
            let notice = "Dane ilustracyjne: obszary, partnerzy, cele liczbowe, kadra i adaptacje tej gminy nie pochodzą ze źródeł programu"
            #expect(Reporting.tenantHTML(tenant: try #require(TenancyFixture.shipped.tenant("warszawa")), evaluations: [evaluation]).contains(notice))
            #expect(Reporting.text(evaluation).contains("Illustrative: this municipality's areas, partners, targets, staff, adaptations are not from the programme's sources"))
        }
        // A made-up part outside the closed list is refused with the words it may use.
        let wrong = TenancyFixture.shipped(editing: "tenants/elk.yaml") { $0.replacingOccurrences(of: "illustrative: [areas, partners]", with: "illustrative: [areas, budget]") }
        #expect(wrong.diagnostics.errors.contains { $0.message.contains("is 'budget', but it must be one of: areas, partners, period, targets, staff, adaptations") })
    }

    @Test func aMunicipalityStatesItsOwnBaselinesBesideTheOriginCitys() async throws {
        try await TenancyFixture.with(applying: ["bialystok"]) { fixture in
            let records = try await fixture.records("bialystok")
            let evaluation = try #require(
                try await Evaluator(records: records).evaluate(adoption: "razem-zmieniamy-jutro", today: CalendarDate(year: 2022, month: 1, day: 10)).first)
            let figures = try #require(evaluation.baselines)
            #expect(figures.map(\.id) == ["home-interventions-2019", "families-on-financial-aid-2019", "children-in-aided-families-2019"])
            #expect(figures[1].local == "149 / 76%" && figures[1].year == 2019 && figures[1].reference == "149 / 76%")
            let html = Reporting.tenantHTML(tenant: try #require(TenancyFixture.shipped.tenant("bialystok")), evaluations: [evaluation])
            #expect(html.contains("<td>interwencje domowe policji na osiedlu</td><td>231 (2019, Komenda Miejska Policji w Białymstoku)</td><td>231 (2019)</td>"))
        }
        // Another city states its own figure, and one of its own; the origin city's stays a reference.
        let catalog = TenancyFixture.shipped(editing: "tenants/elk.yaml") {
            $0.replacingOccurrences(
                of: "    illustrative: [period, targets, staff]\n",
                with: """
                        illustrative: [period, targets, staff]
                        baselines:
                          - {id: families-in-crisis, name: rodziny w kryzysie, value: 42, year: 2018}
                          - {id: unknown-figure}

                    """)
        }
        let codes = catalog.diagnostics.sorted.filter { $0.file.hasSuffix("elk.yaml") }.map(\.code)
        #expect(Set(codes) == ["baseline-unnamed", "baseline-without-value"] && codes.count == 2)
        #expect(
            catalog.diagnostics.errors.first { $0.code == "baseline-unnamed" }?.message
                == "the baseline 'unknown-figure' is not one of sojusz-dla-rodziny@1.0.0's, so it needs a name")
    }
}
