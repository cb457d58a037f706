import Foundation
import Testing

@testable import Engine
@testable import Reporting

@Suite("The network report for many municipalities")
struct NetworkReportTests {
    /// `count` municipalities whose fidelity is 0, 2, 4, … (every tenth one hidden).
    static func figures(_ count: Int) -> PublishedFigures {
        let publications = (1...count).map { index in
            PublishedFigures.Publication(
                tenant: "g\(index)", tenantName: "Gmina \(index)", example: true, adoption: "m", modelID: "m", modelVersion: "1.0.0", modelName: "Model",
                k: 5, asOf: "2026-06-30")
        }
        let figures = (1...count).map { (index: Int) -> PublishedFigures.Figure in
            let hidden = index % 10 == 0
            let value: Decimal? = hidden ? nil : Decimal(index * 2 % 100)
            return PublishedFigures.Figure(
                tenant: "g\(index)", adoption: "m", measure: "fidelity", label: "wierność modelowi", kind: nil, unit: .score,
                value: value, numerator: nil, denominator: nil, target: nil, status: nil, suppressed: hidden)
        }
        return PublishedFigures(publications: publications, figures: figures)
    }

    @Test func aFewMunicipalitiesGetABarEach() {
        let html = NetworkReport(model: "m", period: "all", figures: Self.figures(12)).html()
        #expect(html.contains("<h2>wierność modelowi</h2>"))
        #expect(html.components(separatedBy: "<rect ").count - 1 == 11, "one bar per municipality with a figure; the hidden one has none")
        #expect(html.contains(">Gmina 7</text>"))
        #expect(html.contains(">ukryte</text>") && !html.contains("width=\"\""), "a hidden figure has no bar, and says so")
    }

    @Test func manyMunicipalitiesGetTheirDistribution() {
        let report = NetworkReport(model: "m", period: "all", figures: Self.figures(200))
        let html = report.html()
        #expect(html.contains("<h2>wierność modelowi – rozkład gmin</h2>"))
        #expect(!html.contains(">Gmina 7</text>"), "no bar per municipality")
        #expect(html.contains(">0–10</text>") && html.contains(">90–100</text>"))
        #expect(html.contains(">ukryte</text>") && html.contains(">20 gmin</text>"), "the 20 hidden figures are counted apart")
        // Every municipality is still in the table.
        #expect(html.components(separatedBy: "<th scope=\"row\">").count - 1 == 200)
        #expect(report.rows.count == 200)
    }
}
