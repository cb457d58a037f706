import Engine
import Hummingbird
import Reporting
import Templates

/// The coordinator's publishing page: the figures that would leave the municipality, with the
/// suppressed ones marked, and the button that publishes exactly those.
enum PublishingRoutes {
    struct PublishPage: Page {
        static let template = "publish"
        /// One figure as it would leave: its value, or the hidden mark.
        struct Value: Sendable {
            let text: String
            let suppressed: Bool
        }
        /// One measure across the periods.
        struct Row: Sendable {
            let label: String
            let values: [Value]
        }
        /// One adoption: measures down, periods across.
        struct Adoption: Sendable {
            let programme: String
            let periods: [String]
            let rows: [Row]
            /// Published already as of this closing: shown as published, not to be sent again.
            let published: Bool
        }

        let title = "Publikacja dla sieci"
        let signedIn: SiteHeader.SignedIn?
        let nav: TenantNav
        let saved: String?
        let k: Int
        /// The end of the last closed quarter, in Polish, and the first day of the next publication.
        let closing: String
        let next: String
        let adoptions: [Adoption]
        /// Whether publishing now would send anything.
        let pending: Bool
        let action: String
        let csrfToken: String
    }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        pages.get("/m/:tenant/publish") { request, context -> Response in
            let (tenant, publisher, records) = try await access(context, services)
            // The network's k and what is published are part of the key: a new policy or a
            // publish shows at once.
            let (k, published) = try await publisher.state()
            let previews = try await services.evaluations.value("publishing-preview-\(k)-\(published)", of: records) { try await publisher.preview() }
            let choices = try await records.choices()
            let nav = TenantNav(tenant: tenant, name: CaseworkRoutes.name(of: tenant, services), choices: choices, principal: context.principal)
            let adoptions = previews.map(table)
            let closing = Publisher.closing(before: .today)
            var saved: String?
            if let figures = request.uri.queryParameters.get("published"), let hidden = request.uri.queryParameters.get("hidden") {
                saved = "Opublikowano \(figures) wartości, z czego \(hidden) ukryto."
            }
            return Views.render(
                PublishPage(
                    signedIn: SiteHeader(context.principal).signedIn, nav: nav, saved: saved, k: k, closing: closing.polish,
                    next: Publisher.nextPublication(after: closing).polish, adoptions: adoptions, pending: adoptions.contains { !$0.published },
                    action: "/m/\(tenant)/publish",
                    csrfToken: CaseworkRoutes.csrf(context)))
        }

        pages.post("/m/:tenant/publish") { _, context -> Response in
            let (tenant, publisher, _) = try await access(context, services)
            let report = try await publisher.publish()
            return SignInRoutes.redirect("/m/\(tenant)/publish?published=\(report.cells)&hidden=\(report.suppressed)")
        }
    }

    /// A preview's cells as a table: one row per measure in the order they come, one column per
    /// period, the whole period first and then by time.
    static func table(_ preview: Publisher.Preview) -> PublishPage.Adoption {
        let periods = Set(preview.cells.map(\.period)).compactMap(FigurePeriod.init).sorted()
        var measures: [String] = []
        var cells: [String: [String: AggregateCell]] = [:]
        for cell in preview.cells {
            if cells[cell.measure] == nil { measures.append(cell.measure) }
            cells[cell.measure, default: [:]][cell.period] = cell
        }
        let rows = measures.map { measure in
            let byPeriod = cells[measure] ?? [:]
            return PublishPage.Row(
                label: byPeriod.values.first?.label ?? measure,
                values: periods.map { period in
                    guard let cell = byPeriod[period.description] else { return PublishPage.Value(text: "–", suppressed: false) }
                    return PublishPage.Value(text: Reporting.figure(cell.value, unit: cell.unit, suppressed: cell.suppressed, k: preview.k), suppressed: cell.suppressed)
                })
        }
        return PublishPage.Adoption(programme: preview.programme, periods: periods.map(\.heading), rows: rows, published: preview.published)
    }

    static func access(_ context: KokonRequestContext, _ services: ServerServices) async throws -> (String, Publisher, CaseRecords) {
        let tenant = try context.parameters.require("tenant")
        let scope = try Authorize.require(context.principal, .publish(tenant: tenant))
        guard let definition = services.catalog.tenant(tenant) else {
            throw Problem.notFound("municipality '\(tenant)' has no tenant file here; an administrator adds it to tenants/")
        }
        let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
        return (tenant, Publisher(records: records, tenant: definition), records)
    }
}
