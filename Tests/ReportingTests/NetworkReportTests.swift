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

@Suite("The network report's JSON")
struct NetworkReportJSONTests {
    /// Decoding the JSON gives the report back, with quotes, backslashes, control characters,
    /// slashes and Polish letters intact.
    @Test func decodesToTheSameReport() throws {
        var figures = NetworkReportTests.figures(30)
        figures = PublishedFigures(
            publications: figures.publications.map {
                PublishedFigures.Publication(
                    tenant: $0.tenant, tenantName: "Gmina \"Łódź\\Żółw\"/\n\t\u{1}" + $0.tenantName, example: $0.example, adoption: $0.adoption,
                    modelID: $0.modelID, modelVersion: $0.modelVersion, modelName: $0.modelName, k: $0.k, asOf: $0.asOf)
            }, figures: figures.figures)
        let report = NetworkReport(model: "m", period: "all", figures: figures)
        let text = try report.json()
        let back = try JSONDecoder().decode(NetworkReport.self, from: Data(text.utf8))
        #expect(back.rows == report.rows)
        #expect(back.columns == report.columns)
        #expect(back.k == report.k && back.model == report.model && back.modelName == report.modelName && back.period == report.period)
        #expect(text.contains("\"name\" : \"Gmina \\\"Łódź\\\\Żółw\\\"/\\n\\t\\u0001Gmina 1\""))
        // Keys sorted, as the documentation promises, and the same bytes every time.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["columns", "k", "model", "modelName", "period", "rows"])
        #expect(text.firstRange(of: "\"columns\"")!.lowerBound < text.firstRange(of: "\"rows\"")!.lowerBound)
        #expect(try report.json() == text)
    }
}
