public import Postgres
public import Templates

/// What moving one adoption from the programme version it runs (A) to a newer one (B) would
/// mean for the municipality, changing nothing: the differences that affect it, each of its
/// adaptations (from the tenant file and the register) judged against B, and what happens to
/// the records it already holds.
///
/// Peer systems overwrite what a city changed when a new version arrives; Kokon keeps a
/// city's adaptations apart from the template, so it can say of each whether it still
/// applies, is now unnecessary because B does it, or conflicts with B — and block the
/// upgrade until the coordinator resolves each conflict.
public struct UpgradePlan: Sendable {
    /// What becomes of one adaptation under B.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// B leaves room for it; it carries over unchanged.
        case stillApplies = "still-applies"
        /// B itself does what the city changed; the adaptation can be withdrawn.
        case unnecessary
        /// B makes core what the city dropped, or moves a bound the city's setting now falls
        /// outside: the upgrade waits until the coordinator resolves it.
        case conflicts

        /// In Polish.
        public var polish: String {
            switch self {
            case .stillApplies: "nadal obowiązuje"
            case .unnecessary: "już niepotrzebna"
            case .conflicts: "w konflikcie z nową wersją"
            }
        }
    }

    /// One adaptation judged against B.
    public struct Verdict: Sendable {
        /// The adaptation judged.
        public let adaptation: Adaptation
        /// Its code in the register; nil for one from the tenant file.
        public let code: String?
        /// The adaptation in words, in Polish: "pominięto komponent „Edukacja finansowa rodzin”".
        public let summary: String
        /// Where it is recorded: the tenant file, or the register with its code.
        public let source: String
        /// What becomes of it.
        public let outcome: Outcome
        /// Why, in Polish and English.
        public let reason: LocalizedText
        /// What the coordinator does about it, in Polish and English.
        public let action: LocalizedText
    }

    /// What happens to records the municipality already holds.
    public struct RecordEffect: Sendable {
        /// In Polish and English.
        public let text: LocalizedText
        /// Whether the coordinator must act (plans to draw up), or it is for information.
        public let needsAction: Bool
    }

    /// The tenant.
    public let tenant: String
    /// The adoption.
    public let adoption: String
    /// The version it runs.
    public let from: Programme
    /// The version it would move to.
    public let to: Programme
    /// The first day records would be evaluated against B.
    public let on: CalendarDate
    /// How B differs from A, leaving out components the city dropped.
    public let differences: [ModelDifference]
    /// Each adaptation, judged.
    public let verdicts: [Verdict]
    /// What happens to the records.
    public let effects: [RecordEffect]

    /// True while an adaptation conflicts with B.
    public var isBlocked: Bool { verdicts.contains { $0.outcome == .conflicts } }

    /// The plan for moving `adoption` of the tenant behind `records` to `target` on `on`.
    public static func make(records: CaseRecords, adoption: String, to target: Programme, on: CalendarDate, today: CalendarDate = .today) async throws
        -> UpgradePlan
    {
        try await records.transaction { session in
            let evaluator = Evaluator(records: records)
            guard let context = try await evaluator.contexts(adoption: adoption, today: today, on: session).first else {
                throw EvaluationError.unknownAdoption(adoption, known: [])
            }
            let current = context.programme
            guard target.id == current.id else { throw TenantError.upgradeToOtherProgramme(adoption, current: current.reference, target: target.reference) }
            guard target.version > current.version else { throw TenantError.upgradeNotNewer(adoption, current: current.reference, target: target.reference) }
            guard on >= context.start && on <= context.adoptionEnd else {
                throw TenantError.upgradeOutsidePeriod(adoption, day: on.description, start: context.start.description, end: context.adoptionEnd.description)
            }
            let recorded = try await CaseRecords.readAdaptations(on: session).filter { $0.adoption == adoption }
            let fromFile = context.adaptations.count - recorded.count
            var verdicts: [Verdict] = []
            for (index, adaptation) in context.adaptations.enumerated() {
                let code = index < fromFile ? nil : recorded[index - fromFile].code
                verdicts.append(verdict(adaptation, code: code, source: code.map { "rejestr adaptacji, \($0)" } ?? "plik gminy", from: current, to: target))
            }
            let effects = try await recordEffects(context, to: target, on: on, session: session)
            return UpgradePlan(
                tenant: records.tenant.id, adoption: adoption, from: current, to: target, on: on,
                differences: ModelDifference.between(current, target, ignoringComponents: context.dropped), verdicts: verdicts, effects: effects)
        }
    }

    /// One adaptation against B: unnecessary when B does it already, conflicting when B's
    /// bounds refuse it (the same check `kokon lint` makes), and otherwise still in force.
    public static func verdict(_ adaptation: Adaptation, code: String? = nil, source: String, from current: Programme, to target: Programme) -> Verdict {
        let names = current.polishNames.merging(target.polishNames) { _, new in new }
        func name(_ id: String?) -> String { id.map { names[$0] ?? $0 } ?? "" }
        let summary = adaptation.polishSummary(names: names)
        func make(_ outcome: Outcome, _ reason: LocalizedText, _ action: LocalizedText) -> Verdict {
            Verdict(adaptation: adaptation, code: code, summary: summary, source: source, outcome: outcome, reason: reason, action: action)
        }
        let withdraw = LocalizedText(
            pl: "Można ją wycofać od dnia aktualizacji; pozostaje w historii, a wcześniejsze zapisy zachowują znaczenie.",
            en: "it can be withdrawn from the upgrade day; it stays in the history and earlier records keep their meaning")
        let keep = LocalizedText(pl: "Nic nie trzeba robić: adaptacja przechodzi do nowej wersji.", en: "nothing to do: the adaptation carries over")
        let version = target.version
        // The judgement is lint's (`UpgradeOutcome`); the words here are the page's.
        switch UpgradeOutcome.judge(adaptation, in: target) {
        case .unnecessary(.componentGone(let component)):
            return make(
                .unnecessary,
                LocalizedText(pl: "wersja \(version) nie ma już komponentu „\(name(component))”.", en: "\(target.reference) no longer has component \(component)"), withdraw)
        case .unnecessary(.hasActivity(let component, let found)):
            return make(
                .unnecessary,
                LocalizedText(
                    pl: "wersja \(version) sama ma w komponencie „\(name(component))” działanie „\(found.name.pl)”.",
                    en: "\(target.reference) has the activity \(found.id) in \(component) itself"),
                LocalizedText(
                    pl: "Wycofaj adaptację od dnia aktualizacji; zapisane spotkania zachowują swoje działanie, a nowe zapisuj jako działanie programu „\(found.name.pl)”.",
                    en: "withdraw it from the upgrade day; recorded sessions keep their activity, record new ones as the programme's \(found.id)"))
        case .unnecessary(.sameCaseload(let role, let max)):
            return make(
                .unnecessary,
                LocalizedText(
                    pl: "wersja \(version) sama ustala limit spraw roli „\(name(role))” na \(max).", en: "\(target.reference) sets the caseload of \(role) to \(max) itself"),
                withdraw)
        case .unnecessary(.minimumCovered(let minimum)):
            return make(
                .unnecessary,
                LocalizedText(pl: "wersja \(version) sama wymaga co najmniej \(minimum.polish) udziału.", en: "\(target.reference) itself requires at least \(minimum)"), withdraw)
        case .conflicts(let problems):
            let problem = problems[0]
            switch adaptation.change {
            case .dropComponent:
                let component = adaptation.component ?? ""
                return make(
                    .conflicts,
                    LocalizedText(
                        pl: "wersja \(version) czyni „\(name(component))” komponentem rdzenia, którego nie można pominąć, a gmina go pominęła.",
                        en: "\(target.reference) makes \(component) core, which the municipality dropped"),
                    LocalizedText(
                        pl:
                            "Przed aktualizacją zdecyduj: wycofaj adaptację i realizuj komponent od dnia aktualizacji albo zachowaj ją z uzasadnieniem — komponent będzie wtedy liczony w wierności jako niezrealizowany.",
                        en:
                            "before upgrading, withdraw the adaptation and deliver the component from the upgrade day, or keep it with a reason; the component then counts as not delivered in fidelity"
                    ))
            case .addActivity:
                return make(
                    .conflicts, problem.message,
                    LocalizedText(
                        pl: "Przed aktualizacją wycofaj adaptację albo zachowaj ją z uzasadnieniem; zapytaj metodyka programu o miejsce tego działania.",
                        en: "before upgrading, withdraw it or keep it with a reason; ask the programme's methodologist where the activity belongs"))
            case .caseload:
                return make(
                    .conflicts, problem.message,
                    LocalizedText(
                        pl: "Przed aktualizacją zmień limit tak, by mieścił się w granicach nowej wersji, albo zachowaj go z uzasadnieniem.",
                        en: "before upgrading, move the limit inside the new bounds, or keep it with a reason"))
            case .minimumDuration:
                return make(
                    .conflicts, problem.message,
                    LocalizedText(
                        pl: "Przed aktualizacją wydłuż minimalny czas udziału do granicy nowej wersji albo zachowaj go z uzasadnieniem.",
                        en: "before upgrading, lengthen the minimum to the new bound, or keep it with a reason"))
            case .deliveryForm, .cadence:
                return make(
                    .conflicts, problem.message,
                    LocalizedText(
                        pl: "Przed aktualizacją dostosuj zmianę do granic nowej wersji albo zachowaj ją z uzasadnieniem.",
                        en: "before upgrading, bring the change inside the new bounds, or keep it with a reason"))
            case .targetGroupCriteria:
                return make(
                    .conflicts, problem.message,
                    LocalizedText(
                        pl: "Przed aktualizacją dostosuj warunki przyjęcia do granic nowej wersji albo wycofaj adaptację; zachowana z uzasadnieniem nadal obowiązuje przy zapisie.",
                        en: "before upgrading, bring the rules inside the new bounds, or withdraw them; kept with a reason, they still apply at enrolment"))
            case .indicatorTarget:
                return make(
                    .conflicts, problem.message,
                    LocalizedText(
                        pl: "Przed aktualizacją ustal cel zgodny z nową wersją albo wycofaj adaptację, by obowiązywał cel programu.",
                        en: "before upgrading, set a target the new version allows, or withdraw the adaptation so the programme's target applies"))
            }
        case .stillApplies:
            let reason: LocalizedText =
                switch adaptation.change {
                case .dropComponent:
                    LocalizedText(
                        pl: "wersja \(version) nadal pozwala pominąć „\(name(adaptation.component))”.",
                        en: "\(target.reference) still allows dropping \(adaptation.component ?? "")")
                case .addActivity:
                    adaptation.activity == nil
                        ? LocalizedText(pl: "", en: "")
                        : LocalizedText(
                            pl: "wersja \(version) nadal pozwala dodawać działania do „\(name(adaptation.component))”.",
                            en: "\(target.reference) still allows adding activities to \(adaptation.component ?? "")")
                case .caseload:
                    LocalizedText(pl: "limit mieści się w granicach wersji \(version).", en: "the limit is inside the bounds of \(target.reference)")
                case .minimumDuration:
                    LocalizedText(
                        pl: "wersja \(version) nadal pozwala wydłużyć minimalny czas udziału.", en: "\(target.reference) still allows a longer minimum participation")
                case .deliveryForm:
                    LocalizedText(
                        pl: "wersja \(version) nadal pozwala realizować „\(name(adaptation.component))” w tej formie.",
                        en: "\(target.reference) still allows delivering \(adaptation.component ?? "") so")
                case .cadence:
                    LocalizedText(
                        pl: "wersja \(version) nadal pozwala na tę częstotliwość „\(name(adaptation.component))”.",
                        en: "\(target.reference) still allows holding \(adaptation.component ?? "") this often")
                case .targetGroupCriteria:
                    LocalizedText(
                        pl: "wersja \(version) nadal pozwala gminie dodać te warunki przyjęcia do grupy „\(name(adaptation.targetGroup))”.",
                        en: "\(target.reference) still lets the municipality add these rules to \(adaptation.targetGroup ?? "")")
                case .indicatorTarget:
                    LocalizedText(
                        pl: "wersja \(version) nadal pozwala gminie ustalić cel wskaźnika „\(name(adaptation.indicator))”.",
                        en: "\(target.reference) still lets the municipality set the target of \(adaptation.indicator ?? "")")
                }
            return make(.stillApplies, reason, keep)
        }
    }

    /// Records of activities and components B no longer has, and participants already
    /// enrolled who would need a plan B newly requires.
    static func recordEffects(_ context: AdoptionContext, to target: Programme, on: CalendarDate, session: Session) async throws -> [RecordEffect] {
        var effects: [RecordEffect] = []
        let current = context.programme
        for component in current.components ?? [] where !context.dropped.contains(component.id) {
            let kept = target.component(component.id)
            if kept == nil {
                let sessions = try await session.query("SELECT count(*) FROM session WHERE adoption = \(context.id) AND component = \(component.id)").scalar(Int.self)
                effects.append(removed(sessions, of: component.name?.pl ?? component.id, kind: "komponentu", kindEN: "component", id: component.id, target: target, on: on))
                continue
            }
            for activity in component.activities ?? [] where kept?.activities?.contains(where: { $0.id == activity.id }) != true {
                let sessions = try await session.query(
                    "SELECT count(*) FROM session WHERE adoption = \(context.id) AND component = \(component.id) AND activity = \(activity.id)"
                ).scalar(Int.self)
                effects.append(removed(sessions, of: activity.name.pl, kind: "działania", kindEN: "activity", id: activity.id, target: target, on: on))
            }
        }
        for component in target.components ?? [] where !context.dropped.contains(component.id) {
            guard let planID = component.requiresPlan, current.component(component.id)?.requiresPlan != planID else { continue }
            let forFamily = target.plans?.first { $0.id == planID }?.for == .family
            let groups = component.targetGroups ?? []
            let missing = try await session.query(
                """
                SELECT count(DISTINCT coalesce(e.household, e.person)) FROM enrolment e
                WHERE e.adoption = \(context.id) AND (CASE WHEN \(forFamily) THEN e.household IS NOT NULL ELSE e.person IS NOT NULL END)
                  AND (cardinality(\(groups)) = 0 OR e.target_group = ANY(\(groups)))
                  AND e.starts_on <= \(on) AND (e.ends_on IS NULL OR e.ends_on >= \(on))
                  AND NOT EXISTS (SELECT 1 FROM plan p WHERE p.adoption = e.adoption AND p.plan = \(planID) AND p.drawn_up_on <= \(on)
                                  AND (p.person = e.person OR p.household = e.household))
                """
            ).scalar(Int.self)
            let plan = target.plans?.first { $0.id == planID }?.name.pl ?? planID
            let who = forFamily ? "rodzin" : "osób"
            let day = on.polish
            effects.append(
                RecordEffect(
                    text: LocalizedText(
                        pl: "Wersja \(target.version) wymaga w komponencie „\(component.name?.pl ?? component.id)” planu „\(plan)”: "
                            + (missing == 0
                                ? "każdy uczestnik przyjęty w dniu \(day) już go ma."
                                : "\(who) przyjętych do programu, które w dniu \(day) nie mają tego planu: \(missing); sporządź im plany po aktualizacji (zasada oceni je od tego dnia)."),
                        en: "\(target.reference) requires plan \(planID) in \(component.id): \(missing) enrolled on \(on) have none yet"),
                    needsAction: missing > 0))
        }
        return effects
    }

    static func removed(_ sessions: Int, of name: String, kind: String, kindEN: String, id: String, target: Programme, on: CalendarDate) -> RecordEffect {
        RecordEffect(
            text: LocalizedText(
                pl: "Wersja \(target.version) nie ma \(kind) „\(name)”: "
                    + (sessions == 0
                        ? "nie zapisano żadnego spotkania."
                        : "zapisane spotkania (\(sessions)) zostają bez zmian i są oceniane według dotychczasowej wersji; od \(on.polish) nie można zapisywać nowych."),
                en: "\(target.reference) has no \(kindEN) \(id): \(sessions) recorded sessions stay and are evaluated against the current version"),
            needsAction: false)
    }
}
