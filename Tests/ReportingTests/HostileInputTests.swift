import Foundation
import KokonTestSupport
import Testing

@testable import Engine
@testable import Reporting
@testable import Templates

/// Whatever a municipality, a partner or a template author types reaches a page only as
/// text, and a spreadsheet never runs it.
@Suite("Hostile input is inert in every renderer")
struct HostileInputTests {
    static let script = "<script>alert(1)</script>"
    static let attribute = "\" onmouseover=\"alert(1)"
    static let image = "'><img src=x onerror=alert(1)>"
    static let formula = "=HYPERLINK(\"http://example.invalid\",\"klik\")"

    /// No hostile text survives as markup: no tag it opened, no attribute it added.
    static func expectInert(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img"), sourceLocation: sourceLocation)
        #expect(!html.contains("onmouseover=\""), sourceLocation: sourceLocation)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), sourceLocation: sourceLocation)
    }

    static var figures: PublishedFigures {
        let publications = [
            PublishedFigures.Publication(
                tenant: "a", tenantName: script, example: false, adoption: "m", modelID: "m", modelVersion: "1.0.0",
                modelName: script, k: 5, asOf: "2026-06-30"),
            PublishedFigures.Publication(
                tenant: "b", tenantName: formula, example: true, adoption: "m", modelID: "m", modelVersion: "1.0.0",
                modelName: script, k: 5, asOf: "2026-06-30"),
            PublishedFigures.Publication(
                tenant: "c", tenantName: "-2+3", example: false, adoption: "m", modelID: "m", modelVersion: "1.0.0",
                modelName: script, k: 5, asOf: "2026-06-30"),
        ]
        let figures = publications.flatMap { publication in
            [
                PublishedFigures.Figure(
                    tenant: publication.tenant, adoption: "m", measure: "reach", label: attribute, kind: nil, unit: .percent,
                    value: Decimal(-12.5), numerator: nil, denominator: nil, target: image, status: "met", suppressed: false),
                PublishedFigures.Figure(
                    tenant: publication.tenant, adoption: "m", measure: "indicator:x", label: "@SUM(A1:A9)", kind: "result", unit: .count,
                    value: nil, numerator: nil, denominator: nil, target: nil, status: nil, suppressed: true),
            ]
        }
        return PublishedFigures(publications: publications, figures: figures)
    }

    @Test func theNetworkReportPageEscapesEveryName() {
        let report = NetworkReport(model: "m", period: "all", figures: Self.figures)
        let html = report.html(notice: Self.image)
        Self.expectInert(html)
        #expect(html.contains("aria-label=\"&quot; onmouseover=&quot;alert(1)\""))
    }

    @Test func theNetworkReportCSVNeutralisesFormulasButKeepsNumbers() {
        let csv = NetworkReport(model: "m", period: "all", figures: Self.figures).csv()
        let lines = csv.dropFirst().split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "gmina;przykładowa;dane ilustracyjne;model;\"\"\" onmouseover=\"\"alert(1)\";'@SUM(A1:A9)")
        // A formula as a municipality's name starts with an apostrophe, so it stays text.
        #expect(lines.contains { $0.hasPrefix("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"klik\"\")\";tak;;m@1.0.0;") })
        #expect(lines.contains { $0.hasPrefix("'-2+3;nie;") })
        // Numbers stay numbers: a negative figure is not neutralised.
        #expect(lines.dropFirst().allSatisfy { $0.contains(";-12,5;ukryte") }, "\(lines)")
        for line in lines.dropFirst() {
            for cell in line.split(separator: ";") where !cell.hasPrefix("-12") {
                #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "\(cell)")
            }
        }
    }

    @Test func theTenantReportPageEscapesEveryName() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            var tenant = try #require(TenancyFixture.shipped.tenant("torun"))
            tenant.name = Self.script
            tenant.voivodeship = Self.attribute
            let evaluations = try await Evaluator(records: try await fixture.records("torun")).evaluate()
            #expect(!evaluations.isEmpty)
            let html = Reporting.tenantHTML(tenant: tenant, evaluations: evaluations, notice: Self.image)
            Self.expectInert(html)
            #expect(html.contains("<h3>Wskaźniki</h3>"))
        }
    }

    @Test func theHandbookPageEscapesEveryBlock() {
        let handbook = Handbook(
            title: Self.script,
            sections: [
                Handbook.Section(
                    title: Self.attribute,
                    blocks: [
                        .paragraph(Self.image), .heading(Self.script), .list([Self.attribute, Self.image]),
                        .table(header: [Self.script], rows: [[Self.image]]),
                    ])
            ])
        let html = Reporting.handbookHTML(handbook)
        Self.expectInert(html)
        #expect(html.contains("<li>&quot; onmouseover=&quot;alert(1)</li>"))
    }

    /// The one mechanism: templates insert values only in the escaping form, and each renders.
    @Test func templatesNeverInsertUnescapedValues() {
        #expect(PageRenderer.templateNames.count >= 6)
        for file in embeddedPageTemplates {
            #expect(!file.text.contains("{{{"), "\(file.file) inserts a value without escaping")
            #expect(!file.text.contains("{{&"), "\(file.file) inserts a value without escaping")
            #expect(!file.text.contains("{{="), "\(file.file) changes the delimiters")
        }
    }
}
