import Engine
import Foundation
import Hummingbird
import Postgres

/// `/api/v1/municipalities/{tenant}/records/{kind}…`: case records, checked exactly like an
/// imported row (the same Engine path, the same messages).
enum RecordsAPI {
    static func add(to api: RouterGroup<KokonRequestContext>, services: ServerServices) {
        let limit = services.configuration.bodyLimit

        api.get("/municipalities/:tenant/records/:kind") { request, context -> Response in
            let (tenant, kind) = try target(context)
            let records = try await authorized(.readRecords(tenant: tenant, kind: kind.name), tenant, context, services)
            var filters: [String: String] = [:]
            var after: String?
            var size = 50
            for (name, value) in request.uri.queryParameters {
                switch name {
                case "after": after = String(value)
                case "limit":
                    guard let number = Int(value), (1...500).contains(number) else { throw Problem.badRequest("limit must be a whole number from 1 to 500") }
                    size = number
                default: filters[String(name)] = String(value)
                }
            }
            let page = try await records.list(kind, filters: filters, after: after, limit: size)
            let items = page.records.map(\.text).joined(separator: ",")
            return JSONAnswer.raw("{\"next\":\(page.next.map(JSONAnswer.quoted) ?? "null"),\"records\":[\(items)]}")
        }

        api.get("/municipalities/:tenant/records/:kind/:code") { _, context -> Response in
            let (tenant, kind) = try target(context)
            let code = try context.parameters.require("code")
            let records = try await authorized(.readRecords(tenant: tenant, kind: kind.name), tenant, context, services)
            let record = try await records.find(kind, code: code)
            if case .all = records.scope, let principal = context.principal {
                services.audit.recordRead(.init(account: principal.account.id, tenant: tenant, kind: kind.name, key: code, at: Date()))
            }
            return JSONAnswer.raw(record.text)
        }

        api.post("/municipalities/:tenant/records/:kind") { request, context -> Response in
            let (tenant, kind) = try target(context)
            let records = try await authorized(.writeRecords(tenant: tenant, kind: kind.name), tenant, context, services)
            return try await Idempotency.once(request, context, services: services) { body in
                let fields = try JSONAnswer.fields(try await body(), allowed: kind.columns.map(\.name), what: kind.name)
                let report = try await records.write(kind, [fields])
                var record = "null"
                if kind.hasSingleKey, let code = fields["code"] { record = try await records.find(kind, code: code).text }
                let status: HTTPResponse.Status = report.inserted > 0 ? .created : .ok
                return (status, "{\"added\":\(report.inserted),\"alreadyRecorded\":\(report.unchanged),\"record\":\(record)}")
            }
        }

        api.put("/municipalities/:tenant/records/:kind/:code") { request, context -> Response in
            let (tenant, kind) = try target(context)
            let code = try context.parameters.require("code")
            let records = try await authorized(.writeRecords(tenant: tenant, kind: kind.name), tenant, context, services)
            let fields = try JSONAnswer.fields(try await JSONAnswer.object(request, limit: limit), allowed: kind.columns.map(\.name), what: kind.name)
            try await records.update(kind, code: code, values: fields)
            return JSONAnswer.raw(try await records.find(kind, code: code).text)
        }

        api.delete("/municipalities/:tenant/records/:kind/:code") { _, context -> Response in
            let (tenant, kind) = try target(context)
            let code = try context.parameters.require("code")
            let records = try await authorized(.writeRecords(tenant: tenant, kind: kind.name), tenant, context, services)
            try await records.delete(kind, code: code)
            return Response(status: .noContent)
        }

        api.post("/municipalities/:tenant/sessions/:code/attendance") { request, context -> Response in
            let tenant = try context.parameters.require("tenant")
            let session = try context.parameters.require("code")
            let records = try await authorized(.writeRecords(tenant: tenant, kind: RecordKind.attendance.name), tenant, context, services)
            return try await Idempotency.once(request, context, services: services) { body in
                let object = try await body()
                guard object.keys.sorted() == ["attendance"], case .array(let list)? = object["attendance"] else {
                    throw Problem.badRequest("the body must be {\"attendance\": [{\"person\": \"P-1\", \"status\": \"present\"}, …]}")
                }
                var rows: [[String: String]] = []
                for item in list {
                    guard case .object(let entry) = item else { throw Problem.badRequest("each attendance entry must be an object with person and status") }
                    var fields = try JSONAnswer.fields(entry, allowed: ["person", "status"], what: "an attendance entry")
                    fields["session"] = session
                    rows.append(fields)
                }
                guard !rows.isEmpty else { throw Problem.badRequest("the attendance list is empty; list each person with present, excused or unexcused") }
                let report = try await records.write(.attendance, rows)
                return (report.inserted > 0 ? .created : .ok, "{\"added\":\(report.inserted),\"alreadyRecorded\":\(report.unchanged)}")
            }
        }
    }

    /// The municipality and record kind the address names.
    static func target(_ context: KokonRequestContext) throws -> (String, RecordKind) {
        let tenant = try context.parameters.require("tenant")
        let name = try context.parameters.require("kind")
        guard let kind = RecordKind.all.first(where: { $0.name == name }) else {
            throw Problem.notFound("'\(name)' is not a kind of record; kinds: " + RecordKind.all.map(\.name).joined(separator: ", "))
        }
        return (tenant, kind)
    }

    /// The records the principal may reach, or the policy's refusal.
    static func authorized(_ action: Action, _ tenant: String, _ context: KokonRequestContext, _ services: ServerServices) async throws -> CaseRecords {
        let scope = try Authorize.require(context.principal, action)
        return try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
    }
}
