import Engine
import Foundation
import Hummingbird
import Reporting
import Templates

/// The check page: a template or tenant file, pasted or uploaded, checked exactly as
/// `kokon lint` checks it (against the programmes and library components this server knows),
/// with each finding shown at its line. Nothing is stored.
enum ProgrammeCheckRoutes {
    struct CheckPage: Page {
        static let template = "programme-check"

        /// A line of the file around a finding.
        struct SourceLine: Sendable {
            let number: Int
            let text: String
            let hit: Bool
        }

        struct Finding: Sendable {
            let severity: String
            let style: String
            let place: String
            let code: String
            let message: String
            let hint: String?
            let firstLine: Int
            let lines: [SourceLine]
            let hasLines: Bool
            /// The finding's line split at its column, so the spot can be marked.
            let before: String
            let spot: String
            let after: String
        }

        let title = "Sprawdź szablon lub plik gminy"
        let signedIn: SiteHeader.SignedIn?
        let csrfToken: String
        let kinds: [Option]
        let text: String
        let checked: Bool
        let summary: String
        let clean: Bool
        let findings: [Finding]
        let problem: String?
    }

    /// What the pasted file is.
    enum FileKind: String, CaseIterable {
        case automatic, programme, component, tenant

        var polish: String {
            switch self {
            case .automatic: "rozpoznaj sam"
            case .programme: "szablon programu"
            case .component: "komponent biblioteki"
            case .tenant: "plik gminy"
            }
        }
    }

    /// The largest file checked: templates are a few tens of kilobytes.
    static let largest = 512 * 1024

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        pages.get("/programmes/check") { _, context -> Response in
            try Authorize.require(context.principal, .readProgrammes)
            return Views.render(page(context, kind: .automatic, text: "", result: nil, problem: nil))
        }

        pages.post("/programmes/check") { request, context -> Response in
            try Authorize.require(context.principal, .readProgrammes)
            var request = request
            let body = try await request.collectBody(upTo: services.configuration.bodyLimit)
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
                throw Problem.badRequest("send the file with the page's form")
            }
            let form = MultipartForm(Array(body.readableBytesView), boundary: boundary)
            let kind = FileKind(rawValue: form["kind"] ?? "") ?? .automatic
            let upload = form.file("file").flatMap { $0.bytes.isEmpty ? nil : $0 }
            // A browser sends a text area's lines ended by CRLF; the file they were pasted from had LF.
            let bytes = upload?.bytes ?? Array((form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").utf8)
            let name = upload?.fileName.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "wklejony.yaml"
            let shown = String(decoding: bytes.prefix(largest), as: UTF8.self)
            guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
                return Views.render(page(context, kind: kind, text: "", result: nil, problem: "Wklej treść pliku YAML albo wybierz plik do sprawdzenia."))
            }
            guard bytes.count <= largest else {
                return Views.render(
                    page(context, kind: kind, text: "", result: nil, problem: "Plik ma ponad 512 KB; szablony i pliki gmin są znacznie mniejsze. Sprawdź, czy to właściwy plik."))
            }
            let result = check(bytes, name: name, kind: kind, against: services.catalog)
            return Views.render(page(context, kind: kind, text: upload == nil ? shown : "", result: result, problem: nil))
        }
    }

    /// The findings about one file, and its text.
    struct Result {
        let name: String
        let source: String?
        let diagnostics: [Diagnostic]
    }

    /// Checks the file among the server's templates, in place of any file with the same id
    /// and version (the methodologist is editing that one), as `kokon lint` would.
    static func check(_ bytes: [UInt8], name: String, kind: FileKind, against catalogue: ModelCatalog) -> Result {
        var alone = ModelCatalog()
        let path = "wklejony/" + name
        alone.add(bytes: bytes, path: path, kind: resolved(kind, bytes))
        let file = alone.files.first
        var catalog = ModelCatalog()
        for other in catalogue.files {
            if let file, other.kind == file.kind, other.id == file.id, other.version == file.version || file.kind == .tenant { continue }
            guard let text = catalogue.sources[other.path] else { continue }
            catalog.add(bytes: Array(text.utf8), path: other.path, kind: other.kind)
        }
        catalog.add(bytes: bytes, path: path, kind: resolved(kind, bytes))
        catalog.checkAll()
        return Result(name: name, source: catalog.sources[path], diagnostics: catalog.diagnostics.sorted.filter { $0.file == path })
    }

    /// The kind chosen, or for "automatic" what the file looks like: a municipality lists
    /// adoptions; a library component has no components of its own.
    static func resolved(_ kind: FileKind, _ bytes: [UInt8]) -> TemplateFile.Kind {
        switch kind {
        case .programme: return .programme
        case .component: return .component
        case .tenant: return .tenant
        case .automatic:
            let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            if lines.contains(where: { $0.hasPrefix("adoptions:") || $0.hasPrefix("teryt:") }) { return .tenant }
            if !lines.contains(where: { $0.hasPrefix("components:") }) && lines.contains(where: { $0.hasPrefix("activities:") }) { return .component }
            return .programme
        }
    }

    static func page(_ context: KokonRequestContext, kind: FileKind, text: String, result: Result?, problem: String?) -> CheckPage {
        let header = SiteHeader(context.principal).signedIn
        let findings = (result?.diagnostics ?? []).map { finding($0, source: result?.source) }
        let errors = result?.diagnostics.filter { $0.severity == .error }.count ?? 0
        let warnings = (result?.diagnostics.count ?? 0) - errors
        let summary =
            result.map { result in
                errors == 0 && warnings == 0
                    ? "Plik \(result.name) jest poprawny: brak błędów i ostrzeżeń. Niczego nie zapisano."
                    : "Plik \(result.name): "
                        + PolishGrammar.count(errors, "błąd", "błędy", "błędów") + ", " + PolishGrammar.count(warnings, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń")
                        + ". Niczego nie zapisano."
            } ?? ""
        return CheckPage(
            signedIn: header, csrfToken: header?.csrfToken ?? "",
            kinds: FileKind.allCases.map { Option(value: $0.rawValue, label: $0.polish, selected: $0 == kind) }, text: text, checked: result != nil,
            summary: summary, clean: result != nil && findings.isEmpty, findings: findings, problem: problem)
    }

    /// A finding with the lines around it, its own line marked at its column.
    static func finding(_ diagnostic: Diagnostic, source: String?) -> CheckPage.Finding {
        // Split on every line break, CRLF included (one Character in Swift).
        let all = source.map { $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init) } ?? []
        let line = diagnostic.location.line
        let first = max(1, line - 2)
        let last = min(all.count, line + 2)
        let lines = first <= last ? (first...last).map { CheckPage.SourceLine(number: $0, text: all[$0 - 1], hit: $0 == line) } : []
        let text = line >= 1 && line <= all.count ? Array(all[line - 1]) : []
        let column = min(max(diagnostic.location.column - 1, 0), text.count)
        let spotEnd = text[column...].firstIndex(where: { $0 == " " || $0 == ":" }).map { max($0, column + 1) } ?? text.count
        return CheckPage.Finding(
            severity: diagnostic.severity == .error ? "Błąd" : "Ostrzeżenie", style: diagnostic.severity == .error ? "error" : "notice",
            place: "wiersz \(line), kolumna \(diagnostic.location.column)", code: diagnostic.code, message: diagnostic.message, hint: diagnostic.hint,
            firstLine: first, lines: lines, hasLines: !lines.isEmpty, before: String(text[..<column]), spot: String(text[column..<min(spotEnd, text.count)]),
            after: String(text[min(spotEnd, text.count)...]))
    }
}
