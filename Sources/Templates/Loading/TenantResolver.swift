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
        let bounds = programme.adaptation
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
        guard needed.allSatisfy({ adaptation[$0] != nil }) else { return }
        let componentIDs = (programme.components ?? []).map(\.id)
        func unknownComponent(_ value: Value, _ id: String) {
            error(
                value, "unknown-reference", "\(programme.reference) has no component '\(id)'",
                Suggestions.hint(for: id, in: componentIDs) ?? "components of \(programme.id): " + componentIDs.joined(separator: ", "))
        }
        switch change {
        case "drop-component":
            let value = adaptation["component"]!
            let (found, id) = component(value, in: programme)
            guard let found, let id else { return unknownComponent(value, value.text ?? "") }
            let mayDrop = bounds?.mayDrop ?? []
            if found.isCore && !mayDrop.contains(id) {
                let allowed = mayDrop.isEmpty ? "the template allows no component to be dropped" : "the template allows dropping only: " + mayDrop.joined(separator: ", ")
                error(
                    value, "adaptation-out-of-bounds", "\(id) is a core component of \(programme.reference) and cannot be dropped",
                    allowed + "; keep the component and adapt its activities instead")
            }
        case "add-activity":
            let value = adaptation["component"]!
            let (found, id) = component(value, in: programme)
            guard let found, let id else { return unknownComponent(value, value.text ?? "") }
            guard bounds?.mayAddActivities == true else {
                return error(
                    adaptation["activity"]!, "adaptation-out-of-bounds", "\(programme.reference) does not allow adding activities",
                    "the template's adaptation bounds do not include may_add_activities: true; ask the programme's methodologist")
            }
            if let activityID = adaptation["activity"]?["id"], let text = activityID.text, (found.activities ?? []).contains(where: { $0.id == text }) {
                error(activityID, "duplicate-id", "\(id) already has an activity '\(text)'", "give the added activity a new id")
            }
        case "caseload":
            let roleValue = adaptation["role"]!
            guard checkRole(roleValue, in: programme), let role = roleValue.text, let maxValue = adaptation["max"], case .integer(let max) = maxValue.kind else { return }
            let changeable = bounds?.caseload ?? []
            guard let bound = changeable.first(where: { $0.role == role }) else {
                return error(
                    roleValue, "adaptation-out-of-bounds", "\(programme.reference) does not allow changing the caseload of \(role)",
                    changeable.isEmpty ? "the template allows no caseload changes" : "caseloads the template lets you change: " + changeable.map(\.role).joined(separator: ", "))
            }
            if max < bound.min || max > bound.max {
                let unit = programme.role(role)?.caseload?.unit.map { $0 == .family ? " families" : " persons" } ?? ""
                error(
                    maxValue, "adaptation-out-of-bounds",
                    "the caseload of \(role) is set to \(max), outside the bounds of \(programme.reference): \(bound.min) to \(bound.max)\(unit)",
                    "choose a limit between \(bound.min) and \(bound.max)")
            }
        case "minimum-duration":
            let value = adaptation["duration"]!
            guard case .duration(let duration) = value.kind else { return }
            if let floor = bounds?.minimumDurationAtLeast ?? programme.participation?.minimumDuration, duration.approximateDays < floor.approximateDays {
                error(
                    value, "adaptation-out-of-bounds", "the minimum participation is set to \(duration), shorter than the \(floor) \(programme.reference) requires",
                    "a municipality may lengthen the minimum participation, never shorten it below \(floor)")
            }
        default:
            break
        }
    }
}
