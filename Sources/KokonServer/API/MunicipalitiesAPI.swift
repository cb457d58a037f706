import Engine
import Foundation
import Hummingbird
import Postgres
import Reporting
import Templates

/// `/api/v1/municipalities…`: the caller's municipalities, their evaluation and publishing.
enum MunicipalitiesAPI {
    struct Municipality: Encodable {
        let id: String
        let name: String
        let example: Bool
        let adoptions: [String]
        let roles: [String]
    }

    struct Published: Encodable {
        let tenant: String
        let figures: Int
        let hidden: Int
        let k: Int
        let asOf: String
        let unchanged: [String]
    }

    static func add(to api: RouterGroup<KokonRequestContext>, services: ServerServices) {
        api.get("/municipalities") { _, context -> Response in
            try Authorize.require(context.principal, .listMunicipalities)
            let account = context.principal!.account
            let everything = account.holds(.networkAdministrator)
            let listed = try await TenantDirectory(pool: services.pool, catalog: services.catalog).list().filter { $0.appliedAt != nil }
            let mine = listed.filter { summary in everything || account.grants.contains { $0.tenant == summary.id } }.map { summary in
                Municipality(
                    id: summary.id, name: summary.name, example: summary.example, adoptions: summary.adoptions,
                    roles: account.grants.filter { $0.tenant == summary.id || ($0.tenant == nil && everything) }.map(\.role.rawValue))
            }
            return try JSONAnswer.encode(["municipalities": mine])
        }

        api.get("/municipalities/:tenant/evaluation") { request, context -> Response in
            let tenant = try context.parameters.require("tenant")
            let scope = try Authorize.require(context.principal, .evaluate(tenant: tenant))
            let period = request.uri.queryParameters.get("period") ?? "all"
            guard Evaluator.isPeriod(period) else {
                throw Problem.badRequest("period must be all or a year such as 2025, not '\(period)'")
            }
            for name in request.uri.queryParameters.map(\.key) where !["period", "adoption"].contains(name) {
                throw Problem.badRequest("unknown parameter '\(name)'; use period and adoption")
            }
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            let evaluations = try await Evaluator(records: records).evaluate(adoption: request.uri.queryParameters.get("adoption"), year: Int(period))
            return try JSONAnswer.encode(["evaluations": evaluations])
        }

        api.post("/municipalities/:tenant/publications") { _, context -> Response in
            let tenant = try context.parameters.require("tenant")
            let scope = try Authorize.require(context.principal, .publish(tenant: tenant))
            let definition = try TenantDirectory(pool: services.pool, catalog: services.catalog).tenant(tenant)
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            let report = try await Publisher(records: records, tenant: definition).publish()
            return try JSONAnswer.encode(
                Published(
                    tenant: tenant, figures: report.cells, hidden: report.suppressed, k: report.k, asOf: report.closing.description, unchanged: report.unchanged), status: .created)
        }

        api.get("/network/:programme/report") { request, context -> Response in
            let model = try context.parameters.require("programme")
            try Authorize.require(context.principal, .readNetworkReport(model: model, runningIn: NetworkRoutes.municipalities(running: model, services.catalog)))
            let period = try NetworkRoutes.period(request).description
            guard services.catalog.programmes.contains(where: { $0.id == model }) else {
                let known = Set(services.catalog.programmes.map(\.id)).sorted().joined(separator: ", ")
                throw Problem.notFound("there is no programme '\(model)'; programmes: \(known)")
            }
            let report = NetworkReport(model: model, period: period, figures: try await PublishedFigures.read(services.pool, model: model, period: period))
            return JSONAnswer.raw(try report.json())
        }
    }
}
