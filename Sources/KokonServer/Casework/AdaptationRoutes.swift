import Engine
import Foundation
import Hummingbird
import Postgres
import Reporting
import Templates

/// The coordinator's adaptation register: every adaptation of the municipality (from its
/// tenant file and recorded here) with FRAME's fields, and the form that records one, checked
/// against the programme's bounds with the same check `kokon lint` makes.
enum AdaptationRoutes {
    struct RegisterPage: Page {
        static let template = "adaptations"

        struct Entry: Sendable {
            let code: String
            let programme: String
            let summary: String
            let reason: String
            let decided: String
            let kind: String
            /// FRAME's fields as label–value pairs; empty for a tenant file's adaptation.
            let frame: [Detail]
            let hasFrame: Bool
        }

        struct Detail: Sendable {
            let label: String
            let value: String
        }

        let title = "Rejestr adaptacji"
        let signedIn: SiteHeader.SignedIn?
        let nav: TenantNav
        let saved: String?
        let entries: [Entry]
        let hasEntries: Bool
        let summary: String?
        let action: String
        let csrfToken: String
        let fields: [FormField]
    }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        pages.get("/m/:tenant/adaptations") { request, context -> Response in
            let (tenant, records) = try await access(context, services)
            let saved = request.uri.queryParameters.get("saved").map { "Zapisano adaptację \($0) w rejestrze." }
            return try await page(tenant, records, context, services, values: [:], problems: [], saved: saved)
        }

        pages.post("/m/:tenant/adaptations") { request, context -> Response in
            let (tenant, records) = try await access(context, services) { .adapt(tenant: $0) }
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: services.configuration.bodyLimit)))
            var values: [String: String] = [:]
            for name in CaseRecords.adaptationFields { values[name] = form[name] ?? "" }
            do {
                let recorded = try await records.recordAdaptation(values)
                return SignInRoutes.redirect("/m/\(tenant)/adaptations?saved=\(CaseworkRoutes.escape(recorded.code))")
            } catch let refusal as AdaptationRefusal {
                return try await page(tenant, records, context, services, values: values, problems: refusal.problems, saved: nil)
            }
        }
    }

    /// Coordinators keep the register (the evaluation acts on it).
    static func access(
        _ context: KokonRequestContext, _ services: ServerServices, action: (String) -> Action = { .evaluate(tenant: $0) }
    ) async throws -> (String, CaseRecords) {
        let tenant = try context.parameters.require("tenant")
        let scope = try Authorize.require(context.principal, action(tenant))
        return (tenant, try await services.records(tenant, principal: context.principal!, scope: scope ?? .all))
    }

    static func page(
        _ tenant: String, _ records: CaseRecords, _ context: KokonRequestContext, _ services: ServerServices, values: [String: String],
        problems: [(field: String, message: String)], saved: String?
    ) async throws -> Response {
        let choices = try await records.choices()
        let recorded = try await records.recordedAdaptations()
        let definition = services.catalog.tenant(tenant)
        var entries: [RegisterPage.Entry] = []
        for adoption in definition?.adoptions ?? [] {
            let names = services.catalog.programme(adoption.resolvedModel ?? adoption.model.description)?.polishNames ?? [:]
            for adaptation in adoption.adaptations ?? [] {
                let frame = details(adaptation)
                entries.append(
                    RegisterPage.Entry(
                        code: "plik gminy", programme: adoption.model.description, summary: Reporting.polishSummary(adaptation, names: names),
                        reason: adaptation.reason.pl, decided: "\(adaptation.decidedBy), \(CalendarDate(adaptation.decidedOn).polish)",
                        kind: adaptation.planned ? "planowana" : "w odpowiedzi na problem", frame: frame, hasFrame: !frame.isEmpty))
            }
        }
        for entry in recorded {
            let version = choices.adoptions.first { $0.id == entry.adoption }?.version ?? entry.adoption
            let names = services.catalog.programme(version)?.polishNames ?? [:]
            let frame = details(entry.adaptation)
            entries.append(
                RegisterPage.Entry(
                    code: entry.code, programme: version, summary: Reporting.polishSummary(entry.adaptation, names: names), reason: entry.reason,
                    decided: "\(entry.decidedBy), \(entry.decidedOn.polish)", kind: entry.planned ? "planowana" : "w odpowiedzi na problem",
                    frame: frame, hasFrame: true))
        }
        var fields = form(choices, values)
        let unplaced = FormField.place(problems.map { Problem.Issue(row: nil, field: $0.field, reason: $0.message) }, in: &fields, polish: true)
        let nav = TenantNav(tenant: tenant, name: CaseworkRoutes.name(of: tenant, services), choices: choices, principal: context.principal)
        return Views.render(
            RegisterPage(
                signedIn: SiteHeader(context.principal).signedIn, nav: nav, saved: saved, entries: entries, hasEntries: !entries.isEmpty,
                summary: problems.isEmpty ? nil : "Nie zapisano adaptacji. " + (unplaced.isEmpty ? "Popraw zaznaczone pola." : unplaced.joined(separator: " ")),
                action: "/m/\(tenant)/adaptations", csrfToken: CaseworkRoutes.csrf(context), fields: fields),
            status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// FRAME's fields of an adaptation, those it has, as label–value pairs.
    static func details(_ adaptation: Adaptation) -> [RegisterPage.Detail] {
        let pairs: [(String, String?)] = [
            ("Etap", adaptation.phase?.polish), ("Kto zdecydował (FRAME)", adaptation.decider?.polish), ("Co zmieniono", adaptation.modifies?.polish),
            ("Poziom realizacji", adaptation.level?.polish), ("Rodzaj zmiany", adaptation.nature?.polish),
            ("Zgodna z rdzeniem programu", adaptation.fidelity?.polish), ("Cel", adaptation.goal?.polish),
            ("Źródło powodu", adaptation.reasonLevel?.polish),
        ]
        var details = pairs.compactMap { label, value in value.map { RegisterPage.Detail(label: label, value: $0) } }
        if !details.isEmpty {
            details.append(.init(label: "Zaobserwowany skutek", value: adaptation.observedEffect?.pl ?? "jeszcze nie zapisano"))
        }
        return details
    }

    static func form(_ choices: CaseRecords.Choices, _ values: [String: String]) -> [FormField] {
        func words<Word: PolishLabelled>(_: Word.Type) -> [(String, String)] { Word.allCases.map { ($0.rawValue, $0.polish) } }
        func value(_ name: String) -> String { values[name] ?? "" }
        let several = choices.adoptions.count > 1
        func labelled(_ choice: CaseRecords.Choice, _ adoption: CaseRecords.AdoptedProgramme) -> (String, String) {
            (choice.id, several ? "\(choice.name) (\(adoption.id))" : choice.name)
        }
        let components = choices.adoptions.flatMap { adoption in adoption.components.map { labelled($0, adoption) } }
        let roles = choices.adoptions.flatMap { adoption in adoption.roles.map { labelled($0, adoption) } }
        let indicators = choices.adoptions.flatMap { adoption in adoption.localTargets.map { labelled($0, adoption) } }
        let groups = choices.adoptions.flatMap { adoption in adoption.targetGroups.filter { $0.parent == nil }.map { labelled($0, adoption) } }
        let criteria = choices.adoptions.flatMap { adoption in adoption.criteria.map { labelled($0, adoption) } }
        return [
            FormField(
                id: "code", name: "code", label: "Kod adaptacji", value: value("code"), hint: "Na przykład A-2026-01.",
                pattern: "[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}"),
            FormField.select("adoption", "Program", choices: choices.adoptions.map { ($0.id, $0.version) }, value: value("adoption")),
            FormField.select(
                "change", "Rodzaj zmiany",
                choices: [
                    ("add-activity", "dodanie działania do komponentu"), ("drop-component", "pominięcie komponentu"),
                    ("caseload", "zmiana limitu podopiecznych roli"), ("minimum-duration", "wydłużenie minimalnego czasu udziału"),
                    ("indicator-target", "własny cel wskaźnika"), ("delivery-form", "inna forma realizacji komponentu"),
                    ("cadence", "inna częstotliwość komponentu"), ("target-group-criteria", "własny warunek przyjęcia do grupy docelowej"),
                ], value: value("change")),
            FormField.select(
                "component", "Komponent (dodanie działania, pominięcie, forma, częstotliwość)", choices: components, value: value("component"), required: false),
            FormField(
                id: "activity", name: "activity", label: "Kod nowego działania (dodanie działania)", value: value("activity"), required: false,
                hint: "Na przykład piknik-podworkowy."),
            FormField(id: "activity_name", name: "activity_name", label: "Nazwa nowego działania", value: value("activity_name"), required: false),
            FormField.select("role", "Rola (limit podopiecznych)", choices: roles, value: value("role"), required: false),
            FormField(
                id: "max", name: "max", label: "Nowy limit podopiecznych", type: "number", value: value("max"), required: false, inputMode: "numeric"),
            FormField(
                id: "duration", name: "duration", label: "Nowy minimalny czas udziału w miesiącach", type: "number", value: value("duration"),
                required: false, inputMode: "numeric"),
            FormField.select(
                "delivery", "Nowa forma realizacji komponentu", choices: ProgrammeSchema.deliveryForms.map { ($0, PolishWords.word($0, in: PolishWords.deliveryForms)) },
                value: value("delivery"), required: false),
            FormField(
                id: "cadence_times", name: "cadence_times", label: "Nowa częstotliwość: ile razy", type: "number", value: value("cadence_times"),
                required: false, inputMode: "numeric"),
            FormField.select(
                "cadence_per", "Nowa częstotliwość: w jakim okresie", choices: [("week", "w tygodniu"), ("month", "w miesiącu"), ("year", "w roku")],
                value: value("cadence_per"), required: false),
            FormField.select("target_group", "Grupa docelowa (własny warunek przyjęcia)", choices: groups, value: value("target_group"), required: false),
            FormField.select("requires", "Warunek, który gmina dodaje jako wymóg", choices: criteria, value: value("requires"), required: false),
            FormField.select("excludes", "Warunek, który gmina dodaje jako wykluczenie", choices: criteria, value: value("excludes"), required: false),
            FormField.select("indicator", "Wskaźnik (własny cel)", choices: indicators, value: value("indicator"), required: false),
            FormField(
                id: "target", name: "target", label: "Własny cel wskaźnika", value: value("target"), required: false,
                hint: "Liczba, np. 40, albo odsetek, np. 35%; odsetka nie można ustalić niżej niż w programie.", pattern: "[0-9]{1,9}([,.][0-9]{1,2})?\\s?%?",
                inputMode: "decimal"),
            FormField(id: "reason", name: "reason", label: "Powód zmiany", value: value("reason"), hint: "Dlaczego gmina to zmienia — bez danych osobowych."),
            FormField(
                id: "decided_by", name: "decided_by", label: "Kto zdecydował (organ lub stanowisko)", value: value("decided_by"),
                hint: "Na przykład: Zespół koordynujący projektu. Bez imion i nazwisk."),
            FormField(id: "decided_on", name: "decided_on", label: "Data decyzji", type: "date", value: value("decided_on")),
            FormField.select(
                "planned", "Planowana czy w odpowiedzi na problem", choices: [("planned", "planowana"), ("reactive", "w odpowiedzi na problem")], value: value("planned")),
            FormField.select("phase", "Etap programu", choices: words(AdaptationPhase.self), value: value("phase")),
            FormField.select("decider", "Kto brał udział w decyzji", choices: words(AdaptationDecider.self), value: value("decider")),
            FormField.select("modifies", "Co zmieniono", choices: words(AdaptationTarget.self), value: value("modifies")),
            FormField.select("level", "Na jakim poziomie realizacji", choices: words(DeliveryLevel.self), value: value("level")),
            FormField.select("nature", "Na czym polega zmiana", choices: words(AdaptationNature.self), value: value("nature")),
            FormField.select("fidelity", "Czy zachowuje elementy rdzenia programu", choices: words(FidelityConsistency.self), value: value("fidelity")),
            FormField.select("goal", "Cel zmiany", choices: words(AdaptationGoal.self), value: value("goal")),
            FormField.select("reason_level", "Gdzie leży powód", choices: words(ReasonLevel.self), value: value("reason_level")),
            FormField(
                id: "observed_effect", name: "observed_effect", label: "Zaobserwowany skutek (można uzupełnić później)", value: value("observed_effect"),
                required: false),
        ]
    }
}
