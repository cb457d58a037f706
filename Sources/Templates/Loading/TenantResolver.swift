import Foundation

/// Turns one tenant file into a ``Tenant``: finds each adopted programme, checks staff roles
/// and organisations, and checks every adaptation against the programme's adaptation bounds.
struct TenantResolver {
    let catalog: ModelCatalog
    var diagnostics: [Diagnostic] = []

    init(catalog: ModelCatalog) { self.catalog = catalog }

    /// A local baseline is either the local figure of one of the programme's baselines or a
    /// named one of the municipality's own, and it has a figure.
    mutating func checkBaseline(_ baseline: Value, of programme: Programme) {
        guard let id = baseline["id"]?.text else { return }
        let known = (programme.baselines ?? []).map(\.id)
        if !known.contains(id), baseline["name"] == nil {
            error(
                baseline["id"]!, "baseline-unnamed", "the baseline '\(id)' is not one of \(programme.reference)'s, so it needs a name",
                Suggestions.hint(for: id, in: known)
                    ?? ("add `name:` saying what was measured" + (known.isEmpty ? "" : ", or give the local figure of one of: " + known.joined(separator: ", "))))
        }
        if baseline["value"] == nil, baseline["share"] == nil {
            error(
                baseline, "baseline-without-value", "the baseline '\(id)' has no value",
                "give `value:` (or `share:`) as the local source states it, or leave the baseline out until it is known", severity: .warning)
        }
    }

    /// A self-assessment names an element the programme judges by self-assessment, on a day
    /// inside the adoption.
    mutating func checkAssessment(_ assessment: Value, of programme: Programme, period: Value?) {
        let assessed = (programme.fidelityChecklist ?? []).filter { $0.assessed == .selfAssessment }.map(\.id)
        if let element = assessment["element"], let id = element.text, !assessed.contains(id) {
            let byRecords = programme.fidelityChecklist?.contains { $0.id == id } == true
            error(
                element, "unknown-fidelity-element",
                byRecords
                    ? "the element '\(id)' of \(programme.reference) is judged from records, not by self-assessment"
                    : "\(programme.reference) has no element '\(id)' to assess",
                byRecords
                    ? "leave it out: its indicator decides it"
                    : Suggestions.hint(for: id, in: assessed)
                        ?? (assessed.isEmpty ? "this programme's checklist has nothing judged by self-assessment" : "elements to assess: " + assessed.joined(separator: ", ")))
        }
        if let on = assessment["on"], case .date(let day) = on.kind, case .date(let start)? = period?["start"]?.kind, case .date(let end)? = period?["end"]?.kind,
            day < start || day > end
        {
            error(on, "assessment-outside-period", "the self-assessment of \(day) lies outside the adoption's period \(start) – \(end)", "date it inside the period")
        }
    }

    /// A staff plan with more workers than its supervisors may have (one supervisor for at
    /// most 8 family assistants) is warned about before anything is recorded.
    mutating func checkSupervisionRatios(_ staff: Value, of programme: Programme) {
        var counts: [String: Int] = [:]
        for entry in staff.items ?? [] {
            guard let role = entry["role"]?.text, case .integer(let count)? = entry["count"]?.kind else { continue }
            counts[role, default: 0] += count
        }
        for role in programme.roles ?? [] {
            guard let ratio = role.supervisedBy, let workers = counts[role.id], workers > 0 else { continue }
            let needed = ratio.supervisorsNeeded(for: workers)
            let planned = counts[ratio.role] ?? 0
            guard planned < needed else { continue }
            let supervisor = programme.role(ratio.role)?.name.pl ?? ratio.role
            error(
                staff, "staff-ratio",
                "\(workers) × '\(role.id)' need at least \(needed) × '\(ratio.role)' (one for at most \(ratio.atMost)), but the plan has \(planned)",
                "plan \(needed) \(supervisor) (add `- {role: \(ratio.role), count: \(needed)}` under staff), or fewer \(role.name.pl)", severity: .warning)
        }
    }

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
        var resolvedFrom: [String?] = []
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
                resolvedFrom.append(nil)
                continue
            }
            resolvedModels.append(programme.reference)
            checkRelease(of: programme, adoptedAt: modelValue, tenant: value["id"]?.text ?? "ID")
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
            if let staff = adoption["staff"] { checkSupervisionRatios(staff, of: programme) }
            for baseline in adoption["baselines"]?.items ?? [] { checkBaseline(baseline, of: programme) }
            for assessment in adoption["fidelity_assessments"]?.items ?? [] { checkAssessment(assessment, of: programme, period: adoption["period"]) }
            let previous = adoption["upgraded"].flatMap { checkUpgrade($0, to: programme, period: adoption["period"]) }
            resolvedFrom.append(previous?.reference)
            for adaptation in adoption["adaptations"]?.items ?? [] {
                if let previous, let upgrade = adoption["upgraded"] {
                    check(adaptation, from: previous, to: programme, resolutions: upgrade["resolutions"]?.items ?? [])
                } else {
                    check(adaptation, against: programme)
                }
            }
            if let previous, let upgrade = adoption["upgraded"] {
                checkResolutions(upgrade["resolutions"]?.items ?? [], adaptations: adoption["adaptations"]?.items ?? [], from: previous, to: programme)
            }
        }
        guard diagnostics.count == errorsBefore || !diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            var tenant = try decoder.decode(Tenant.self, from: Data(value.json.utf8))
            for index in tenant.adoptions.indices {
                tenant.adoptions[index].resolvedModel = resolvedModels[index]
                tenant.adoptions[index].upgraded?.resolvedFrom = resolvedFrom[index]
            }
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
        for (node, problem) in problems(adaptation, against: programme) ?? [] {
            error(node, problem.code, problem.message.en ?? problem.message.pl, problem.hint)
        }
    }

    /// What is wrong with one adaptation against `programme`'s bounds, each with the value at
    /// fault; nil when the adaptation itself is malformed (reported here).
    mutating func problems(_ adaptation: Value, against programme: Programme) -> [(Value, AdaptationCheck.Problem)]? {
        guard let change = adaptation["change"]?.text else { return nil }
        let keysUsed: [String: Set<String>] = [
            "drop-component": ["component"], "add-activity": ["component", "activity"],
            "caseload": ["role", "max"], "minimum-duration": ["duration"], "indicator-target": ["indicator", "target"],
            "delivery-form": ["component", "delivery"], "cadence": ["component", "cadence"], "target-group-criteria": ["target_group"],
        ]
        // Keys a kind may give but need not: a group's new rules are requirements, exclusions or both.
        let mayGive: [String: Set<String>] = ["target-group-criteria": ["requires", "excludes"]]
        let optionalKeys: Set<String> = [
            "component", "activity", "role", "max", "duration", "indicator", "target", "delivery", "cadence", "target_group", "requires", "excludes",
        ]
        let needed = keysUsed[change] ?? []
        for key in optionalKeys.subtracting(needed).subtracting(mayGive[change] ?? []).sorted() {
            if let stray = adaptation[key] {
                error(stray, "adaptation-key", "'\(key)' does not apply to a \(change) adaptation", "remove it, or change 'change' to the kind of adaptation you mean")
            }
        }
        for key in needed.sorted() where adaptation[key] == nil {
            error(adaptation, "missing-key", "a \(change) adaptation needs '\(key)'", "add `\(key): …`")
        }
        guard needed.allSatisfy({ adaptation[$0] != nil }), let kind = AdaptationChange(rawValue: change) else { return nil }
        if let role = adaptation["role"], !checkRole(role, in: programme) { return nil }
        var maximum: Int?
        if case .integer(let value)? = adaptation["max"]?.kind { maximum = value } else if kind == .caseload { return nil }
        var duration: Duration?
        if case .duration(let value)? = adaptation["duration"]?.kind { duration = value } else if kind == .minimumDuration { return nil }
        let target = Self.quantity(adaptation["target"])
        if kind == .indicatorTarget, target == nil { return nil }
        let delivery = adaptation["delivery"]?.items?.compactMap(\.text)
        let cadence = Self.cadence(adaptation["cadence"])
        if kind == .cadence, cadence == nil { return nil }
        let problems = AdaptationCheck(programme: programme).problems(
            kind, component: adaptation["component"]?.text, activity: adaptation["activity"]?["id"]?.text, role: adaptation["role"]?.text,
            max: maximum, duration: duration, indicator: adaptation["indicator"]?.text, target: target, delivery: delivery, cadence: cadence,
            targetGroup: adaptation["target_group"]?.text, requires: adaptation["requires"]?.items?.compactMap(\.text),
            excludes: adaptation["excludes"]?.items?.compactMap(\.text))
        // Point at the value at fault: `activity.id` is the added activity's id.
        return problems.map { ((($0.field == "activity.id" ? adaptation["activity"]?["id"] : adaptation[$0.field]) ?? adaptation), $0) }
    }

    /// A number or percentage as a quantity, once the schema has checked it.
    static func quantity(_ value: Value?) -> Quantity? {
        guard case .quantity(let number, let percent)? = value?.kind else { return nil }
        return Quantity(value: number, percent: percent)
    }

    /// `{times, per}` as a cadence, once the schema has checked it.
    static func cadence(_ value: Value?) -> Cadence? {
        guard let value, case .integer(let times)? = value["times"]?.kind, let per = value["per"]?.text else { return nil }
        return Cadence(times: times, per: per)
    }

    /// A municipality running a withdrawn version is told what replaces it; one adopting a
    /// draft, that it is not approved. Both are warnings: the adoption itself stays valid.
    mutating func checkRelease(of programme: Programme, adoptedAt value: Value, tenant: String) {
        guard let release = programme.release, release.status != .approved else { return }
        switch release.status {
        case .withdrawn:
            let when = release.date.map { " on \($0)" } ?? ""
            let why = release.reason.map { ": " + ($0.en ?? $0.pl) } ?? ""
            error(
                value, "adoption-withdrawn", "\(programme.reference) was withdrawn\(when)\(why)",
                release.replacedBy.map { "move to \($0): plan the move with `kokon tenant plan \(tenant) --upgrade \(programme.id) --to \($0)`" }
                    ?? "choose another programme with the methodologist", severity: .warning)
        case .draft:
            error(
                value, "adoption-draft", "\(programme.reference) is a draft, not yet approved for adoption",
                "run it only as a trial; adopt an approved version, or ask the methodologist to approve this one (release: status: approved)",
                severity: .warning)
        case .approved:
            break
        }
    }

    /// The upgrade's previous version, once it is found, is of the same programme, is older,
    /// and the upgrade day falls inside the adoption's period.
    mutating func checkUpgrade(_ upgrade: Value, to programme: Programme, period: Value?) -> Programme? {
        guard let fromValue = upgrade["from"], case .modelReference(let reference) = fromValue.kind else { return nil }
        guard reference.id == programme.id else {
            error(
                fromValue, "upgrade-other-programme", "the upgrade comes from \(reference), but this adoption runs \(programme.id)",
                "an upgrade moves between versions of one programme; name the earlier version of \(programme.id)")
            return nil
        }
        guard let previous = catalog.programme(reference.description) else {
            error(fromValue, "unknown-model", "'from' names \(reference), but no programme matches it", modelHint(reference))
            return nil
        }
        guard previous.version < programme.version else {
            error(
                fromValue, "upgrade-not-newer", "the upgrade comes from \(previous.reference), which is not older than \(programme.reference)",
                "'from' is the version run before; 'model' the newer one")
            return nil
        }
        if let onValue = upgrade["on"], case .date(let day) = onValue.kind, let period, case .date(let start)? = period["start"]?.kind,
            case .date(let end)? = period["end"]?.kind, day <= start || day > end
        {
            error(
                onValue, "upgrade-outside-period", "the upgrade day \(day) is not inside the adoption's period after its first day (\(start) to \(end))",
                "choose the first day the new version applies, after \(start) and no later than \(end)")
        }
        return previous
    }

    /// One adaptation of an upgraded adoption: it must fit the new version, or carry a
    /// decision (and then have fitted the version it was made under). One the new version
    /// makes unnecessary (it does the same itself) is a warning. The judgement is the upgrade
    /// plan's (``UpgradeOutcome``).
    mutating func check(_ adaptation: Value, from previous: Programme, to programme: Programme, resolutions: [Value]) {
        guard let found = problems(adaptation, against: programme), let change = adaptation["change"]?.text.flatMap(AdaptationChange.init) else { return }
        let activity = adaptation["activity"].flatMap { added -> (String, String)? in
            guard let id = added["id"]?.text else { return nil }
            if case .localized(let name)? = added["name"]?.kind { return (id, name.pl) }
            return (id, added["name"]?.text ?? "")
        }
        var max: Int?
        if case .integer(let value)? = adaptation["max"]?.kind { max = value }
        var duration: Duration?
        if case .duration(let value)? = adaptation["duration"]?.kind { duration = value }
        let target = Self.quantity(adaptation["target"])
        let outcome = UpgradeOutcome.judge(
            change, component: adaptation["component"]?.text, activity: activity, role: adaptation["role"]?.text, max: max, duration: duration,
            indicator: adaptation["indicator"]?.text, localTarget: target, delivery: adaptation["delivery"]?.items?.compactMap(\.text),
            cadence: Self.cadence(adaptation["cadence"]), targetGroup: adaptation["target_group"]?.text,
            requires: adaptation["requires"]?.items?.compactMap(\.text), excludes: adaptation["excludes"]?.items?.compactMap(\.text), in: programme)
        if case .unnecessary(let redundancy) = outcome {
            // Decided already (withdrawn, or kept with a reason): nothing to say.
            if resolutions.contains(where: { resolutionMatches($0, adaptation) }) { return }
            let why: String =
                switch redundancy {
                case .componentGone(let component): "\(programme.reference) no longer has the component '\(component)'"
                case .hasActivity(let component, let found): "\(programme.reference) has the activity '\(found.id)' in '\(component)' itself"
                case .sameCaseload(let role, let max): "\(programme.reference) sets the caseload of '\(role)' to \(max) itself"
                case .minimumCovered(let minimum): "\(programme.reference) itself requires at least \(minimum)"
                }
            error(
                adaptation, "upgrade-unnecessary", why + ", so the adaptation is no longer needed",
                "withdraw it under upgraded.resolutions (decision: withdraw); records already made keep their meaning", severity: .warning)
            return
        }
        if found.isEmpty { return }
        guard resolutions.contains(where: { resolutionMatches($0, adaptation) }) else {
            for (node, problem) in found {
                error(
                    node, "upgrade-conflict", "this adaptation conflicts with \(programme.reference): " + (problem.message.en ?? problem.message.pl),
                    "decide under upgraded.resolutions: keep it with a reason, or withdraw it from the upgrade day")
            }
            return
        }
        check(adaptation, against: previous)
    }

    /// Every resolution without a register code names an adaptation of this adoption.
    mutating func checkResolutions(_ resolutions: [Value], adaptations: [Value], from previous: Programme, to programme: Programme) {
        for resolution in resolutions where resolution["code"] == nil {
            if resolution["change"] == nil {
                error(
                    resolution, "missing-key", "a resolution names its adaptation by 'code' (from the register) or by 'change'",
                    "add `change: …` with its component, activity or role")
                continue
            }
            if !adaptations.contains(where: { resolutionMatches(resolution, $0) }) {
                error(
                    resolution, "unknown-reference", "this resolution matches no adaptation of the adoption",
                    "name the adaptation by the same change and component, activity or role as in 'adaptations'")
            }
        }
    }

    func resolutionMatches(_ resolution: Value, _ adaptation: Value) -> Bool {
        guard resolution["code"] == nil, let change = resolution["change"]?.text, change == adaptation["change"]?.text else { return false }
        return switch change {
        case "drop-component": resolution["component"]?.text == adaptation["component"]?.text
        case "add-activity": resolution["component"]?.text == adaptation["component"]?.text && resolution["activity"]?.text == adaptation["activity"]?["id"]?.text
        case "caseload": resolution["role"]?.text == adaptation["role"]?.text
        default: true
        }
    }
}
