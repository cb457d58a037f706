/// Whether an adaptation stays inside what its programme allows: the one check behind
/// `kokon lint` of a tenant file and a coordinator's adaptation register, so both refuse the
/// same changes with the same bound quoted.
public struct AdaptationCheck: Sendable {
    /// One way an adaptation leaves the programme's bounds.
    public struct Problem: Sendable, Hashable {
        /// The field at fault: `component`, `activity` (`activity.id`: the added activity's
        /// id), `role`, `max` or `duration`.
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
        duration: Duration? = nil
    ) -> [Problem] {
        let bounds = programme.adaptation
        let reference = programme.reference
        switch change {
        case .dropComponent, .addActivity:
            guard let id = component else { return [missing("component", change)] }
            guard let found = programme.component(id) else {
                let known = (programme.components ?? []).map(\.id)
                return [
                    Problem(
                        field: "component", code: "unknown-reference",
                        message: LocalizedText(
                            pl: "\(reference) nie ma komponentu „\(id)”; wybierz jeden z: \(known.joined(separator: ", "))",
                            en: "\(reference) has no component '\(id)'"),
                        hint: Suggestions.hint(for: id, in: known) ?? "components of \(programme.id): " + known.joined(separator: ", "))
                ]
            }
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
                            pl: "„\(name)” to komponent rdzenia \(reference) i nie można go pominąć: \(allowedPL). Zachowaj komponent i dostosuj jego działania.",
                            en: "\(id) is a core component of \(reference) and cannot be dropped"),
                        hint: allowed + "; keep the component and adapt its activities instead")
                ]
            }
            guard bounds?.mayAddActivities == true else {
                return [
                    Problem(
                        field: "activity", code: "adaptation-out-of-bounds",
                        message: LocalizedText(pl: "\(reference) nie pozwala dodawać działań; zapytaj metodyka programu.", en: "\(reference) does not allow adding activities"),
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
                return [
                    Problem(
                        field: "role", code: "unknown-reference",
                        message: LocalizedText(pl: "\(reference) nie ma roli „\(role)”", en: "\(reference) has no role '\(role)'"),
                        hint: Suggestions.hint(for: role, in: known) ?? "roles of \(programme.id): " + known.joined(separator: ", "))
                ]
            }
            guard let max else { return [missing("max", change)] }
            let changeable = bounds?.caseload ?? []
            guard let bound = changeable.first(where: { $0.role == role }) else {
                return [
                    Problem(
                        field: "role", code: "adaptation-out-of-bounds",
                        message: LocalizedText(
                            pl: "\(reference) nie pozwala zmieniać limitu podopiecznych roli „\(programme.role(role)?.name.pl ?? role)”",
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
                        pl: "limit \(max) leży poza granicami \(reference): od \(bound.min) do \(bound.max)\(unitPL); wybierz limit w tych granicach.",
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
                        pl: "minimalny czas udziału \(duration.polish) jest krótszy niż \(floor.polish), których wymaga \(reference); gmina może go wydłużyć, nigdy skrócić.",
                        en: "the minimum participation is set to \(duration), shorter than the \(floor) \(reference) requires"),
                    hint: "a municipality may lengthen the minimum participation, never shorten it below \(floor)")
            ]
        }
    }

    func missing(_ field: String, _ change: AdaptationChange) -> Problem {
        Problem(
            field: field, code: "missing-key",
            message: LocalizedText(pl: "ta adaptacja wymaga pola „\(field)”", en: "a \(change.rawValue) adaptation needs '\(field)'"),
            hint: "add `\(field): …`")
    }
}
