import Foundation

/// Turns one tenant file into a ``Tenant``: finds each adopted programme, checks staff roles
/// and organisations, and checks every adaptation against the programme's adaptation bounds.
struct TenantResolver {
    let catalog: ModelCatalog
    var diagnostics: [Diagnostic] = []

    init(catalog: ModelCatalog) { self.catalog = catalog }

    mutating func error(_ value: Value, _ code: String, _ message: String, _ hint: String? = nil, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(file: value.file, location: value.location, severity: severity, code: code, message: message, hint: hint))
    }

    mutating func resolve(_ file: TemplateFile) -> Tenant? {
        guard let value = file.value else { return nil }
        let errorsBefore = diagnostics.count
        let tenantID = value["id"]?.text ?? ""
        let stem = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
        if let idValue = value["id"], stem != tenantID {
            error(
                idValue, "tenant-file-name", "the tenant id '\(tenantID)' differs from the file name '\(stem)'",
                "name the file \(tenantID).yaml so the tenant is easy to find", severity: .warning)
        }
        if let terytValue = value["teryt"], let teryt = terytValue.text.flatMap(Teryt.parse),
            let voivodeshipValue = value["voivodeship"], let voivodeship = voivodeshipValue.text, teryt.voivodeship != voivodeship
        {
            error(
                voivodeshipValue, "teryt-mismatch", "the voivodeship is \(voivodeship), but TERYT \(teryt.code) belongs to \(teryt.voivodeship)",
                "check the TERYT code in the register (eteryt.stat.gov.pl) or correct the voivodeship")
        }
        uniqueIDs(value["areas"], what: "area")
        let partners = uniqueIDs(value["partners"], what: "partner")
        var adopted: [String: Value] = [:]
        var resolvedModels: [String] = []
        for adoption in value["adoptions"]?.items ?? [] {
            guard let modelValue = adoption["model"], case .modelReference(let reference) = modelValue.kind else { continue }
            if let first = adopted[reference.id] {
                error(
                    modelValue, "duplicate-adoption", "\(reference.id) is adopted twice (also at line \(first.location.line))",
                    "a municipality runs one version of a programme at a time; change the version in the first adoption instead")
            }
            adopted[reference.id] = modelValue
            guard let programme = catalog.programme(reference.description) else {
                error(modelValue, "unknown-model", "'model' names \(reference), but no programme matches it", modelHint(reference))
                resolvedModels.append("")
                continue
            }
            resolvedModels.append(programme.reference)
            if let period = adoption["period"], case .date(let start)? = period["start"]?.kind, case .date(let end)? = period["end"]?.kind, end < start {
                error(period, "period-reversed", "the adoption of \(reference.id) ends (\(end)) before it starts (\(start))", "swap the dates")
            }
            for staff in adoption["staff"]?.items ?? [] {
                checkRole(staff["role"], in: programme)
                if let organisation = staff["organisation"], let id = organisation.text, !partners.contains(id) {
                    error(
                        organisation, "unknown-reference", "unknown partner '\(id)'",
                        Suggestions.hint(for: id, in: partners)
                            ?? (partners.isEmpty ? "add it under partners first" : "partners defined here: " + partners.sorted().joined(separator: ", ")))
                }
            }
            for adaptation in adoption["adaptations"]?.items ?? [] {
                check(adaptation, against: programme)
            }
        }
        guard diagnostics.count == errorsBefore || !diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            var tenant = try decoder.decode(Tenant.self, from: Data(value.json.utf8))
            for index in tenant.adoptions.indices { tenant.adoptions[index].resolvedModel = resolvedModels[index] }
            return tenant
        } catch {
            self.error(
                value, "internal", "the tenant passed every check but could not be read: \(error)",
                "this is a fault in kokon; please report it with the file")
            return nil
        }
    }

    /// The ids of a list of items, reporting repeats.
    @discardableResult
    mutating func uniqueIDs(_ list: Value?, what: String) -> Set<String> {
        var seen: [String: Value] = [:]
        for item in list?.items ?? [] {
            guard let idValue = item["id"], let id = idValue.text else { continue }
            if let first = seen[id] {
                error(idValue, "duplicate-id", "the \(what) id '\(id)' is used twice", "it is also used at line \(first.location.line); ids must be unique")
            }
            seen[id] = idValue
        }
        return Set(seen.keys)
    }

    func modelHint(_ reference: ModelReference) -> String {
        let ids = Set(catalog.programmes.map(\.id))
        if let near = ids.contains(reference.id) ? reference.id : Suggestions.closest(to: reference.id, in: ids) {
            let versions = catalog.programmes.filter { $0.id == near }.map(\.reference).joined(separator: ", ")
            return near == reference.id ? "versions available: \(versions)" : "did you mean '\(near)'? (versions: \(versions))"
        }
        return "programmes available: " + ids.sorted().joined(separator: ", ")
    }

    @discardableResult
    mutating func checkRole(_ value: Value?, in programme: Programme) -> Bool {
        guard let value, let id = value.text else { return false }
        let known = (programme.roles ?? []).map(\.id)
        guard !known.contains(id) else { return true }
        error(
            value, "unknown-reference", "\(programme.reference) has no role '\(id)'",
            Suggestions.hint(for: id, in: known) ?? "roles of \(programme.id): " + known.joined(separator: ", "))
        return false
    }

    func component(_ value: Value?, in programme: Programme) -> (Component?, String?) {
        guard let id = value?.text else { return (nil, nil) }
        return (programme.component(id), id)
    }

    /// One adaptation against the template's `adaptation` bounds.
    mutating func check(_ adaptation: Value, against programme: Programme) {
        guard let change = adaptation["change"]?.text else { return }
        let keysUsed: [String: Set<String>] = [
            "drop-component": ["component"], "add-activity": ["component", "activity"],
            "caseload": ["role", "max"], "minimum-duration": ["duration"],
        ]
        let optionalKeys: Set<String> = ["component", "activity", "role", "max", "duration"]
        let needed = keysUsed[change] ?? []
        for key in optionalKeys.subtracting(needed).sorted() {
            if let stray = adaptation[key] {
                error(stray, "adaptation-key", "'\(key)' does not apply to a \(change) adaptation", "remove it, or change 'change' to the kind of adaptation you mean")
            }
        }
        for key in needed.sorted() where adaptation[key] == nil {
            error(adaptation, "missing-key", "a \(change) adaptation needs '\(key)'", "add `\(key): …`")
        }
        guard needed.allSatisfy({ adaptation[$0] != nil }), let kind = AdaptationChange(rawValue: change) else { return }
        if let role = adaptation["role"], !checkRole(role, in: programme) { return }
        var maximum: Int?
        if case .integer(let value)? = adaptation["max"]?.kind { maximum = value } else if kind == .caseload { return }
        var duration: Duration?
        if case .duration(let value)? = adaptation["duration"]?.kind { duration = value } else if kind == .minimumDuration { return }
        let problems = AdaptationCheck(programme: programme).problems(
            kind, component: adaptation["component"]?.text, activity: adaptation["activity"]?["id"]?.text, role: adaptation["role"]?.text,
            max: maximum, duration: duration)
        for problem in problems {
            // Point at the value at fault: `activity.id` is the added activity's id.
            let node = (problem.field == "activity.id" ? adaptation["activity"]?["id"] : adaptation[problem.field]) ?? adaptation
            error(node, problem.code, problem.message.en ?? problem.message.pl, problem.hint)
        }
    }
}
