import Engine
import Foundation
import Hummingbird
import Postgres
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
        /// "Zmiany w kolejnych latach" or "… kwartałach", as the charts go.
        let trendHeading: String
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
            let entries = try await PublishedFigures.models(services.pool).compactMap { model -> IndexPage.Entry? in
                let running = municipalities(running: model.id, services.catalog)
                guard Policy.allows(context.principal, .readNetworkReport(model: model.id, runningIn: running)) else { return nil }
                let names = services.catalog.tenants.filter { running.contains($0.id) }.map(\.name)
                return IndexPage.Entry(
                    name: model.name, link: "/network/\(model.id)", municipalities: names.isEmpty ? "" : "realizują: " + names.sorted().joined(separator: ", "))
            }
            return Views.render(IndexPage(signedIn: SiteHeader(context.principal).signedIn, entries: entries, hasEntries: !entries.isEmpty))
        }

        pages.get("/network/:model") { request, context -> Response in
            let asked = try await access(request, context, services)
            // The chart follows the period chosen: quarters for a quarter, otherwise years.
            let points = asked.published.filter { asked.period.isQuarter ? $0.isQuarter : $0.isYear }
            let read = try await PublishedFigures.read(services.pool, model: asked.model, periods: ([asked.period] + points).map(\.description))
            func report(_ period: FigurePeriod) -> NetworkReport {
                NetworkReport(model: asked.model, period: period.description, figures: read[period.description] ?? .empty)
            }
            let shown = report(asked.period)
            let series = points.map { (label: $0.heading, report: report($0)) }
            let trends =
                points.count < 2
                ? [] : shown.columns.filter { trendMeasures.contains($0.measure) || $0.measure.hasPrefix("indicator:") }.map { TrendChart(column: $0, periods: series) }
            let name = shown.modelName
            let query = "period=\(asked.period)"
            return Views.render(
                ComparisonPage(
                    title: "Spotkanie sieci – \(name)", signedIn: SiteHeader(context.principal).signedIn, modelName: name, model: asked.model,
                    periodText: asked.period.polish, periods: asked.published.map { Option(value: $0.description, label: $0.polish, selected: $0 == asked.period) },
                    comparison: NetworkComparisonView(shown), trends: trends, hasTrends: !trends.isEmpty,
                    trendHeading: asked.period.isQuarter ? "Zmiany w kolejnych kwartałach" : "Zmiany w kolejnych latach",
                    downloads: [
                        Download(label: "Pobierz CSV (arkusz kalkulacyjny)", url: "/network/\(asked.model)/report.csv?\(query)"),
                        Download(label: "Pobierz JSON", url: "/network/\(asked.model)/report.json?\(query)"),
                    ], handout: "/network/\(asked.model)/handout?\(query)"))
        }

        pages.get("/network/:model/handout") { request, context -> Response in
            let asked = try await access(request, context, services)
            let report = try await asked.report(services)
            return Views.render(
                HandoutPage(
                    title: "Materiał na spotkanie sieci – \(report.modelName)", modelName: report.modelName, periodText: asked.period.polish,
                    printedOn: CalendarDate.today.polish, comparison: NetworkComparisonView(report), back: "/network/\(asked.model)?period=\(asked.period)"))
        }

        pages.get("/network/:model/report.csv") { request, context -> Response in
            let asked = try await access(request, context, services)
            return download(try await asked.report(services).csv(), type: "text/csv; charset=utf-8", name: "raport-sieci-\(asked.model)-\(asked.period).csv")
        }

        pages.get("/network/:model/report.json") { request, context -> Response in
            let asked = try await access(request, context, services)
            return download(try await asked.report(services).json(), type: "application/json", name: "raport-sieci-\(asked.model)-\(asked.period).json")
        }
    }

    /// What a network page was asked for, once the account may read it.
    struct Asked {
        /// The programme's id.
        let model: String
        /// The period asked for.
        let period: FigurePeriod
        /// The periods published for the programme, the whole period first.
        let published: [FigurePeriod]

        /// The comparison for the period asked for.
        func report(_ services: ServerServices) async throws -> NetworkReport {
            NetworkReport(model: model, period: period.description, figures: try await PublishedFigures.read(services.pool, model: model, period: period.description))
        }
    }

    /// The model and the period asked for, and the periods published, once the account may read them.
    static func access(_ request: Request, _ context: KokonRequestContext, _ services: ServerServices) async throws -> Asked {
        let model = try context.parameters.require("model")
        guard services.catalog.programmes.contains(where: { $0.id == model }) else {
            let known = Set(services.catalog.programmes.map(\.id)).sorted().joined(separator: ", ")
            throw Problem.notFound("there is no programme '\(model)'; programmes: \(known)")
        }
        try Authorize.require(context.principal, .readNetworkReport(model: model, runningIn: municipalities(running: model, services.catalog)))
        let period = try period(request)
        let published = try await PublishedFigures.periods(services.pool, model: model)
        return Asked(model: model, period: period, published: published.isEmpty ? [.whole] : published)
    }

    /// The `period` query parameter: the whole period when absent; refused when it names no period.
    static func period(_ request: Request) throws -> FigurePeriod {
        let text = request.uri.queryParameters.get("period") ?? "all"
        guard let period = FigurePeriod(text) else {
            throw Problem.badRequest("period must be \(FigurePeriod.accepted), not '\(text)'")
        }
        return period
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

    static func download(_ text: String, type: String, name: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
