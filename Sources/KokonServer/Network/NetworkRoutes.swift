import Engine
import Foundation
import Hummingbird
import Reporting
import Templates

/// The network meeting pages, for analysts and for the coordinators of municipalities running
/// a programme: the comparison of every municipality from published figures only, for the
/// period chosen on the page, a trend chart per measure, a printable handout, and the CSV and
/// JSON downloads. Nothing here reads a municipality's own records, and no city links to any.
enum NetworkRoutes {
    struct IndexPage: Page {
        static let template = "network"

        struct Entry: Sendable {
            let name: String
            let link: String
            let municipalities: String
        }

        let title = "Spotkania sieci"
        let signedIn: SiteHeader.SignedIn?
        let entries: [Entry]
        let hasEntries: Bool
    }

    struct Download: Sendable {
        let label: String
        let url: String
    }

    struct ComparisonPage: Page {
        static let template = "network-programme"
        let title: String
        let signedIn: SiteHeader.SignedIn?
        let modelName: String
        let model: String
        let periodText: String
        let periods: [Option]
        let comparison: NetworkComparisonView
        let trends: [TrendChart]
        let hasTrends: Bool
        let downloads: [Download]
        let handout: String
    }

    struct HandoutPage: Page {
        static let template = "network-handout"
        let title: String
        let modelName: String
        let periodText: String
        let printedOn: String
        let comparison: NetworkComparisonView
        let back: String
    }

    /// The measures a trend chart is drawn for, in the order of the comparison's columns:
    /// the ones a network meeting follows over time.
    static let trendMeasures: Set<String> = [
        "reach", "retention", "completion", "fidelity", "adherence", "dose-months", "network-actions-per-network-year", "cost-per-subject",
    ]

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        pages.get("/network") { _, context -> Response in
            try Authorize.require(context.principal, .readNetworkReport(model: nil, runningIn: []))
            let published = try await PublishedFigures.models(services.pool)
            let entries = published.filter { Policy.allows(context.principal, .readNetworkReport(model: $0.id, runningIn: municipalities(running: $0.id, services.catalog))) }
                .map { model in
                    let names = services.catalog.tenants.filter { municipalities(running: model.id, services.catalog).contains($0.id) }.map(\.name)
                    return IndexPage.Entry(
                        name: model.name, link: "/network/\(model.id)", municipalities: names.isEmpty ? "" : "realizują: " + names.sorted().joined(separator: ", "))
                }
            return Views.render(IndexPage(signedIn: SiteHeader(context.principal).signedIn, entries: entries, hasEntries: !entries.isEmpty))
        }

        pages.get("/network/:model") { request, context -> Response in
            let (model, period, periods) = try await access(request, context, services)
            let report = NetworkReport(model: model, period: period, figures: try await PublishedFigures.read(services.pool, model: model, period: period))
            let years = periods.filter { $0 != "all" }
            var byYear: [(label: String, report: NetworkReport)] = []
            for year in years {
                byYear.append((year, NetworkReport(model: model, period: year, figures: try await PublishedFigures.read(services.pool, model: model, period: year))))
            }
            let trends =
                years.count < 2
                ? [] : report.columns.filter { trendMeasures.contains($0.measure) || $0.measure.hasPrefix("indicator:") }.map { TrendChart(column: $0, periods: byYear) }
            let name = report.modelName
            let query = "period=\(period)"
            return Views.render(
                ComparisonPage(
                    title: "Spotkanie sieci – \(name)", signedIn: SiteHeader(context.principal).signedIn, modelName: name, model: model,
                    periodText: periodText(period), periods: choices(periods, selected: period), comparison: NetworkComparisonView(report), trends: trends,
                    hasTrends: !trends.isEmpty,
                    downloads: [
                        Download(label: "Pobierz CSV (arkusz kalkulacyjny)", url: "/network/\(model)/report.csv?\(query)"),
                        Download(label: "Pobierz JSON", url: "/network/\(model)/report.json?\(query)"),
                    ], handout: "/network/\(model)/handout?\(query)"))
        }

        pages.get("/network/:model/handout") { request, context -> Response in
            let (model, period, _) = try await access(request, context, services)
            let report = NetworkReport(model: model, period: period, figures: try await PublishedFigures.read(services.pool, model: model, period: period))
            return Views.render(
                HandoutPage(
                    title: "Materiał na spotkanie sieci – \(report.modelName)", modelName: report.modelName, periodText: periodText(period),
                    printedOn: Reporting.date(.today), comparison: NetworkComparisonView(report), back: "/network/\(model)?period=\(period)"))
        }

        pages.get("/network/:model/report.csv") { request, context -> Response in
            let (model, period, _) = try await access(request, context, services)
            let report = NetworkReport(model: model, period: period, figures: try await PublishedFigures.read(services.pool, model: model, period: period))
            return download(report.csv(), type: "text/csv; charset=utf-8", name: "raport-sieci-\(model)-\(period).csv")
        }

        pages.get("/network/:model/report.json") { request, context -> Response in
            let (model, period, _) = try await access(request, context, services)
            let report = NetworkReport(model: model, period: period, figures: try await PublishedFigures.read(services.pool, model: model, period: period))
            return download(try report.json(), type: "application/json", name: "raport-sieci-\(model)-\(period).json")
        }
    }

    /// The model, the period asked for, and the periods published, once the account may read them.
    static func access(_ request: Request, _ context: KokonRequestContext, _ services: ServerServices) async throws -> (String, String, [String]) {
        let model = try context.parameters.require("model")
        guard services.catalog.programmes.contains(where: { $0.id == model }) else {
            let known = Set(services.catalog.programmes.map(\.id)).sorted().joined(separator: ", ")
            throw Problem.notFound("there is no programme '\(model)'; programmes: \(known)")
        }
        try Authorize.require(context.principal, .readNetworkReport(model: model, runningIn: municipalities(running: model, services.catalog)))
        let period = request.uri.queryParameters.get("period") ?? "all"
        guard Evaluator.isPeriod(period) else {
            throw Problem.badRequest("period must be all or a year such as 2025, not '\(period)'")
        }
        var periods = try await PublishedFigures.periods(services.pool, model: model)
        if periods.isEmpty { periods = ["all"] }
        return (model, period, periods)
    }

    /// The municipalities whose tenant files adopt `model`, or a programme built on it.
    static func municipalities(running model: String, _ catalog: ModelCatalog) -> Set<String> {
        Set(
            catalog.tenants.filter { tenant in
                tenant.adoptions.contains { adoption in
                    adoption.model.id == model
                        || (adoption.resolvedModel.flatMap { catalog.programme($0) }?.lineage.contains { $0 == model || $0.hasPrefix(model + "@") } ?? false)
                }
            }.map(\.id))
    }

    static func periodText(_ period: String) -> String { period == "all" ? "cały okres realizacji" : "rok \(period)" }

    static func choices(_ periods: [String], selected: String) -> [Option] {
        periods.map { Option(value: $0, label: periodText($0), selected: $0 == selected) }
    }

    static func download(_ text: String, type: String, name: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
