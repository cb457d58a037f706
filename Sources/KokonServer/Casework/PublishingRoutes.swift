import Engine
import Hummingbird
import Reporting
import Templates

/// The coordinator's publishing page: the figures that would leave the municipality, with the
/// suppressed ones marked, and the button that publishes exactly those.
enum PublishingRoutes {
    struct PublishPage: Page {
        static let template = "publish"
        struct Cell: Sendable {
            let label: String
            let period: String
            let value: String
            let suppressed: Bool
        }
        struct Adoption: Sendable {
            let programme: String
            let cells: [Cell]
        }

        let title = "Publikacja dla sieci"
        let signedIn: SiteHeader.SignedIn?
        let nav: TenantNav
        let saved: String?
        let k: Int
        let adoptions: [Adoption]
        let action: String
        let csrfToken: String
    }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        pages.get("/m/:tenant/publish") { request, context -> Response in
            let (tenant, publisher, records) = try await access(context, services)
            let k = services.configuration.k
            let previews = try await services.evaluations.value("publishing-preview-\(k)", of: records) { try await publisher.preview(k: k) }
            let choices = try await records.choices()
            let nav = TenantNav(tenant: tenant, name: CaseworkRoutes.name(of: tenant, services), choices: choices, principal: context.principal)
            let adoptions = previews.map { preview in
                PublishPage.Adoption(
                    programme: preview.programme,
                    cells: preview.cells.map {
                        .init(
                            label: $0.label, period: $0.period == "all" ? "cały okres" : $0.period,
                            value: Reporting.figure($0.value, unit: $0.unit, suppressed: $0.suppressed, k: k), suppressed: $0.suppressed)
                    })
            }
            var saved: String?
            if let figures = request.uri.queryParameters.get("published"), let hidden = request.uri.queryParameters.get("hidden") {
                saved = "Opublikowano \(figures) wartości, z czego \(hidden) ukryto."
            }
            return Views.render(
                PublishPage(
                    signedIn: SiteHeader(context.principal).signedIn, nav: nav, saved: saved, k: k, adoptions: adoptions, action: "/m/\(tenant)/publish",
                    csrfToken: CaseworkRoutes.csrf(context)))
        }

        pages.post("/m/:tenant/publish") { _, context -> Response in
            let (tenant, publisher, _) = try await access(context, services)
            let report = try await publisher.publish(k: services.configuration.k)
            return SignInRoutes.redirect("/m/\(tenant)/publish?published=\(report.cells)&hidden=\(report.suppressed)")
        }
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
