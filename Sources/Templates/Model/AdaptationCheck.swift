import Foundation

/// Whether an adaptation stays inside what its programme allows: the one check behind
/// `kokon lint` of a tenant file and a coordinator's adaptation register, so both refuse the
/// same changes with the same bound quoted.
public struct AdaptationCheck: Sendable {
    /// One way an adaptation leaves the programme's bounds.
    public struct Problem: Sendable, Hashable {
        /// The field at fault: `component`, `activity` (`activity.id`: the added activity's
        /// id), `role`, `max`, `duration`, `indicator`, `target`, `delivery` or `cadence`.
        public let field: String
        /// A diagnostic code, as lint prints it.
        public let code: String
        /// What is wrong, in Polish (pages, with what to do) and English (lint).
        public let message: LocalizedText
        /// What to do, in English (lint).
        public let hint: String?
    }

    /// The programme the municipality adopted.
    public let programme: Programme

    /// A check against `programme`'s adaptation bounds.
    public init(programme: Programme) { self.programme = programme }

    /// The problems of one change; none when it stays inside the bounds. Ids the programme
    /// does not know are problems too (with the ids it does know).
    public func problems(
        _ change: AdaptationChange, component: String? = nil, activity: String? = nil, role: String? = nil, max: Int? = nil,
        duration: Duration? = nil, indicator: String? = nil, target: Quantity? = nil, delivery: [String]? = nil, cadence: Cadence? = nil,
        targetGroup: String? = nil, requires: [String]? = nil, excludes: [String]? = nil
    ) -> [Problem] {
        let bounds = programme.adaptation
        let reference = programme.reference
        switch change {
        case .dropComponent, .addActivity:
            guard let id = component else { return [missing("component", change)] }
            guard let found = programme.component(id) else { return [unknownComponent(id)] }
            let name = found.name?.pl ?? id
            if change == .dropComponent {
                let mayDrop = bounds?.mayDrop ?? []
                guard found.isCore && !mayDrop.contains(id) else { return [] }
                let allowed = mayDrop.isEmpty ? "the template allows no component to be dropped" : "the template allows dropping only: " + mayDrop.joined(separator: ", ")
                let allowedPL = mayDrop.isEmpty ? "program nie pozwala pominąć żadnego komponentu" : "program pozwala pominąć tylko: " + mayDrop.joined(separator: ", ")
                return [
                    Problem(
                        field: "component", code: "adaptation-out-of-bounds",
                        message: LocalizedText(
                            pl:
                                "„\(name)” to komponent rdzenia programu „\(programme.name.pl)” i nie można go pominąć: \(allowedPL). Zachowaj komponent i dostosuj jego działania.",
                            en: "\(id) is a core component of \(reference) and cannot be dropped"),
                        hint: allowed + "; keep the component and adapt its activities instead")
                ]
            }
            guard bounds?.mayAddActivities == true else {
                return [
                    Problem(
                        field: "activity", code: "adaptation-out-of-bounds",
                        message: LocalizedText(
                            pl: "Program „\(programme.name.pl)” nie pozwala dodawać działań; zapytaj metodyka programu.", en: "\(reference) does not allow adding activities"),
                        hint: "the template's adaptation bounds do not include may_add_activities: true; ask the programme's methodologist")
                ]
            }
            guard let activity else { return [missing("activity", change)] }
            if (found.activities ?? []).contains(where: { $0.id == activity }) {
                return [
                    Problem(
                        field: "activity.id", code: "duplicate-id",
                        message: LocalizedText(pl: "„\(name)” ma już działanie o kodzie „\(activity)”; nadaj nowy kod.", en: "\(id) already has an activity '\(activity)'"),
                        hint: "give the added activity a new id")
                ]
            }
            return []
        case .caseload:
            guard let role else { return [missing("role", change)] }
            guard programme.role(role) != nil else {
                let known = (programme.roles ?? []).map(\.id)
                return [unknown("role", role, known: known, pl: "Program „\(programme.name.pl)” nie ma roli „\(role)”", en: "role", plural: "roles")]
            }
            guard let max else { return [missing("max", change)] }
            let changeable = bounds?.caseload ?? []
            guard let bound = changeable.first(where: { $0.role == role }) else {
                return [
                    Problem(
                        field: "role", code: "adaptation-out-of-bounds",
                        message: LocalizedText(
                            pl: "Program „\(programme.name.pl)” nie pozwala zmieniać limitu podopiecznych roli „\(programme.role(role)?.name.pl ?? role)”",
                            en: "\(reference) does not allow changing the caseload of \(role)"),
                        hint: changeable.isEmpty
                            ? "the template allows no caseload changes" : "caseloads the template lets you change: " + changeable.map(\.role).joined(separator: ", "))
                ]
            }
            guard max < bound.min || max > bound.max else { return [] }
            let unit = programme.role(role)?.caseload?.unit.map { $0 == .family ? " families" : " persons" } ?? ""
            let unitPL = programme.role(role)?.caseload?.unit.map { $0 == .family ? " rodzin" : " osób" } ?? ""
            return [
                Problem(
                    field: "max", code: "adaptation-out-of-bounds",
                    message: LocalizedText(
                        pl: "limit \(max) leży poza granicami programu „\(programme.name.pl)”: od \(bound.min) do \(bound.max)\(unitPL); wybierz limit w tych granicach.",
                        en: "the caseload of \(role) is set to \(max), outside the bounds of \(reference): \(bound.min) to \(bound.max)\(unit)"),
                    hint: "choose a limit between \(bound.min) and \(bound.max)")
            ]
        case .minimumDuration:
            guard let duration else { return [missing("duration", change)] }
            guard let floor = bounds?.minimumDurationAtLeast ?? programme.participation?.minimumDuration, duration.approximateDays < floor.approximateDays
            else { return [] }
            return [
                Problem(
                    field: "duration", code: "adaptation-out-of-bounds",
                    message: LocalizedText(
                        pl:
                            "minimalny czas udziału \(duration.polish) jest krótszy niż \(floor.polish), których wymaga program „\(programme.name.pl)”; gmina może go wydłużyć, nigdy skrócić.",
                        en: "the minimum participation is set to \(duration), shorter than the \(floor) \(reference) requires"),
                    hint: "a municipality may lengthen the minimum participation, never shorten it below \(floor)")
            ]
        case .indicatorTarget:
            guard let indicator else { return [missing("indicator", change)] }
            guard let target else { return [missing("target", change)] }
            return localTargetProblems(indicator, target)
        case .deliveryForm, .cadence:
            guard let id = component else { return [missing("component", change)] }
            guard let found = programme.component(id) else { return [unknownComponent(id)] }
            let name = found.name?.pl ?? id
            if change == .deliveryForm {
                guard let delivery, !delivery.isEmpty else { return [missing("delivery", change)] }
                return deliveryProblems(id, name: name, delivery)
            }
            guard let cadence else { return [missing("cadence", change)] }
            return cadenceProblems(id, name: name, cadence)
        case .targetGroupCriteria:
            guard let targetGroup else { return [missing("target_group", change)] }
            return eligibilityProblems(targetGroup, requires: requires ?? [], excludes: excludes ?? [])
        }
    }

    /// Rules a municipality adds to a target group: criteria of the programme, among those the
    /// template's `eligibility` bound lets it add to the group, that do not contradict the
    /// group's own rules or each other.
    func eligibilityProblems(_ id: String, requires: [String], excludes: [String]) -> [Problem] {
        let reference = programme.reference
        let groups = programme.targetGroups ?? []
        guard let group = groups.first(where: { $0.id == id }) else {
            let names = groups.map { "„" + $0.name.pl + "”" }.joined(separator: ", ")
            return [
                unknown(
                    "target_group", id, known: groups.map(\.id),
                    pl: "Wybrana grupa docelowa nie należy do programu „\(programme.name.pl)”; wybierz jedną z jego grup: \(names).", en: "target group",
                    plural: "target groups")
            ]
        }
        guard !requires.isEmpty || !excludes.isEmpty else { return [missing("requires", .targetGroupCriteria)] }
        let name = group.name.pl
        let criteria = programme.criteria ?? []
        func criterionName(_ id: String) -> String { criteria.first { $0.id == id }?.name.pl ?? id }
        for (field, ids) in [("requires", requires), ("excludes", excludes)] {
            if let unknown = ids.first(where: { id in !criteria.contains { $0.id == id } }) {
                return [
                    self.unknown(
                        field, unknown, known: criteria.map(\.id), pl: "Program „\(programme.name.pl)” nie zna kryterium „\(unknown)”; wybierz jedno z jego kryteriów.",
                        en: "criterion", plural: "criteria")
                ]
            }
        }
        guard let bound = programme.adaptation?.eligibility?.first(where: { $0.targetGroup == id }) else {
            return [
                outOfBounds(
                    "target_group", pl: "Program „\(programme.name.pl)” nie pozwala gminie dodawać warunków przyjęcia do grupy „\(name)”.",
                    en: "\(reference) does not allow adding rules to target group \(id)",
                    hint: "the template's bounds have no eligibility entry for \(id); ask the programme's methodologist")
            ]
        }
        for (field, ids) in [("requires", requires), ("excludes", excludes)] {
            let outside = ids.filter { !bound.criteria.contains($0) }
            guard outside.isEmpty else {
                return [
                    outOfBounds(
                        field,
                        pl: "Do grupy „\(name)” gmina może dodać tylko warunki: \(bound.criteria.map { "„" + criterionName($0) + "”" }.joined(separator: ", ")); "
                            + "„\(criterionName(outside[0]))” do nich nie należy.",
                        en: "\(outside.joined(separator: ", ")) may not be added to target group \(id)",
                        hint: "criteria \(reference) lets you add to \(id): " + bound.criteria.joined(separator: ", "))
                ]
            }
        }
        // A rule that contradicts another would shut the group to everyone who meets it.
        let required = Set(requires + (group.requires ?? []))
        let excluded = Set(excludes + (group.excludes ?? []))
        if let both = (requires + excludes).first(where: { required.contains($0) && excluded.contains($0) }) {
            let field = requires.contains(both) ? "requires" : "excludes"
            return [
                Problem(
                    field: field, code: "eligibility-contradiction",
                    message: LocalizedText(
                        pl: "Warunek „\(criterionName(both))” byłby dla grupy „\(name)” jednocześnie wymagany i wykluczający; wybierz jedno.",
                        en: "target group \(id) would both require and exclude \(both)"),
                    hint: "a criterion may be required or excluded, not both")
            ]
        }
        if let again = requires.first(where: { (group.requires ?? []).contains($0) }) ?? excludes.first(where: { (group.excludes ?? []).contains($0) }) {
            return [
                Problem(
                    field: requires.contains(again) ? "requires" : "excludes", code: "adaptation-unnecessary",
                    message: LocalizedText(
                        pl: "Program już stawia grupie „\(name)” warunek „\(criterionName(again))”; usuń go z adaptacji.",
                        en: "target group \(id) already has the rule \(again) in \(reference)"),
                    hint: "leave out rules the programme already sets")
            ]
        }
        return []
    }

    /// A component the programme does not have, with the ones it has (by name, in Polish:
    /// a coordinator picks from names, and the form may offer another programme's).
    func unknownComponent(_ id: String) -> Problem {
        let known = (programme.components ?? []).map(\.id)
        let names = (programme.components ?? []).map { "„" + ($0.name?.pl ?? $0.id) + "”" }
        return unknown(
            "component", id, known: known,
            pl: "Wybrany komponent nie należy do programu „\(programme.name.pl)”; wybierz jeden z jego komponentów: \(names.joined(separator: ", ")).",
            en: "component", plural: "components")
    }

    /// An id the programme does not have, with the nearest one it has (or all of them).
    func unknown(_ field: String, _ id: String, known: [String], pl: String, en kind: String, plural: String) -> Problem {
        Problem(
            field: field, code: "unknown-reference", message: LocalizedText(pl: pl, en: "\(programme.reference) has no \(kind) '\(id)'"),
            hint: Suggestions.hint(for: id, in: known) ?? "\(plural) of \(programme.id): " + known.joined(separator: ", "))
    }

    /// Forms the template's `delivery` bound allows for the component.
    func deliveryProblems(_ id: String, name: String, _ forms: [String]) -> [Problem] {
        let reference = programme.reference
        guard let bound = programme.adaptation?.delivery?.first(where: { $0.component == id }) else {
            return [unbounded(id, pl: "Program „\(programme.name.pl)” nie pozwala zmieniać formy realizacji komponentu „\(name)”.", en: "how \(id) is delivered", key: "delivery")]
        }
        let outside = forms.filter { !bound.forms.contains($0) }
        guard !outside.isEmpty else { return [] }
        let allowed = PolishWords.words(bound.forms, in: PolishWords.deliveryForms)
        return [
            outOfBounds(
                "delivery", pl: "„\(name)” można realizować tylko w formie: \(allowed); wybierz jedną z nich.",
                en: "\(id) may be delivered only as \(bound.forms.joined(separator: ", ")), not \(outside.joined(separator: ", "))",
                hint: "forms \(reference) allows for \(id): " + bound.forms.joined(separator: ", "))
        ]
    }

    /// A problem of a change the bounds do not allow.
    func outOfBounds(_ field: String, pl: String, en: String, hint: String) -> Problem {
        Problem(field: field, code: "adaptation-out-of-bounds", message: LocalizedText(pl: pl, en: en), hint: hint)
    }

    /// A component the bounds give no entry under `key` for: it cannot be changed that way.
    func unbounded(_ id: String, pl: String, en what: String, key: String) -> Problem {
        outOfBounds(
            "component", pl: pl, en: "\(programme.reference) does not allow changing \(what)",
            hint: "the template's bounds have no \(key) entry for \(id); ask the programme's methodologist")
    }

    /// A frequency no rarer than the template's `cadence` bound for the component.
    func cadenceProblems(_ id: String, name: String, _ cadence: Cadence) -> [Problem] {
        let reference = programme.reference
        guard let bound = programme.adaptation?.cadence?.first(where: { $0.component == id }) else {
            return [unbounded(id, pl: "Program „\(programme.name.pl)” nie pozwala zmieniać częstotliwości komponentu „\(name)”.", en: "how often \(id) is held", key: "cadence")]
        }
        let floor = bound.atLeast
        // Per project cannot be set against a week or a month: only the same period compares.
        let rarer: Bool =
            if let given = cadence.perYear, let least = floor.perYear { given < least - 1e-9 } else { cadence.per != floor.per || cadence.times < floor.times }
        guard rarer else { return [] }
        return [
            outOfBounds(
                "cadence", pl: "„\(name)” musi odbywać się co najmniej \(floor.polish), a wpisano \(cadence.polish); gmina może spotykać się częściej, nie rzadziej.",
                en: "\(id) is set to \(cadence.times) per \(cadence.per), rarer than the \(floor.times) per \(floor.per) \(reference) requires",
                hint: "hold it at least \(floor.times) per \(floor.per)")
        ]
    }

    /// A local target: of an indicator the template lets a municipality set, in the unit of
    /// the template's target; a percentage no weaker than the template's.
    func localTargetProblems(_ id: String, _ target: Quantity) -> [Problem] {
        let reference = programme.reference
        let known = (programme.indicators ?? []).map(\.id)
        guard let found = programme.indicators?.first(where: { $0.id == id }) else {
            return [unknown("indicator", id, known: known, pl: "Program „\(programme.name.pl)” nie ma wskaźnika „\(id)”", en: "indicator", plural: "indicators")]
        }
        let allowed = programme.adaptation?.localTargets ?? []
        guard allowed.contains(id) else {
            return [
                Problem(
                    field: "indicator", code: "adaptation-out-of-bounds",
                    message: LocalizedText(
                        pl: "Program „\(programme.name.pl)” nie pozwala gminie ustalać własnego celu wskaźnika „\(found.name.pl)”"
                            + (allowed.isEmpty ? "; program nie pozwala zmieniać żadnego celu." : "; można go ustalić dla: \(allowed.joined(separator: ", "))."),
                        en: "\(reference) does not let a municipality set the target of \(id)"),
                    hint: allowed.isEmpty ? "the template's bounds list no local_targets" : "indicators whose target you may set: " + allowed.joined(separator: ", "))
            ]
        }
        let lowering = found.target?.atLeast == nil && found.target?.atMost != nil
        let given = lowering ? found.target?.atMost : found.target?.atLeast
        let percent = given?.percent ?? (found.measure.type == .share)
        if target.percent != percent {
            return [
                Problem(
                    field: "target", code: "adaptation-out-of-bounds",
                    message: LocalizedText(
                        pl: percent
                            ? "cel wskaźnika „\(found.name.pl)” to odsetek; wpisz go z %, np. \(target.value)%." : "cel wskaźnika „\(found.name.pl)” to liczba; wpisz ją bez %.",
                        en: "the target of \(id) is \(percent ? "a percentage" : "a number"), but \(target) is \(target.percent ? "a percentage" : "a number")"),
                    hint: percent ? "write it with %, e.g. \(target.value)%" : "write it without %")
            ]
        }
        if percent, target.value > Decimal(100) {
            return [
                Problem(
                    field: "target", code: "adaptation-out-of-bounds", message: LocalizedText(pl: "odsetek nie może przekroczyć 100%.", en: "\(target) is more than 100%"),
                    hint: "give a percentage up to 100%")
            ]
        }
        if percent, let given, lowering ? target.value > given.value : target.value < given.value {
            return [
                Problem(
                    field: "target", code: "adaptation-out-of-bounds",
                    message: LocalizedText(
                        pl:
                            "cel \(target) jest słabszy niż \(given) w programie „\(programme.name.pl)”; gmina może odsetek \(lowering ? "obniżyć" : "podnieść"), nigdy \(lowering ? "podnieść" : "obniżyć").",
                        en: "the local target \(target) of \(id) is weaker than the \(given) \(reference) sets"),
                    hint: "a municipality may make a percentage target stricter, never weaker than \(given)")
            ]
        }
        return []
    }

    /// The programme with the local targets of `adaptations` in place of its own (the last of
    /// each indicator's wins), and the indicators so set. One outside the bounds is ignored,
    /// as lint and the register refuse it.
    public func applyingLocalTargets(_ adaptations: [Adaptation]) -> (programme: Programme, local: Set<String>) {
        var adapted = programme
        var local: Set<String> = []
        for adaptation in adaptations where adaptation.change == .indicatorTarget {
            guard let id = adaptation.indicator, let target = adaptation.target, localTargetProblems(id, target).isEmpty,
                let index = adapted.indicators?.firstIndex(where: { $0.id == id })
            else { continue }
            var bound = adapted.indicators![index].target ?? Target()
            if bound.atLeast == nil && bound.atMost != nil { bound.atMost = target } else { bound.atLeast = target }
            adapted.indicators![index].target = bound
            local.insert(id)
        }
        return (adapted, local)
    }

    func missing(_ field: String, _ change: AdaptationChange) -> Problem {
        Problem(
            field: field, code: "missing-key",
            message: LocalizedText(pl: "ta adaptacja wymaga pola „\(field)”", en: "a \(change.rawValue) adaptation needs '\(field)'"),
            hint: "add `\(field): …`")
    }
}
