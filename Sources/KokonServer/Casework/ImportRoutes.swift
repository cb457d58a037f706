import Engine
import Foundation
import Hummingbird
import Reporting

/// The import page: a CSV file is checked in full first (a dry run: rows read, what would be
/// added, every rejected row with its reason) and written only when the coordinator confirms.
/// Between the two the file waits in a temporary folder under a random name that carries the
/// account's number, so only the person who sent it can confirm it.
enum ImportRoutes {
    struct ImportPage: Page {
        static let template = "import"
        struct Kind: Sendable {
            let value: String
            let label: String
            let selected: Bool
        }
        struct Confirm: Sendable {
            let confirmAction: String
            let upload: String
            let kind: String
            /// Whether rows whose key is stored with other values replace the stored records.
            let update: Bool
            let button: String
        }
        struct Result: Sendable {
            let heading: String
            let summary: String
            let style: String
            let rejects: [String]
            let hasRejects: Bool
            let confirm: Confirm?
        }

        let title = "Import danych z pliku CSV"
        let signedIn: SiteHeader.SignedIn?
        let nav: TenantNav
        let action: String
        let csrfToken: String
        let kinds: [Kind]
        let result: Result?
    }

    static let kindNames: [String: String] = [
        "households": "gospodarstwa domowe", "persons": "osoby", "events": "zdarzenia w życiu osób", "staff": "pracownicy", "enrolments": "przyjęcia do programu",
        "assignments": "przydziały pracowników", "plans": "plany", "goals": "cele planów", "sessions": "spotkania", "attendance": "obecność na spotkaniach",
        "networks": "sieci współpracy", "network_members": "członkowie sieci", "network_actions": "działania sieci", "outcomes": "rezultaty",
        "expenditures": "wydatki",
    ]

    static var folder: URL { FileManager.default.temporaryDirectory.appending(path: "kokon-uploads") }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        let limit = services.configuration.bodyLimit

        pages.get("/m/:tenant/import") { _, context -> Response in
            let tenant = try context.parameters.require("tenant")
            let scope = try Authorize.require(context.principal, .writeRecords(tenant: tenant, kind: "staff"))
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            return try await page(tenant, records, context, services, kind: nil, result: nil)
        }

        pages.post("/m/:tenant/import") { request, context -> Response in
            let tenant = try context.parameters.require("tenant")
            var request = request
            let body = try await request.collectBody(upTo: limit)
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
                throw Problem.badRequest("send the file with the page's form")
            }
            let form = MultipartForm(Array(body.readableBytesView), boundary: boundary)
            guard let kind = RecordKind.all.first(where: { $0.name == form["kind"] }) else { throw Problem.badRequest("choose a kind of data") }
            let scope = try Authorize.require(context.principal, .writeRecords(tenant: tenant, kind: kind.name))
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            guard let file = form.file("file"), !file.bytes.isEmpty else {
                return try await page(tenant, records, context, services, kind: kind.name, result: failure("Nie wybrano pliku albo plik jest pusty."))
            }
            let name = file.fileName.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "plik.csv"
            let report: ImportReport
            let update = form["update"] == "1"
            do {
                report = try await records.importData(kind, name: name, data: file.bytes, dryRun: true, update: update)
            } catch let error as RecordError {
                return try await page(tenant, records, context, services, kind: kind.name, result: refusal(error))
            }
            let upload = "\(context.principal!.account.id)-\(Secrets.random(bytes: 16))"
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(file.bytes).write(to: folder.appending(path: upload + ".csv"))
            let summary =
                "Sprawdzono \(report.rows) wierszy pliku \(name): \(report.inserted) zostanie dodanych, "
                + (report.updated > 0 ? "\(report.updated) zastąpi zapisane rekordy, " : "") + "\(report.unchanged) jest już zapisanych. Nic jeszcze nie zapisano."
            let confirm =
                report.inserted + report.updated > 0
                ? ImportPage.Confirm(
                    confirmAction: "/m/\(tenant)/import/confirm", upload: upload, kind: kind.name, update: update,
                    button: "Importuj \(report.inserted + report.updated) wierszy") : nil
            return try await page(
                tenant, records, context, services, kind: kind.name,
                result: .init(heading: "Plik jest poprawny", summary: summary, style: "notice", rejects: [], hasRejects: false, confirm: confirm))
        }

        pages.post("/m/:tenant/import/confirm") { request, context -> Response in
            let tenant = try context.parameters.require("tenant")
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
            guard let kind = RecordKind.all.first(where: { $0.name == form["kind"] }) else { throw Problem.badRequest("choose a kind of data") }
            let scope = try Authorize.require(context.principal, .writeRecords(tenant: tenant, kind: kind.name))
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            let upload = form["upload"] ?? ""
            let mine = upload.hasPrefix("\(context.principal!.account.id)-") && upload.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            let path = folder.appending(path: upload + ".csv")
            guard mine, let data = FileManager.default.contents(atPath: path.path) else {
                return try await page(tenant, records, context, services, kind: kind.name, result: failure("Ten plik został już zaimportowany albo wygasł. Wyślij go ponownie."))
            }
            defer { try? FileManager.default.removeItem(at: path) }
            do {
                let report = try await records.importData(kind, name: "plik.csv", data: Array(data), update: form["update"] == "1")
                let summary =
                    "Zapisano \(report.inserted) wierszy (\(kindNames[kind.name] ?? kind.name)); "
                    + (report.updated > 0 ? "\(report.updated) zastąpiło zapisane rekordy; " : "") + "\(report.unchanged) było już zapisanych."
                return try await page(
                    tenant, records, context, services, kind: kind.name,
                    result: .init(heading: "Zaimportowano", summary: summary, style: "saved", rejects: [], hasRejects: false, confirm: nil))
            } catch let error as RecordError {
                return try await page(tenant, records, context, services, kind: kind.name, result: refusal(error))
            }
        }
    }

    static func failure(_ text: String) -> ImportPage.Result {
        .init(heading: "Nie można sprawdzić pliku", summary: text, style: "error", rejects: [], hasRejects: false, confirm: nil)
    }

    /// A refused file in the page's words: every rejected row with its reason.
    static func refusal(_ error: RecordError) -> ImportPage.Result {
        guard case .rejected(let report) = error else {
            return failure("Pliku nie da się odczytać: \(error.description)")
        }
        var rejects = report.rejects.map { "wiersz \($0.row): \(PolishReasons.polish($0.reason) ?? $0.reason)" }
        if report.rejectCount > report.rejects.count { rejects.append("… i \(report.rejectCount - report.rejects.count) kolejnych") }
        let summary = "Odrzucono \(report.rejectCount) z \(report.rows) wierszy, więc nic nie zapisano. Popraw te wiersze i wyślij plik ponownie:"
        return .init(heading: "Plik ma błędy", summary: summary, style: "error", rejects: rejects, hasRejects: true, confirm: nil)
    }

    static func page(
        _ tenant: String, _ records: CaseRecords, _ context: KokonRequestContext, _ services: ServerServices, kind: String?, result: ImportPage.Result?
    ) async throws -> Response {
        let nav = TenantNav(tenant: tenant, name: CaseworkRoutes.name(of: tenant, services), choices: try await records.choices(), principal: context.principal)
        let kinds = RecordKind.all.filter { Policy.allows(context.principal, .writeRecords(tenant: tenant, kind: $0.name)) }.map {
            ImportPage.Kind(value: $0.name, label: kindNames[$0.name] ?? $0.name, selected: $0.name == kind)
        }
        let status: HTTPResponse.Status = result?.style == "error" ? .unprocessableContent : .ok
        return Views.render(
            ImportPage(
                signedIn: SiteHeader(context.principal).signedIn, nav: nav, action: "/m/\(tenant)/import", csrfToken: CaseworkRoutes.csrf(context),
                kinds: kinds, result: result),
            status: status)
    }
}
