import Foundation

/// Turns one programme file into a ``Programme``: applies `extends` and library components,
/// checks every cross-reference and the figures, and decodes the result.
///
/// Override rules for `extends` (see docs/guide.md, "Building on another programme"):
/// the child's `id`, `version` and `name` are its own; any other key it gives replaces the
/// parent's, except lists of items with ids (components, roles, indicators, …), which are
/// merged by id: an item with a new id is added, an item with a parent's id replaces that
/// item. `remove:` drops inherited items by id, but never a core component.
struct ProgrammeResolver {
    let catalog: ModelCatalog
    var diagnostics: [Diagnostic] = []

    init(catalog: ModelCatalog) { self.catalog = catalog }

    static let identifiedLists = [
        "goals", "criteria", "target_groups", "roles", "plans", "outcomes", "components", "networks",
        "baselines", "indicators", "phases", "products", "fidelity_checklist",
    ]

    mutating func error(_ value: Value, _ code: String, _ message: String, _ hint: String? = nil, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(file: value.file, location: value.location, severity: severity, code: code, message: message, hint: hint))
    }

    mutating func resolve(_ file: TemplateFile) -> Programme? {
        guard let value = file.value else { return nil }
        var lineage: [String] = []
        guard var merged = inherit(value, path: file.path, visiting: [], lineage: &lineage) else { return nil }
        guard let withComponents = applyLibrary(merged) else { return nil }
        merged = withComponents
        let errorsBefore = diagnostics.filter { $0.severity == .error }.count
        checkReferences(merged)
        checkFigures(merged)
        checkLogicModel(merged)
        checkEligibility(merged)
        checkChecklist(merged)
        checkMeasurements(merged)
        checkRelease(value)
        guard diagnostics.filter({ $0.severity == .error }).count == errorsBefore else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            // The lineage is computed here, not written in the file, so it joins the JSON last.
            let lineageJSON = "[" + lineage.map { Value.quote($0) }.joined(separator: ",") + "]"
            let json = "{\"lineage\":" + lineageJSON + "," + merged.json.dropFirst()
            return try decoder.decode(Programme.self, from: Data(json.utf8))
        } catch {
            self.error(
                value, "internal", "the programme passed every check but could not be read: \(error)",
                "this is a fault in kokon; please report it with the file")
            return nil
        }
    }

    // MARK: extends

    mutating func inherit(_ value: Value, path: String, visiting: [String], lineage: inout [String]) -> Value? {
        guard let extendsValue = value["extends"], case .modelReference(let reference) = extendsValue.kind else { return value }
        let me = value["id"]?.text ?? path
        guard let parentFile = catalog.file(reference, kind: .programme), let parentValue = parentFile.value else {
            let ids = Set(catalog.files.filter { $0.kind == .programme }.compactMap(\.id))
            // The id itself when only the version misses, else the nearest id: list its versions.
            let hint: String
            if let near = ids.contains(reference.id) ? reference.id : Suggestions.closest(to: reference.id, in: ids) {
                let versions = catalog.knownReferences().filter { $0.hasPrefix(near + "@") }.joined(separator: ", ")
                hint = near == reference.id ? "versions available: \(versions)" : "did you mean '\(near)'? (versions: \(versions))"
            } else {
                hint = "programmes available: " + ids.sorted().joined(separator: ", ")
            }
            error(extendsValue, "unknown-model", "'extends' names \(reference), but no programme matches it", hint)
            return nil
        }
        let parentKey = "\(parentFile.id!)@\(parentFile.version!)"
        guard !visiting.contains(parentKey), parentFile.id != me else {
            error(
                extendsValue, "extends-cycle", "'extends' goes round in a circle: \((visiting + [parentKey]).joined(separator: " → "))",
                "a programme cannot build on itself, directly or through others")
            return nil
        }
        lineage.append(parentKey)
        if parentValue["release"]?["status"]?.text == ReleaseStatus.withdrawn.rawValue {
            error(
                extendsValue, "extends-withdrawn", "'extends' builds on \(parentKey), which has been withdrawn",
                Self.replacement(of: parentValue).map { "build on \($0) instead, the version that replaces it" }
                    ?? "build on a version that is still approved", severity: .warning)
        }
        guard let parent = inherit(parentValue, path: parentFile.path, visiting: visiting + [parentKey], lineage: &lineage) else { return nil }
        // A version's life is its own: a child never inherits its parent's release.
        var merged = parent.setting("remove", to: nil).setting("release", to: nil)
        for (key, child) in value.pairs ?? [] where key != "remove" {
            if Self.identifiedLists.contains(key), let inherited = merged[key], let items = inherited.items, let childItems = child.items {
                merged = merged.setting(key, to: Self.mergeByID(items, childItems, like: child))
            } else {
                merged = merged.setting(key, to: child)
            }
        }
        for id in value["remove"]?.items ?? [] {
            guard let text = id.text else { continue }
            var found = false
            for list in Self.identifiedLists {
                guard let items = merged[list]?.items, let index = items.firstIndex(where: { $0["id"]?.text == text }) else { continue }
                found = true
                if list == "components", items[index]["core"].map({ if case .boolean(false) = $0.kind { false } else { true } }) ?? true {
                    error(
                        id, "remove-core", "'\(text)' is a core component of \(parentKey) and cannot be removed",
                        "core components define the programme; build a new programme instead of extending this one")
                    continue
                }
                var kept = items
                kept.remove(at: index)
                merged = merged.setting(list, to: Value(kind: .list(kept), file: merged[list]!.file, location: merged[list]!.location))
            }
            if !found {
                let all = Self.identifiedLists.flatMap { merged[$0]?.items?.compactMap { $0["id"]?.text } ?? [] }
                error(
                    id, "unknown-id", "'remove' names '\(text)', but \(parentKey) has nothing with that id",
                    Suggestions.hint(for: text, in: all))
            }
        }
        return merged
    }

    static func mergeByID(_ base: [Value], _ overrides: [Value], like list: Value) -> Value {
        var items = base
        for item in overrides {
            if let id = item["id"]?.text, let index = items.firstIndex(where: { $0["id"]?.text == id }) {
                items[index] = item
            } else {
                items.append(item)
            }
        }
        return Value(kind: .list(items), file: list.file, location: list.location)
    }

    // MARK: library components

    mutating func applyLibrary(_ programme: Value) -> Value? {
        guard let components = programme["components"], let items = components.items else { return programme }
        var result: [Value] = []
        var ok = true
        for component in items {
            guard let useValue = component["use"], case .modelReference(let reference) = useValue.kind else {
                result.append(component)
                continue
            }
            guard let library = catalog.file(reference, kind: .component), var base = library.value else {
                let ids = Set(catalog.files.filter { $0.kind == .component }.compactMap(\.id))
                error(
                    useValue, "unknown-component", "'use' names the library component \(reference), but models/components/ has no match",
                    Suggestions.hint(for: reference.id, in: ids)
                        ?? (ids.isEmpty ? "add it under models/components/" : "library components: " + ids.sorted().joined(separator: ", ")))
                ok = false
                continue
            }
            base = base.setting("version", to: nil)
            for (key, value) in component.pairs ?? [] {
                if key == "activities", let inherited = base[key]?.items, let own = value.items {
                    base = base.setting(key, to: Self.mergeByID(inherited, own, like: value))
                } else {
                    base = base.setting(key, to: value)
                }
            }
            let exact = Value(kind: .text("\(library.id!)@\(library.version!)"), file: useValue.file, location: useValue.location)
            base = base.setting("use", to: exact)
            base.file = component.file
            base.location = component.location
            result.append(base)
        }
        return ok ? programme.setting("components", to: Value(kind: .list(result), file: components.file, location: components.location)) : nil
    }

    // MARK: references

    mutating func checkReferences(_ programme: Value) {
        var definitions: [ReferenceKind: [String: Value]] = [:]
        var references: [(ReferenceKind, Value)] = []
        collect(programme, as: .object(ProgrammeSchema.programme), definitions: &definitions, references: &references)
        for (kind, value) in references {
            guard let id = value.text, definitions[kind]?[id] == nil else { continue }
            let known = (definitions[kind] ?? [:]).keys.sorted()
            let hint =
                Suggestions.hint(for: id, in: known)
                ?? (known.isEmpty ? "this programme defines no \(kind.rawValue)s yet; add one with id '\(id)'" : "\(kind.rawValue)s defined here: " + known.joined(separator: ", "))
            error(value, "unknown-reference", "unknown \(kind.rawValue) '\(id)'", hint)
        }
    }

    mutating func collect(_ value: Value, as shape: Shape, definitions: inout [ReferenceKind: [String: Value]], references: inout [(ReferenceKind, Value)]) {
        switch shape {
        case .reference(let kind):
            references.append((kind, value))
        case .list(let item):
            for child in value.items ?? [] { collect(child, as: item, definitions: &definitions, references: &references) }
        case .object(let schema):
            if let kind = schema.defines, let idValue = value["id"], let id = idValue.text {
                if let first = definitions[kind]?[id] {
                    error(
                        idValue, "duplicate-id", "the \(kind.rawValue) id '\(id)' is used twice",
                        "it is also used at \(first.file == idValue.file ? "" : first.file + ":")line \(first.location.line); ids must be unique")
                } else {
                    definitions[kind, default: [:]][id] = idValue
                }
            }
            for (key, child) in value.pairs ?? [] {
                let fieldShape = schema.field(key)?.shape ?? (key == "use" ? .text : nil)
                if let fieldShape { collect(child, as: fieldShape, definitions: &definitions, references: &references) }
            }
        default:
            break
        }
    }

    // MARK: release

    /// The `replaced_by` of a template's release, as written.
    static func replacement(of value: Value) -> String? {
        guard let replaced = value["release"]?["replaced_by"], case .modelReference(let reference) = replaced.kind else { return nil }
        return reference.description
    }

    /// A withdrawn version says what replaces it or why nothing does; what replaces it exists,
    /// is newer when it is the same programme, and is itself approved.
    mutating func checkRelease(_ value: Value) {
        guard let release = value["release"], let status = release["status"]?.text.flatMap(ReleaseStatus.init(rawValue:)) else { return }
        var own: SemanticVersion?
        if case .version(let version)? = value["version"]?.kind { own = version }
        let me = "\(value["id"]?.text ?? "?")@\(own.map(\.description) ?? "?")"
        if status == .withdrawn && release["replaced_by"] == nil && release["reason"] == nil {
            error(
                release["status"]!, "release-unexplained", "\(me) is withdrawn, but the release says neither what replaces it nor why",
                "add replaced_by: with the version municipalities should run instead, or reason: with why nothing replaces it")
        }
        guard let replacedValue = release["replaced_by"], case .modelReference(let reference) = replacedValue.kind else { return }
        if status != .withdrawn {
            error(
                replacedValue, "release-replaced-not-withdrawn", "\(me) names a replacement, but its status is \(status.rawValue)",
                "set status: withdrawn if municipalities should move to \(reference), or remove replaced_by", severity: .warning)
        }
        guard let replacement = catalog.file(reference, kind: .programme), let replacementValue = replacement.value else {
            error(
                replacedValue, "unknown-model", "'replaced_by' names \(reference), but no programme matches it",
                "versions available: " + catalog.knownReferences().sorted().joined(separator: ", "))
            return
        }
        if replacement.id == value["id"]?.text, let own, let newer = replacement.version, newer <= own {
            error(
                replacedValue, "release-replacement-not-newer", "\(me) is replaced by \(reference.id)@\(newer), which is not newer",
                "name a later version of \(reference.id), or another programme")
        }
        if let other = replacementValue["release"]?["status"]?.text, other != ReleaseStatus.approved.rawValue {
            error(
                replacedValue, "release-replacement-not-approved",
                "\(me) is replaced by \(reference.id)@\(replacement.version.map(\.description) ?? "?"), which is \(other) itself",
                "name an approved version, so municipalities moving off \(me) can adopt it", severity: .warning)
        }
    }

    // MARK: figures

    mutating func checkFigures(_ programme: Value) {
        if let budget = programme["budget"] { checkBudget(budget) }
        if let funding = programme["funding"] { checkFundingAxis(funding) }
        for component in programme["components"]?.items ?? [] {
            checkDose(component)
            checkScheduleEvent(component, in: programme)
        }
        if let period = programme["period"] { checkOrder(period, "start", "end", what: "the period") }
        for group in programme["target_groups"]?.items ?? [] {
            if let age = group["age"] { checkOrder(age, "min", "max", what: "the age range") }
            if let size = group["size"], case .integer(let total) = size.kind, let quotas = group["quotas"]?.items, !quotas.isEmpty {
                let sum = quotas.reduce(0) { sum, quota in if case .integer(let n)? = quota["size"]?.kind { sum + n } else { sum } }
                if sum != total {
                    error(
                        size, "quota-sum", "the quotas of '\(group["id"]?.text ?? "?")' add up to \(sum), but its size is \(total)",
                        "make the quota sizes add up to the group's size", severity: .warning)
                }
            }
        }
        for component in programme["components"]?.items ?? [] {
            for activity in component["activities"]?.items ?? [] {
                for occasion in activity["occasions"]?.items ?? [] { checkOrder(occasion, "start", "end", what: "the occasion") }
            }
        }
        for phase in programme["phases"]?.items ?? [] { checkOrder(phase, "start", "end", what: "the phase") }
        var roleCaseload: [String: (Int, Value)] = [:]
        for role in programme["roles"]?.items ?? [] {
            if let supervisor = role["supervised_by"]?["role"], let id = role["id"]?.text, supervisor.text == id {
                error(
                    supervisor, "ratio-self", "the role '\(id)' is supervised by itself",
                    "name the supervising role, e.g. `supervised_by: {role: supervisor, at_most: 8}`, and define it under roles")
            }
            if let caseload = role["caseload"] {
                checkOrder(caseload, "min", "max", what: "the caseload")
                if case .integer(let max)? = caseload["max"]?.kind, let id = role["id"]?.text { roleCaseload[id] = (max, caseload["max"]!) }
            }
        }
        if let adaptation = programme["adaptation"] {
            for bound in adaptation["caseload"]?.items ?? [] {
                checkOrder(bound, "min", "max", what: "the caseload bound")
                if let role = bound["role"]?.text, let (limit, at) = roleCaseload[role],
                    case .integer(let low)? = bound["min"]?.kind, case .integer(let high)? = bound["max"]?.kind, !(low <= limit && limit <= high)
                {
                    error(
                        at, "caseload-outside-bounds", "the caseload limit \(limit) of '\(role)' lies outside its adaptation bounds \(low)–\(high)",
                        "set the limit within the bounds, or widen the bounds")
                }
                // Lowering a caseload makes the work more intensive; raising it past the role's
                // own limit lets a municipality do less than the method asks.
                if let role = bound["role"]?.text, let (limit, _) = roleCaseload[role], case .integer(let high)? = bound["max"]?.kind, high > limit,
                    let at = bound["max"]
                {
                    error(
                        at, "bound-above-limit",
                        "the adaptation bounds let a municipality give '\(role)' up to \(high), more than the role's own limit of \(limit)",
                        "if the method allows \(high), raise the role's caseload limit; otherwise lower the bound's max to \(limit)", severity: .warning)
                }
            }
            let components = programme["components"]?.items ?? []
            for dropped in adaptation["may_drop"]?.items ?? [] {
                guard let id = dropped.text, let component = components.first(where: { $0["id"]?.text == id }) else { continue }
                let isCore: Bool = if case .boolean(let flag)? = component["core"]?.kind { flag } else { true }
                if isCore {
                    error(
                        dropped, "drop-core", "'\(id)' is a core component, so it cannot be listed in may_drop",
                        "mark the component `core: false` if municipalities may leave it out")
                }
            }
        }
        for indicator in programme["indicators"]?.items ?? [] {
            guard let measure = indicator["measure"], let type = measure["type"]?.text else { continue }
            if type == "share", measure["outcome"] == nil, measure["plan"] == nil {
                error(
                    measure, "measure-incomplete", "the share indicator '\(indicator["id"]?.text ?? "?")' does not say what it is a share of",
                    "add `outcome:` (participants with an outcome) or `plan:` (participants with a plan)")
            }
            if type == "change", measure["baseline"] == nil, measure["outcome"] == nil {
                error(
                    measure, "measure-incomplete", "the change indicator '\(indicator["id"]?.text ?? "?")' has nothing to compare against",
                    "add `baseline:` or `outcome:`")
            }
            let id = indicator["id"]?.text ?? "?"
            if let rate = measure["rate"], case .boolean(true) = rate.kind, type != "change" || measure["outcome"] == nil {
                error(
                    rate, "rate-without-outcome-change", "the indicator '\(id)' compares rates, which only a change of an outcome can do",
                    "use `type: change` with `outcome:`, or leave `rate:` out")
            }
            if measure["subject"]?.text == "groups", type != "count" || measure["activity"] == nil {
                error(
                    measure, "groups-without-activity", "the indicator '\(id)' counts groups, which are counted by the activity they meet for",
                    "use `type: count` with `activity:` (the group meeting), and record each session's `group`")
            }
            for bound in ["at_least", "at_most"] {
                guard let target = indicator["target"]?[bound], case .quantity(_, let percent) = target.kind else { continue }
                if type == "count" || type == "change", percent {
                    error(
                        target, "target-kind", "the \(type) indicator '\(id)' has a percentage target",
                        type == "count"
                            ? "use a share measure for percentages, or give the target as a number"
                            : "give the target as a change in the measure's own unit, or measure a share", severity: .warning)
                }
                if type == "share", !percent {
                    error(
                        target, "target-kind", "the share indicator '\(id)' has a target without %",
                        "write the target as a percentage, e.g. \(bound): \(target.text ?? "60")%", severity: .warning)
                }
            }
            // A share of persons can never include an outcome recorded only for households.
            let persons =
                ["persons", "children"].contains(measure["subject"]?.text) || (measure["subject"]?.text == "participants" && programme["participation"]?["unit"]?.text == "person")
            if type == "share", persons, let outcome = measure["outcome"]?.text,
                let recorded = (programme["outcomes"]?.items ?? []).first(where: { $0["id"]?.text == outcome }), recorded["unit"]?.text == "family"
            {
                error(
                    measure, "share-unit", "the share indicator '\(id)' counts persons, but the outcome '\(outcome)' is recorded for families, so no person can have it",
                    "record the outcome per person (`unit: person` under outcomes), or count families (`subject: families`)", severity: .warning)
            }
        }
        for baseline in programme["baselines"]?.items ?? [] where baseline["value"] == nil && baseline["share"] == nil {
            error(
                baseline, "baseline-without-value", "the baseline '\(baseline["id"]?.text ?? "?")' has no value",
                "give `value:` (or `share:`) as the source states it, or leave the baseline out until it is known", severity: .warning)
        }
    }

    /// An element judged from records names the indicator that shows it; one judged by
    /// self-assessment names none.
    mutating func checkChecklist(_ programme: Value) {
        for element in programme["fidelity_checklist"]?.items ?? [] {
            let id = element["id"]?.text ?? "?"
            switch element["assessed"]?.text {
            case FidelityAssessment.records.rawValue where element["indicator"] == nil:
                error(
                    element["assessed"]!, "checklist-incomplete", "the element '\(id)' is judged from records, but names no indicator",
                    "add `indicator:` with the indicator whose target shows the element is in place, or write `assessed: self`")
            case FidelityAssessment.selfAssessment.rawValue where element["indicator"] != nil:
                error(
                    element["indicator"]!, "checklist-incomplete", "the element '\(id)' is judged by self-assessment, so its indicator would never be read",
                    "remove `indicator:`, or write `assessed: records`")
            default:
                break
            }
        }
    }

    /// An outcome's measurement holds together: a scale in order, a success score on it, a
    /// follow-up with its delay; a share of a scored outcome knows what success is, and a
    /// change of one has an entry score to start from.
    mutating func checkMeasurements(_ programme: Value) {
        var scored: [String: Value] = [:]
        for outcome in programme["outcomes"]?.items ?? [] {
            guard let measurement = outcome["measurement"] else { continue }
            let id = outcome["id"]?.text ?? "?"
            var scale: (min: Int, max: Int)?
            if let given = measurement["scale"], case .integer(let low)? = given["min"]?.kind, case .integer(let high)? = given["max"]?.kind {
                if low >= high {
                    error(
                        given, "measurement-incomplete", "the scale of outcome '\(id)' runs from \(low) to \(high), so no score could differ",
                        "give the lowest score as `min:` and the highest as `max:`")
                } else {
                    scale = (low, high)
                    scored[id] = measurement
                }
            }
            if let success = measurement["success"] {
                if measurement["scale"] == nil {
                    error(
                        success, "measurement-incomplete", "outcome '\(id)' sets a success score but no scale to score on",
                        "add `scale: {min: …, max: …}` with the instrument's scores, or remove `success:`")
                }
                if success["at_least"] == nil && success["at_most"] == nil {
                    error(success, "measurement-incomplete", "the success of outcome '\(id)' has no score", "add `at_least:`, `at_most:` or both")
                }
                var bounds: [Decimal] = []
                for key in ["at_least", "at_most"] {
                    guard let bound = success[key], case .quantity(let value, let percent) = bound.kind else { continue }
                    bounds.append(value)
                    if percent {
                        error(
                            bound, "measurement-incomplete", "the success of outcome '\(id)' is a percentage, but scores are points on the scale",
                            "write the score without %, e.g. `\(key): \(value)`")
                    } else if let scale, value < Decimal(scale.min) || value > Decimal(scale.max) {
                        error(
                            bound, "measurement-incomplete", "the success score \(value) of outcome '\(id)' is off its scale \(scale.min)–\(scale.max)",
                            "give a score within the scale, or correct the scale")
                    }
                }
                if bounds.count == 2, bounds[0] > bounds[1] {
                    error(
                        success["at_most"]!, "order", "the success of outcome '\(id)' ends before it starts: at_most is below at_least",
                        "swap the two values, or correct the one that is wrong")
                }
            }
            let occasions = measurement["when"]?.items?.compactMap(\.text) ?? []
            if occasions.contains(MeasurementOccasion.followUp.rawValue), measurement["follow_up"] == nil {
                error(
                    measurement["when"]!, "measurement-incomplete", "outcome '\(id)' is measured at a follow-up, but not how long after the end", "add e.g. `follow_up: 6 months`")
            }
            if let delay = measurement["follow_up"], !occasions.contains(MeasurementOccasion.followUp.rawValue) {
                error(delay, "measurement-incomplete", "outcome '\(id)' gives a follow-up delay, but `when` has no follow-up", "add follow-up to `when:`, or remove `follow_up:`")
            }
        }
        for indicator in programme["indicators"]?.items ?? [] {
            guard let measure = indicator["measure"], let outcome = measure["outcome"]?.text, let measurement = scored[outcome] else { continue }
            let id = indicator["id"]?.text ?? "?"
            switch measure["type"]?.text {
            case MeasureType.share.rawValue? where measurement["success"] == nil:
                error(
                    measure["outcome"]!, "measurement-incomplete", "the share indicator '\(id)' counts successes of outcome '\(outcome)', whose measurement says no success score",
                    "add `success: {at_least: …}` to the outcome's measurement")
            case MeasureType.change.rawValue?
            where measure["rate"] == nil
                && !(measurement["when"]?.items?.contains { $0.text == MeasurementOccasion.entry.rawValue } ?? false):
                error(
                    measure["outcome"]!, "measurement-incomplete",
                    "the change indicator '\(id)' compares scores of outcome '\(outcome)' with the entry score, but it is not measured at entry",
                    "add entry to the outcome's `when:`")
            default:
                break
            }
        }
    }

    /// A window criterion has its window, in whole months (events are recorded to the month),
    /// with a bound, in order; a window belongs only to a window criterion.
    mutating func checkWindow(_ criterion: Value, id: String) {
        let isWindow = criterion["type"]?.text == CriterionType.window.rawValue
        guard let window = criterion["window"] else {
            if isWindow {
                error(
                    criterion["type"]!, "criterion-incomplete", "the window criterion '\(id)' does not say which event it counts from",
                    "add e.g. `window: {event: left-care, event_name: opuszczenie pieczy zastępczej, at_most: 12 months}`")
            }
            return
        }
        if !isWindow {
            error(window, "criterion-incomplete", "the criterion '\(id)' gives a window, but its type is not window", "add `type: window`, or remove `window:`")
        }
        if window["at_least"] == nil && window["at_most"] == nil {
            error(window, "criterion-incomplete", "the window of criterion '\(id)' has no bound", "add `at_least:`, `at_most:` or both, e.g. `at_most: 12 months`")
        }
        var months: [String: Int] = [:]
        for key in ["at_least", "at_most"] {
            guard let value = window[key], case .duration(let duration) = value.kind else { continue }
            guard let whole = duration.months else {
                error(
                    value, "window-unit", "the window of criterion '\(id)' is given in \(duration.unit.rawValue)s, but events are recorded to the month",
                    "give it in months or years, e.g. `\(key): \(max(1, Int((duration.approximateDays / 30.436_875).rounded()))) months`")
                continue
            }
            months[key] = whole
        }
        if let low = months["at_least"], let high = months["at_most"], low > high {
            error(window["at_most"]!, "order", "the window of '\(id)' ends (\(high) months) before it begins (\(low) months)", "swap at_least and at_most")
        }
    }

    /// A criterion's type and its count agree, a count has bounds in order, and no group both
    /// requires and excludes the same criterion.
    mutating func checkEligibility(_ programme: Value) {
        for criterion in programme["criteria"]?.items ?? [] {
            let id = criterion["id"]?.text ?? "?"
            let isCount = criterion["type"]?.text == CriterionType.count.rawValue
            if isCount, criterion["count"] == nil {
                error(
                    criterion["type"]!, "criterion-incomplete", "the count criterion '\(id)' does not say what it counts",
                    "add e.g. `count: {of: children, at_least: 3}`")
            }
            if let count = criterion["count"] {
                if !isCount {
                    error(count, "criterion-incomplete", "the criterion '\(id)' gives a count, but its type is not count", "add `type: count`, or remove `count:`")
                }
                if count["at_least"] == nil && count["at_most"] == nil {
                    error(count, "criterion-incomplete", "the count of criterion '\(id)' has no bound", "add `at_least:`, `at_most:` or both")
                }
                checkOrder(count, "at_least", "at_most", what: "the count of '\(id)'")
            }
            checkWindow(criterion, id: id)
        }
        for group in programme["target_groups"]?.items ?? [] {
            let required = Set(group["requires"]?.items?.compactMap(\.text) ?? [])
            for excluded in group["excludes"]?.items ?? [] {
                guard let id = excluded.text, required.contains(id) else { continue }
                error(
                    excluded, "eligibility-contradiction", "the target group '\(group["id"]?.text ?? "?")' both requires and excludes '\(id)', so no one could join it",
                    "keep '\(id)' under requires or under excludes, not both")
            }
        }
    }

    /// Once a template links anything to its goals, each goal should be reached by some
    /// indicator (its own `goals:` or its outcome's), or the evaluation cannot report on it.
    mutating func checkLogicModel(_ programme: Value) {
        let outcomes = programme["outcomes"]?.items ?? []
        let indicators = programme["indicators"]?.items ?? []
        let components = programme["components"]?.items ?? []
        func goals(_ item: Value) -> [String] { item["goals"]?.items?.compactMap(\.text) ?? [] }
        guard (outcomes + indicators + components).contains(where: { !goals($0).isEmpty }) else { return }
        var measured: Set<String> = []
        for indicator in indicators {
            measured.formUnion(goals(indicator))
            if let outcome = indicator["measure"]?["outcome"]?.text, let linked = outcomes.first(where: { $0["id"]?.text == outcome }) {
                measured.formUnion(goals(linked))
            }
        }
        for goal in programme["goals"]?.items ?? [] {
            guard let id = goal["id"]?.text, !measured.contains(id) else { continue }
            error(
                goal, "goal-unmeasured", "no indicator shows progress towards the goal '\(id)', so the evaluation cannot report on it",
                "add `goals: [\(id)]` to an indicator, or to an outcome an indicator measures", severity: .warning)
        }
    }

    /// A measure numbered "4.1" and a call "POWR.04.01…" both belong to priority axis IV; a
    /// source that prints another axis beside them contradicts itself. Its text is kept, and
    /// the methodologist is told.
    mutating func checkFundingAxis(_ funding: Value) {
        guard let priority = funding["priority"], let text = priority.text, let axis = Self.romanAxis(text) else { return }
        var named: [(String, Int)] = []
        if let measure = funding["measure"]?.text, let number = Self.leadingNumber(measure) { named.append(("measure \(measure)", number)) }
        if let call = funding["call"]?.text, let number = Self.callAxis(call) { named.append(("call \(call)", number)) }
        let others = named.filter { $0.1 != axis }
        guard let first = others.first, others.allSatisfy({ $0.1 == first.1 }) else { return }
        error(
            priority, "funding-axis",
            "the priority axis '\(text)' does not match the \(others.map(\.0).joined(separator: " and ")), which belong to axis \(Self.roman(first.1))",
            "check the figures against the call documents; if the source gives them so, keep them and note it", severity: .warning)
    }

    static let romanNumerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

    /// "I. Innowacje…" or "Oś priorytetowa IX" → 1 or 9; an axis written in digits is left alone.
    static func romanAxis(_ text: String) -> Int? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "." })
        for word in words {
            guard !word.isEmpty, word.allSatisfy({ "IVX".contains($0) }) else { continue }
            if let value = romanValue(String(word)), roman(value) == String(word) { return value }
        }
        return nil
    }

    static func romanValue(_ word: String) -> Int? {
        var rest = Substring(word)
        var total = 0
        for (value, numeral) in romanNumerals {
            while rest.hasPrefix(numeral) {
                total += value
                rest = rest.dropFirst(numeral.count)
            }
        }
        return rest.isEmpty && total > 0 ? total : nil
    }

    static func roman(_ number: Int) -> String {
        var rest = number
        var text = ""
        for (value, numeral) in romanNumerals {
            while rest >= value {
                text += numeral
                rest -= value
            }
        }
        return text
    }

    /// "4.1 Innowacje społeczne" → 4.
    static func leadingNumber(_ text: String) -> Int? {
        let digits = text.drop(while: { !$0.isNumber }).prefix(while: \.isNumber)
        guard text.contains("."), !digits.isEmpty else { return nil }
        return Int(digits)
    }

    /// "POWR.04.01.00-IZ…" → 4: the first number after the programme's code.
    static func callAxis(_ call: String) -> Int? {
        let parts = call.split(separator: ".")
        guard parts.count >= 3, parts[0].allSatisfy(\.isLetter) else { return nil }
        return Int(parts[1])
    }

    mutating func checkBudget(_ budget: Value) {
        guard case .money(let total)? = budget["total"]?.kind else { return }
        let parts = [budget["grant"], budget["own_contribution"]].compactMap { value -> Money? in
            if case .money(let money)? = value?.kind { money } else { nil }
        }
        guard parts.count == 2, parts.allSatisfy({ $0.currency == total.currency }) else { return }
        let sum = parts[0].amount + parts[1].amount
        guard sum != total.amount else { return }
        let gap = Money(amount: abs(total.amount - sum), currency: total.currency)
        error(
            budget["total"]!, "budget-sum",
            "the grant (\(parts[0])) and own contribution (\(parts[1])) add up to \(Money(amount: sum, currency: total.currency)), \(gap) \(sum < total.amount ? "short of" : "more than") the total \(total)",
            "check the figures against the grant agreement; if the source gives them so, keep them and note it", severity: .warning)
    }

    /// An adequate dose is stated once, as a count or as a share of the expected sessions,
    /// and never above them.
    mutating func checkDose(_ component: Value) {
        let id = component["id"]?.text ?? "?"
        if let schedule = component["schedule"] { checkSchedule(schedule, of: component, id: id) }
        if let minutes = component["session_minutes"] { checkOrder(minutes, "min", "max", what: "the session length of '\(id)'") }
        let expected: Int? = if case .integer(let n)? = component["expected_sessions"]?.kind { n } else { nil }
        if let share = component["adequate_share"] {
            if component["minimum_sessions"] != nil {
                error(
                    share, "dose-twice", "'\(id)' states an adequate dose twice: minimum_sessions and adequate_share",
                    "keep one: minimum_sessions as a number of sessions, or adequate_share as a share of expected_sessions")
            } else if expected == nil && component["schedule"] == nil {
                error(
                    share, "dose-share-without-expected", "'\(id)' gives adequate_share, but neither the expected_sessions nor the schedule it is a share of",
                    "add expected_sessions (the sessions each participant should attend over the whole participation), or a schedule")
            }
            // The schema already keeps a percentage at most 100%.
            if case .quantity(let value, percent: true) = share.kind, value <= 0 {
                error(share, "dose-share-range", "adequate_share of '\(id)' is \(value)%, but an adequate dose is more than no session", "write a share such as 75%")
            }
        }
        if let minimumValue = component["minimum_sessions"], case .integer(let minimum) = minimumValue.kind, let expected, minimum > expected {
            error(
                minimumValue, "dose-above-expected", "'\(id)' asks for at least \(minimum) sessions, more than the \(expected) it expects",
                "lower minimum_sessions or raise expected_sessions", severity: .warning)
        }
    }

    /// A schedule counted from an event needs the schedule, and an event the programme's
    /// window criteria name: only those are recorded for persons.
    mutating func checkScheduleEvent(_ component: Value, in programme: Value) {
        guard let from = component["schedule_from"], let event = from.text else { return }
        let id = component["id"]?.text ?? "?"
        if component["schedule"] == nil {
            error(from, "schedule-from-without-schedule", "'\(id)' says what its schedule is counted from, but has no schedule", "add a schedule, or remove schedule_from")
        }
        let events = Set((programme["criteria"]?.items ?? []).compactMap { $0["window"]?["event"]?.text })
        guard !events.contains(event) else { return }
        error(
            from, "unknown-reference", "the schedule of '\(id)' is counted from '\(event)', which no window criterion of the programme names, so it cannot be recorded",
            events.isEmpty
                ? "add a criterion with `type: window` and `window: {event: \(event), event_name: …, at_least: …}`, or count the schedule from enrolment"
                : (Suggestions.hint(for: event, in: events.sorted()) ?? "events the criteria name: " + events.sorted().joined(separator: ", ")))
    }

    /// A schedule replaces the cadence; its steps end later and later, only the last is open,
    /// and no step is shorter than one of its sessions.
    mutating func checkSchedule(_ schedule: Value, of component: Value, id: String) {
        if component["cadence"] != nil {
            error(
                schedule, "schedule-and-cadence", "'\(id)' gives both a cadence and a schedule",
                "keep the schedule if the frequency changes over time, or the cadence if it does not")
        }
        let steps = schedule.items ?? []
        var previous: (days: Double, text: String)?
        for (index, step) in steps.enumerated() {
            guard case .duration(let every)? = step["every"]?.kind else { continue }
            guard let untilValue = step["until"], case .duration(let until) = untilValue.kind else {
                if index < steps.count - 1 {
                    error(
                        step, "schedule-open-step", "step \(index + 1) of the schedule of '\(id)' has no 'until', but another step follows it",
                        "give it until: (how long after enrolment it ends); only the last step runs to the end")
                }
                continue
            }
            if let previous, until.approximateDays <= previous.days {
                error(
                    untilValue, "schedule-order", "step \(index + 1) of the schedule of '\(id)' ends at \(until), not after the step before it (\(previous.text))",
                    "order the steps by when they end, each later than the one before")
                continue
            }
            let length = until.approximateDays - (previous?.days ?? 0)
            if every.approximateDays > length + 0.5 {
                error(
                    step["every"]!, "schedule-step-too-short", "step \(index + 1) of the schedule of '\(id)' lasts less than one of its intervals (every \(every))",
                    "check the step's until and every", severity: .warning)
            }
            previous = (until.approximateDays, until.description)
        }
    }

    mutating func checkOrder(_ object: Value, _ first: String, _ second: String, what: String) {
        guard let a = object[first], let b = object[second] else { return }
        let inOrder: Bool
        switch (a.kind, b.kind) {
        case (.date(let x), .date(let y)): inOrder = x <= y
        case (.integer(let x), .integer(let y)): inOrder = x <= y
        default: return
        }
        if !inOrder {
            error(b, "order", "\(what) ends before it starts: \(second) is before \(first)", "swap the two values, or correct the one that is wrong")
        }
    }
}
