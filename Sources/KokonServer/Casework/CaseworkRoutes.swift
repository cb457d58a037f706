import Engine
import Foundation
import Hummingbird
import Postgres
import Reporting
import Templates

/// The casework pages: a municipality's households, one household's file, and the forms that
/// register a household, add a person, enrol, and record a session with its attendance.
///
/// Every form is written through the same Engine path as an import and the API, so the same
/// checks apply; a refused form is shown again with what was typed and each problem beside its
/// field, and nothing is written.
enum CaseworkRoutes {
    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        let limit = services.configuration.bodyLimit

        pages.get("/m/:tenant/households") { request, context -> Response in
            let (tenant, records) = try await access(context, services, write: false)
            let choices = try await records.choices()
            let query = (request.uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces)
            let after = request.uri.queryParameters.get("after")
            let page: CaseRecords.Page
            if query.isEmpty {
                page = try await records.list(.households, after: after, limit: 50)
            } else {
                page = try await records.list(.households, filters: ["code": query], limit: 50)
            }
            let rows = try page.records.map { record -> HouseholdsPage.Row in
                let fields = try record.decode(HouseholdJSON.self)
                return HouseholdsPage.Row(
                    code: fields.code, area: areaName(fields.area, choices), size: fields.size, url: "/m/\(tenant)/households/\(escape(fields.code))")
            }
            let nav = TenantNav(tenant: tenant, name: name(of: tenant, services), choices: choices, principal: context.principal)
            let caseworker = if case .caseworker = records.scope { true } else { false }
            return Views.render(
                HouseholdsPage(
                    title: caseworker ? "Moje gospodarstwa domowe" : "Gospodarstwa domowe", signedIn: SiteHeader(context.principal).signedIn,
                    nav: nav, query: query, households: rows, hasHouseholds: !rows.isEmpty,
                    caption: caseworker ? "Gospodarstwa przydzielone Tobie i zarejestrowane przez Ciebie" : "Wszystkie gospodarstwa gminy",
                    emptyText: query.isEmpty ? "Nie ma tu jeszcze żadnego gospodarstwa." : "Nie znaleziono gospodarstwa o kodzie „\(query)” wśród Twoich.",
                    nextURL: page.next.map { "/m/\(tenant)/households?after=\($0)" }))
        }

        pages.get("/m/:tenant/households/new") { _, context -> Response in
            let (tenant, records) = try await access(context, services, write: true)
            return try await newHouseholdForm(tenant, records, context, services, values: [:], issues: [])
        }

        pages.post("/m/:tenant/households") { request, context -> Response in
            let (tenant, records) = try await access(context, services, write: true)
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
            let values = ["code": form["code"] ?? "", "area": form["area"] ?? "", "size": form["size"] ?? ""].mapValues { $0.trimmingCharacters(in: .whitespaces) }
            do {
                try await records.write(.households, [values])
            } catch {
                return try await newHouseholdForm(tenant, records, context, services, values: values, issues: issues(of: error, context))
            }
            return SignInRoutes.redirect("/m/\(tenant)/households/\(escape(values["code"]!))?saved=household")
        }

        pages.get("/m/:tenant/households/:code") { request, context -> Response in
            let (tenant, records) = try await access(context, services, write: false)
            let code = try context.parameters.require("code")
            return try await householdPage(
                tenant, code, records, context, services, saved: request.uri.queryParameters.get("saved"), values: [:], issues: [:])
        }

        pages.post("/m/:tenant/households/:code/:form") { request, context -> Response in
            let (tenant, records) = try await access(context, services, write: true)
            let code = try context.parameters.require("code")
            let which = try context.parameters.require("form")
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: limit)))
            guard let file = try await records.householdFile(code: code) else {
                throw Problem.notFound("there is no household '\(code)' among yours")
            }
            if which == "end" {
                let parts = (form["enrolment"] ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                do {
                    guard parts.count == 4 else { throw Problem.badRequest("choose the participation to end") }
                    try await records.endEnrolment(
                        adoption: parts[0], household: parts[1].isEmpty ? nil : parts[1], person: parts[2].isEmpty ? nil : parts[2], start: parts[3],
                        end: form["end"] ?? "", exitReason: form["exit_reason"] ?? "")
                } catch {
                    return try await householdPage(
                        tenant, code, records, context, services, saved: nil, values: [which: form.values], issues: [which: issues(of: error, context)])
                }
                return SignInRoutes.redirect("/m/\(tenant)/households/\(escape(code))?saved=end")
            }
            if which == "goals" {
                let parts = (form["goal"] ?? "").split(separator: "|").map(String.init)
                do {
                    guard parts.count == 2, file.plans.contains(where: { $0.code == parts[0] }) else {
                        throw Problem.badRequest("choose one of this household's goals")
                    }
                    try await records.reviewGoal(plan: parts[0], number: parts[1], status: form["status"] ?? "")
                } catch {
                    return try await householdPage(
                        tenant, code, records, context, services, saved: nil, values: [which: form.values], issues: [which: issues(of: error, context)])
                }
                return SignInRoutes.redirect("/m/\(tenant)/households/\(escape(code))?saved=goals")
            }
            let batches: [(kind: RecordKind, rows: [[String: String]])]
            switch which {
            case "outcomes":
                let kind = (form["outcome_kind"] ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                var row = ["adoption": kind.first ?? "", "outcome": kind.count > 1 ? kind[1] : "", "date": form["observed"] ?? ""]
                if let person = form["outcome_for"], !person.isEmpty { row["person"] = person } else { row["household"] = code }
                for (field, column) in [("occasion", "occasion"), ("score", "score")] {
                    if let value = form[field], !value.isEmpty { row[column] = value }
                }
                batches = [(.outcomes, [row])]
            case "events":
                batches = [(.events, [["person": form["event_person"] ?? "", "event": form["event"] ?? "", "month": form["month"] ?? ""]])]
            case "persons":
                var row = ["code": form["code"] ?? "", "household": code, "birth_year": form["birth_year"] ?? "", "relation": form["relation"] ?? ""]
                if let flags = form.all["flags"], !flags.isEmpty { row["flags"] = flags.joined(separator: "|") }
                batches = [(.persons, [row])]
            case "plans":
                let kind = (form["plan_kind"] ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                // As with sessions, the form's own id names the plan, so a second send records it once.
                let plan = "PL-" + Secrets.digest(form["form_id"] ?? UUID().uuidString).prefix(12)
                var row = ["code": plan, "drawn_up": form["drawn_up"] ?? ""]
                row["adoption"] = kind.first ?? ""
                row["plan"] = kind.count > 1 ? kind[1] : ""
                if let person = form["plan_for"], !person.isEmpty { row["person"] = person } else { row["household"] = code }
                var goal = ["plan": plan, "number": "1", "domain": form["domain"] ?? "", "status": "open"]
                if let due = form["due"], !due.isEmpty { goal["due"] = due }
                batches = [(.plans, [row]), (.goals, [goal])]
            case "enrolments":
                let target = (form["enrolment_target"] ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                var row = ["household": code, "start": form["start"] ?? ""]
                row["adoption"] = target.first ?? ""
                if target.count > 1, !target[1].isEmpty { row["target_group"] = target[1] }
                batches = [(.enrolments, [row])]
            case "sessions":
                let activity = (form["session_activity"] ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                // The form's own id names the session, so sending the same form twice records it once.
                let session = "S-" + Secrets.digest(form["form_id"] ?? UUID().uuidString).prefix(12)
                var row = ["code": session, "date": form["date"] ?? "", "minutes": form["minutes"] ?? "", "staff": form["staff"] ?? ""]
                row["adoption"] = activity.first ?? ""
                row["component"] = activity.count > 1 ? activity[1] : ""
                if activity.count > 2, !activity[2].isEmpty { row["activity"] = activity[2] }
                if let group = form["group"]?.trimmingCharacters(in: .whitespaces), !group.isEmpty { row["group"] = group }
                let attendance = file.persons.compactMap { person -> [String: String]? in
                    guard let status = form["attendance_\(person.code)"], !status.isEmpty else { return nil }
                    return ["session": session, "person": person.code, "status": status]
                }
                batches = [(.sessions, [row]), (.attendance, attendance)]
            default:
                throw Problem.notFound("there is no such form")
            }
            do {
                try await records.write(together: batches)
            } catch {
                return try await householdPage(
                    tenant, code, records, context, services, saved: nil, values: [which: form.all.mapValues { $0.joined(separator: "|") }],
                    issues: [which: issues(of: error, context)])
            }
            return SignInRoutes.redirect("/m/\(tenant)/households/\(escape(code))?saved=\(which)")
        }
    }

    struct HouseholdJSON: Decodable {
        let code: String
        let area: String
        let size: Int
    }

    /// The municipality in the address and its records as the principal may reach them.
    static func access(_ context: KokonRequestContext, _ services: ServerServices, write: Bool) async throws -> (String, CaseRecords) {
        let tenant = try context.parameters.require("tenant")
        let action: Action = write ? .writeRecords(tenant: tenant, kind: "households") : .readRecords(tenant: tenant, kind: "households")
        let scope = try Authorize.require(context.principal, action)
        return (tenant, try await services.records(tenant, principal: context.principal!, scope: scope ?? .all))
    }

    static func name(of tenant: String, _ services: ServerServices) -> String {
        services.catalog.tenant(tenant)?.name ?? tenant
    }

    static func areaName(_ id: String, _ choices: CaseRecords.Choices) -> String {
        choices.areas.first { $0.id == id }?.name ?? id
    }

    static func escape(_ code: String) -> String {
        code.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? code
    }

    /// A refused write's problems, or the error itself when it is not a refusal.
    static func issues(of error: any Error, _ context: KokonRequestContext) throws -> [Problem.Issue] {
        let problem = ErrorTranslation.problem(for: error, context: context)
        guard [400, 409, 422].contains(problem.status.code) else { throw error }
        return problem.issues.isEmpty ? [Problem.Issue(row: nil, field: nil, reason: problem.detail)] : problem.issues
    }

    static func csrf(_ context: KokonRequestContext) -> String {
        if case .browser(_, let token)? = context.principal?.credential { return token }
        return ""
    }

    static func newHouseholdForm(
        _ tenant: String, _ records: CaseRecords, _ context: KokonRequestContext, _ services: ServerServices, values: [String: String], issues: [Problem.Issue]
    ) async throws -> Response {
        let choices = try await records.choices()
        var fields = [
            FormField(
                id: "code", name: "code", label: "Kod gospodarstwa", value: values["code"] ?? "", hint: "Na przykład H-0123. Tylko kod — bez nazwiska i adresu.",
                pattern: "[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}"),
            FormField.select("area", "Obszar", choices: choices.areas.map { ($0.id, $0.name) }, value: values["area"] ?? ""),
            FormField(id: "size", name: "size", label: "Liczba osób w gospodarstwie", type: "number", value: values["size"] ?? "", inputMode: "numeric"),
        ]
        let unplaced = FormField.place(issues, in: &fields)
        let nav = TenantNav(tenant: tenant, name: name(of: tenant, services), choices: choices, principal: context.principal)
        return Views.render(
            NewHouseholdPage(
                signedIn: SiteHeader(context.principal).signedIn, nav: nav, action: "/m/\(tenant)/households", csrfToken: csrf(context),
                summary: issues.isEmpty ? nil : "Nie zapisano gospodarstwa. " + (unplaced.isEmpty ? "Popraw zaznaczone pola." : unplaced.joined(separator: " ")),
                fields: fields),
            status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    static let savedText = [
        "household": "Zarejestrowano gospodarstwo.", "persons": "Dodano osobę.", "enrolments": "Przyjęto do programu.",
        "sessions": "Zapisano spotkanie i obecność.", "plans": "Dodano plan.", "end": "Zakończono udział.",
        "goals": "Zapisano stan celu.", "outcomes": "Zapisano rezultat.", "events": "Zapisano zdarzenie.",
    ]

    static func householdPage(
        _ tenant: String, _ code: String, _ records: CaseRecords, _ context: KokonRequestContext, _ services: ServerServices, saved: String?,
        values: [String: [String: String]], issues: [String: [Problem.Issue]]
    ) async throws -> Response {
        guard let file = try await records.householdFile(code: code) else {
            throw Problem.notFound("there is no household '\(code)' among yours")
        }
        let choices = try await records.choices()
        // What the programme's rules say about this household and its members.
        let codes = Set([file.code] + file.persons.map(\.code))
        let all = try await services.evaluations.value("participant-findings", of: records) { try await Evaluator(records: records).participantFindings() }
        let findings = all.filter { codes.contains($0.finding.entity) }.map { Reporting.sentence($0.finding, names: $0.names).pl }
        func elementName(_ adoption: String, _ id: String?, in list: KeyPath<CaseRecords.AdoptedProgramme, [CaseRecords.Choice]>) -> String {
            guard let id else { return "" }
            return choices.adoptions.first { $0.id == adoption }?[keyPath: list].first { $0.id == id }?.name ?? id
        }
        /// The name of an element a record names without its programme: the first adopted one that has it.
        func elementName(_ id: String, in list: KeyPath<CaseRecords.AdoptedProgramme, [CaseRecords.Choice]>) -> String {
            choices.adoptions.lazy.compactMap { $0[keyPath: list].first { $0.id == id }?.name }.first ?? id
        }
        let enrolled = Set(file.enrolments.compactMap(\.person))
        let householdEnrolled = file.enrolments.contains { $0.person == nil }
        let token = csrf(context)
        let base = "/m/\(tenant)/households/\(escape(code))"

        var personFields = [
            FormField(id: "person-code", name: "code", label: "Kod osoby", value: values["persons"]?["code"] ?? "", hint: "Na przykład P-0456. Bez imienia i numeru PESEL."),
            FormField(id: "birth_year", name: "birth_year", label: "Rok urodzenia", type: "number", value: values["persons"]?["birth_year"] ?? "", inputMode: "numeric"),
            FormField.select(
                "relation", "Relacja z osobą prowadzącą gospodarstwo", choices: PolishLabels.relationOrder.map { ($0, PolishLabels.relations[$0]!) },
                value: values["persons"]?["relation"] ?? ""),
        ]
        // The yes/no criteria of every adopted programme, once each, as boxes to tick.
        let ticked = Set((values["persons"]?["flags"] ?? "").split(separator: "|").map(String.init))
        var offered: Set<String> = []
        let criteria = choices.adoptions.flatMap(\.criteria).filter { offered.insert($0.id).inserted }.map { ($0.id, $0.name) }
        if !criteria.isEmpty {
            personFields.append(
                FormField.checkboxes(id: "flag", name: "flags", legend: "Kryteria kwalifikacji, które osoba spełnia", choices: criteria, ticked: ticked))
        }
        let personSummary = FormField.place(issues["persons"] ?? [], in: &personFields)

        let targets = choices.adoptions.flatMap { adoption -> [(String, String)] in
            adoption.targetGroups.isEmpty
                ? [("\(adoption.id)|", adoption.version)] : adoption.targetGroups.map { ("\(adoption.id)|\($0.id)", "\(adoption.version) — \($0.name)") }
        }
        var enrolFields = [
            FormField.select("enrolment_target", "Program i grupa docelowa", choices: targets, value: values["enrolments"]?["enrolment_target"] ?? ""),
            FormField(id: "start", name: "start", label: "Data rozpoczęcia", type: "date", value: values["enrolments"]?["start"] ?? ""),
        ]
        let enrolSummary = FormField.place(issues["enrolments"] ?? [], in: &enrolFields, names: ["adoption": "enrolment_target", "target_group": "enrolment_target"])

        let open = file.enrolments.filter { $0.endsOn == nil }.map { enrolment in
            let key = [enrolment.adoption, enrolment.person == nil ? code : "", enrolment.person ?? "", enrolment.startsOn.description].joined(separator: "|")
            let version = choices.adoptions.first { $0.id == enrolment.adoption }?.version ?? enrolment.adoption
            return (key, "\(version) — \(enrolment.person ?? "całe gospodarstwo"), od \(enrolment.startsOn.polish)")
        }
        var endFields = [
            FormField.select("enrolment", "Udział do zakończenia", choices: open, value: values["end"]?["enrolment"] ?? ""),
            FormField(id: "end", name: "end", label: "Ostatni dzień udziału", type: "date", value: values["end"]?["end"] ?? ""),
            FormField.select(
                "exit_reason", "Powód zakończenia", choices: PolishLabels.exitReasonOrder.map { ($0, PolishLabels.exitReasons[$0]!) },
                value: values["end"]?["exit_reason"] ?? ""),
        ]
        let endSummary = FormField.place(issues["end"] ?? [], in: &endFields, names: ["start": "enrolment", "adoption": "enrolment"])
        let planKinds = choices.adoptions.flatMap { adoption in adoption.plans.map { ("\(adoption.id)|\($0.id)", "\($0.name) (\(adoption.version))") } }
        var planFields = [
            FormField(
                id: "plan_form_id", name: "form_id", label: "", type: "hidden", value: values["plans"]?["form_id"] ?? UUID().uuidString, required: false,
                isHidden: true),
            FormField.select("plan_kind", "Rodzaj planu", choices: planKinds, value: values["plans"]?["plan_kind"] ?? ""),
            FormField.select(
                "plan_for", "Dla kogo", choices: file.persons.map { ($0.code, "\($0.code) (\($0.birthYear))") }, value: values["plans"]?["plan_for"] ?? "",
                required: false),
            FormField(id: "drawn_up", name: "drawn_up", label: "Data sporządzenia", type: "date", value: values["plans"]?["drawn_up"] ?? ""),
            FormField(
                id: "domain", name: "domain", label: "Pierwszy cel: czego dotyczy", value: values["plans"]?["domain"] ?? "",
                hint: "Jedno lub dwa słowa, np. edukacja, zatrudnienie; bez danych osobowych."),
            FormField(id: "due", name: "due", label: "Termin osiągnięcia celu", type: "date", value: values["plans"]?["due"] ?? "", required: false),
        ]
        let planSummary = FormField.place(
            issues["plans"] ?? [], in: &planFields, names: ["adoption": "plan_kind", "plan": "plan_kind", "person": "plan_for", "household": "plan_for"])
        let goalChoices = file.plans.flatMap { plan in
            plan.goals.map { goal in
                let name = "\(elementName(plan.plan, in: \.plans)) \(plan.code) — cel \(goal.number): \(goal.domain)"
                return ("\(plan.code)|\(goal.number)", "\(name) (\(PolishLabels.goalStatuses[goal.status] ?? goal.status))")
            }
        }
        var goalFields = [
            FormField.select("goal", "Cel", choices: goalChoices, value: values["goals"]?["goal"] ?? ""),
            FormField.select(
                "status", "Stan celu po przeglądzie", choices: RecordVocabulary.goalStatuses.map { ($0, PolishLabels.goalStatuses[$0] ?? $0) },
                value: values["goals"]?["status"] ?? "", prefix: "goal-"),
        ]
        let goalSummary = FormField.place(issues["goals"] ?? [], in: &goalFields, names: ["plan": "goal", "number": "goal"])
        let outcomeKinds = choices.adoptions.flatMap { adoption in adoption.outcomes.map { ("\(adoption.id)|\($0.id)", "\($0.name) (\(adoption.version))") } }
        var outcomeFields = [
            FormField.select("outcome_kind", "Rezultat", choices: outcomeKinds, value: values["outcomes"]?["outcome_kind"] ?? ""),
            FormField.select(
                "outcome_for", "Czyj (puste: całego gospodarstwa)", choices: file.persons.map { ($0.code, "\($0.code) (\($0.birthYear))") },
                value: values["outcomes"]?["outcome_for"] ?? "", required: false),
            FormField(id: "observed", name: "observed", label: "Data stwierdzenia lub pomiaru", type: "date", value: values["outcomes"]?["observed"] ?? ""),
            FormField.select(
                "occasion", "Moment pomiaru (gdy rezultat mierzy się narzędziem)", choices: MeasurementOccasion.allCases.map { ($0.rawValue, $0.polish) },
                value: values["outcomes"]?["occasion"] ?? "", required: false),
            FormField(
                id: "score", name: "score", label: "Wynik (gdy narzędzie ma skalę punktową)", value: values["outcomes"]?["score"] ?? "", required: false,
                hint: "Liczba punktów, np. 32 albo 3,5; przy rezultacie bez skali zostaw puste.", pattern: "[0-9]{1,6}([,.][0-9]{1,2})?", inputMode: "decimal"),
        ]
        // Events that eligibility windows count from, once each across the adopted programmes.
        var counted: Set<String> = []
        let eventKinds = choices.adoptions.flatMap(\.events).filter { counted.insert($0.id).inserted }
        var eventFields = [
            FormField.select(
                "event_person", "Osoba", choices: file.persons.map { ($0.code, "\($0.code) (\($0.birthYear))") }, value: values["events"]?["event_person"] ?? ""),
            FormField.select("event", "Zdarzenie", choices: eventKinds.map { ($0.id, $0.name) }, value: values["events"]?["event"] ?? ""),
            FormField(
                id: "month", name: "month", label: "Miesiąc zdarzenia", type: "month", value: values["events"]?["month"] ?? "",
                hint: "RRRR-MM, np. 2024-05. Zapisuje się tylko miesiąc, nigdy dzień; spodziewane zdarzenie (np. poród) najwyżej rok naprzód.",
                pattern: "[0-9]{4}-[0-9]{2}"),
        ]
        let eventSummary = FormField.place(issues["events"] ?? [], in: &eventFields, names: ["person": "event_person"])
        let outcomeSummary = FormField.place(
            issues["outcomes"] ?? [], in: &outcomeFields,
            names: [
                "adoption": "outcome_kind", "outcome": "outcome_kind", "person": "outcome_for", "household": "outcome_for", "date": "observed",
                "occasion": "occasion", "score": "score",
            ])
        let activities = choices.adoptions.flatMap { adoption in
            adoption.components.flatMap { component -> [(String, String)] in
                let own = adoption.activities.filter { $0.parent == component.id }
                return [("\(adoption.id)|\(component.id)|", "\(component.name)")] + own.map { ("\(adoption.id)|\(component.id)|\($0.id)", "\(component.name) — \($0.name)") }
            }
        }
        var sessionFields = [
            FormField(
                id: "form_id", name: "form_id", label: "", type: "hidden", value: values["sessions"]?["form_id"] ?? UUID().uuidString, required: false, isHidden: true),
            FormField.select("session_activity", "Komponent i działanie", choices: activities, value: values["sessions"]?["session_activity"] ?? ""),
            FormField(id: "date", name: "date", label: "Data spotkania", type: "date", value: values["sessions"]?["date"] ?? ""),
            FormField(id: "minutes", name: "minutes", label: "Czas trwania (minuty)", type: "number", value: values["sessions"]?["minutes"] ?? "60", inputMode: "numeric"),
            FormField.select(
                "staff", "Prowadzący", choices: choices.staff.map { ($0.id, "\($0.id) (\($0.name))") }, value: values["sessions"]?["staff"] ?? "", required: false),
            FormField(
                id: "group", name: "group", label: "Kod grupy (jeśli spotyka się stała grupa)", value: values["sessions"]?["group"] ?? "", required: false,
                hint: "Ten sam kod na każdym spotkaniu jednej grupy, np. GR-1; program liczy wtedy grupy, a nie tylko spotkania."),
        ]
        let sessionSummary = FormField.place(
            issues["sessions"] ?? [], in: &sessionFields, names: ["adoption": "session_activity", "component": "session_activity", "activity": "session_activity"])
        let attendees = file.persons.filter { householdEnrolled || enrolled.contains($0.code) }
        let attendanceRows = attendees.map { person in
            let chosen = values["sessions"]?["attendance_\(person.code)"] ?? "present"
            return HouseholdPage.AttendanceRow(
                id: "attendance-\(person.code)", name: "attendance_\(person.code)", person: "\(person.code) (\(person.birthYear))",
                options: PolishLabels.attendanceOrder.map { .init(value: $0, label: PolishLabels.attendance[$0]!, selected: $0 == chosen) })
        }
        func summary(_ unplaced: [String], _ issues: [Problem.Issue]?) -> String? {
            guard let issues, !issues.isEmpty else { return nil }
            return "Nic nie zapisano. " + (unplaced.isEmpty ? "Popraw zaznaczone pola." : unplaced.joined(separator: " "))
        }
        var forms = [
            HouseholdPage.Form(
                anchor: "dodaj-osobe", heading: "Dodaj osobę", action: base + "/persons", csrfToken: token, summary: summary(personSummary, issues["persons"]),
                fields: personFields, attendanceRows: [], hasAttendanceRows: false, button: "Dodaj osobę"),
            HouseholdPage.Form(
                anchor: "przyjmij", heading: "Przyjmij do programu", action: base + "/enrolments", csrfToken: token,
                summary: summary(enrolSummary, issues["enrolments"]), fields: enrolFields, attendanceRows: [], hasAttendanceRows: false, button: "Przyjmij"),
            HouseholdPage.Form(
                anchor: "plan", heading: "Dodaj plan z pierwszym celem", action: base + "/plans", csrfToken: token,
                summary: summary(planSummary, issues["plans"]), fields: planFields, attendanceRows: [], hasAttendanceRows: false, button: "Dodaj plan"),
            HouseholdPage.Form(
                anchor: "spotkanie", heading: "Zapisz spotkanie i obecność", action: base + "/sessions", csrfToken: token,
                summary: summary(sessionSummary, issues["sessions"]), fields: sessionFields, attendanceRows: attendanceRows,
                hasAttendanceRows: !attendanceRows.isEmpty, button: "Zapisz spotkanie"),
        ]
        if !goalChoices.isEmpty {
            forms.append(
                HouseholdPage.Form(
                    anchor: "przeglad-celu", heading: "Przegląd celu", action: base + "/goals", csrfToken: token, summary: summary(goalSummary, issues["goals"]),
                    fields: goalFields, attendanceRows: [], hasAttendanceRows: false, button: "Zapisz stan celu"))
        }
        if !outcomeKinds.isEmpty {
            forms.append(
                HouseholdPage.Form(
                    anchor: "rezultat", heading: "Zapisz rezultat", action: base + "/outcomes", csrfToken: token,
                    summary: summary(outcomeSummary, issues["outcomes"]), fields: outcomeFields, attendanceRows: [], hasAttendanceRows: false,
                    button: "Zapisz rezultat"))
        }
        if !eventKinds.isEmpty && !file.persons.isEmpty {
            forms.insert(
                HouseholdPage.Form(
                    anchor: "zdarzenie", heading: "Zapisz zdarzenie, od którego liczy się warunek przyjęcia", action: base + "/events", csrfToken: token,
                    summary: summary(eventSummary, issues["events"]), fields: eventFields, attendanceRows: [], hasAttendanceRows: false,
                    button: "Zapisz zdarzenie"), at: 1)
        }
        if !open.isEmpty {
            forms.insert(
                HouseholdPage.Form(
                    anchor: "zakoncz", heading: "Zakończ udział w programie", action: base + "/end", csrfToken: token, summary: summary(endSummary, issues["end"]),
                    fields: endFields, attendanceRows: [], hasAttendanceRows: false, button: "Zakończ udział"), at: 2)
        }
        let nav = TenantNav(tenant: tenant, name: name(of: tenant, services), choices: choices, principal: context.principal)
        let persons = file.persons.map { HouseholdPage.Person(code: $0.code, birthYear: $0.birthYear, relation: PolishLabels.relations[$0.relation] ?? $0.relation) }
        var enrolments: [HouseholdPage.Enrolment] = []
        for enrolment in file.enrolments {
            let version = choices.adoptions.first { $0.id == enrolment.adoption }?.version ?? enrolment.adoption
            let until = enrolment.endsOn.map(\.polish) ?? "trwa"
            enrolments.append(
                HouseholdPage.Enrolment(
                    adoption: version, who: enrolment.person ?? "całe gospodarstwo",
                    targetGroup: elementName(enrolment.adoption, enrolment.targetGroup, in: \.targetGroups),
                    from: enrolment.startsOn.polish, until: until))
        }
        var plans: [HouseholdPage.Plan] = []
        for plan in file.plans {
            let goals = plan.goals.map { "Cel \($0.number): \($0.domain) — \(PolishLabels.goalStatuses[$0.status] ?? $0.status)" }
            plans.append(
                HouseholdPage.Plan(
                    code: plan.code, name: elementName(plan.plan, in: \.plans), who: plan.person ?? "całe gospodarstwo", drawnUp: plan.drawnUpOn.polish, goals: goals))
        }
        var attendance: [HouseholdPage.Attendance] = []
        for entry in file.attendance {
            let activity = [elementName(entry.component, in: \.components), entry.activity.map { elementName($0, in: \.activities) } ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " — ")
            attendance.append(
                HouseholdPage.Attendance(
                    date: entry.heldOn.polish, activity: activity, minutes: entry.minutes, person: entry.person,
                    status: PolishLabels.attendance[entry.status] ?? entry.status))
        }
        let eventNames = Dictionary(eventKinds.map { ($0.id, $0.name) }) { first, _ in first }
        let events = file.events.map { "\($0.person): \(eventNames[$0.event] ?? $0.event) — \($0.month)" }
        let outcomes = file.outcomes.map { outcome in
            let name = elementName(outcome.adoption, outcome.outcome, in: \.outcomes)
            let measured = [outcome.occasion.flatMap(MeasurementOccasion.init(rawValue:))?.polish, outcome.score.map { "wynik \(PolishWords.number($0)) pkt" }]
                .compactMap { $0 }
            return "\(outcome.observedOn.polish): \(name)\(measured.isEmpty ? "" : " (" + measured.joined(separator: ", ") + ")") — \(outcome.person ?? "całe gospodarstwo")"
        }
        let page = HouseholdPage(
            title: "Gospodarstwo \(file.code)", signedIn: SiteHeader(context.principal).signedIn, nav: nav, saved: saved.flatMap { savedText[$0] },
            area: areaName(file.area, choices), size: file.size, findings: findings, hasFindings: !findings.isEmpty, persons: persons, hasPersons: !persons.isEmpty,
            enrolments: enrolments,
            hasEnrolments: !enrolments.isEmpty, plans: plans, hasPlans: !plans.isEmpty, attendance: attendance, hasAttendance: !attendance.isEmpty,
            outcomes: outcomes, hasOutcomes: !outcomes.isEmpty, events: events, hasEvents: !events.isEmpty,
            forms: forms)
        return Views.render(page, status: issues.isEmpty ? .ok : .unprocessableContent)
    }
}
