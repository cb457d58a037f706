import Foundation

/// A programme as a readable handbook: sections of paragraphs, lists and tables, rendered to
/// Markdown here, and to a self-contained HTML page by Reporting's page renderer.
public struct Handbook: Sendable {
    /// A piece of a section.
    public enum Block: Sendable {
        /// A paragraph.
        case paragraph(String)
        /// A bulleted list.
        case list([String])
        /// A table with a header row.
        case table(header: [String], rows: [[String]])
        /// A sub-heading.
        case heading(String)
    }

    /// A titled section.
    public struct Section: Sendable {
        /// The section's title.
        public let title: String
        /// Its content.
        public let blocks: [Block]

        /// A section from its parts.
        public init(title: String, blocks: [Block]) {
            self.title = title
            self.blocks = blocks
        }
    }

    /// The handbook's title.
    public let title: String
    /// Its sections, in reading order.
    public let sections: [Section]

    /// Builds the handbook of a programme, in Polish with English where the template has it.
    /// A handbook from its parts.
    public init(title: String, sections: [Section]) {
        self.title = title
        self.sections = sections
    }

    public init(_ p: Programme) {
        title = "\(p.name.pl) (\(p.reference))"
        sections = [
            Self.overview(p), Self.funding(p), Self.aims(p), Self.participants(p), Self.roles(p), Self.components(p), Self.networks(p),
            Self.plansAndOutcomes(p), Self.figures(p), Self.checklist(p), Self.phases(p), Self.products(p), Self.adaptationBounds(p), Self.identifiers(p),
        ].compactMap { $0 }
    }

    static func t(_ text: LocalizedText?) -> String { text?.pl ?? "" }

    /// The Polish name of an element by its id.
    static func name(_ id: String, in p: Programme) -> String { p.polishNames[id] ?? id }
    static func names(_ ids: [String], in p: Programme) -> String { ids.map { name($0, in: p) }.joined(separator: ", ") }

    /// "w tygodniu", "w roku", after a number of times.
    static func within(_ period: String) -> String {
        switch period {
        case "week": "w tygodniu"
        case "month": "w miesiącu"
        case "year": "w roku"
        default: "w całym projekcie"
        }
    }

    /// "raz w tygodniu", "3 razy w miesiącu".
    static func cadence(_ cadence: Cadence) -> String {
        (cadence.times == 1 ? "raz" : "\(cadence.times) razy") + " " + within(cadence.per)
    }

    /// "do 1 miesiąca co tydzień; do 21 miesięcy co 2 tygodnie; potem co miesiąc".
    public static func schedule(_ steps: [ScheduleStep]) -> String {
        steps.enumerated().map { index, step in
            let when = step.until.map { "do \(PolishWords.durationGenitive($0))" } ?? (index == 0 ? "przez cały udział" : "potem")
            let name = step.name.map { " (\($0.pl))" } ?? ""
            return "\(when) co \(PolishWords.interval(step.every))\(name)"
        }.joined(separator: "; ")
    }

    /// "od 10 do 15 rodzin", "do 20 osób".
    static func caseload(_ caseload: Caseload) -> String {
        let unit =
            switch caseload.unit {
            case .family: PolishWords.form(caseload.max, "rodziny", "rodzin", "rodzin")
            case .person: PolishWords.form(caseload.max, "osoby", "osób", "osób")
            case nil: PolishWords.form(caseload.max, "sprawy", "spraw", "spraw")
            }
        return (caseload.min.map { "od \($0) " } ?? "") + "do \(caseload.max) \(unit)"
    }

    /// How an indicator is computed, in words: "odsetek · rodziny · udział ukończony · w roku".
    static func measure(_ measure: Measure, in p: Programme) -> String {
        [
            measure.type.polish, PolishWords.word(measure.subject, in: PolishWords.subjects), measure.outcome.map { name($0, in: p) },
            measure.targetGroup.map { name($0, in: p) }, measure.component.map { name($0, in: p) }, measure.activity.map { name($0, in: p) },
            measure.plan.map { name($0, in: p) }, measure.network.map { name($0, in: p) },
            measure.actionTypes.map { PolishWords.words($0, in: PolishWords.actionTypes) }, measure.per.map(within),
            measure.baseline.map { "względem: " + name($0, in: p) }, measure.rate == true ? "jako odsetek w każdym roku (w punktach procentowych)" : nil,
        ].compactMap { $0 }.joined(separator: " · ")
    }

    /// Name, origin, period and lineage.
    static func overview(_ p: Programme) -> Section? {
        var identity: [[String]] = [["Identyfikator", p.reference]]
        if let en = p.name.en { identity.append(["Nazwa (en)", en]) }
        if let origin = p.origin {
            identity.append(["Miejsce", [origin.municipality, origin.voivodeship, t(origin.area)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")])
        }
        if let implementer = p.implementer { identity.append(["Realizator", implementer]) }
        if let period = p.period { identity.append(["Okres realizacji", "\(period.start) – \(period.end)"]) }
        if let status = p.status { identity.append(["Stan projektu", status.polish]) }
        if let contact = p.contact { identity.append(["Kontakt", contact]) }
        if !p.lineage.isEmpty { identity.append(["Rozwija model", p.lineage.joined(separator: " → ")]) }
        if let release = p.release { identity.append(["Wersja", release.polish]) }
        var overview: [Block] = [.table(header: ["", ""], rows: identity)]
        if let summary = p.summary { overview.insert(.paragraph(summary.pl), at: 0) }
        if let changes = p.release?.changes, !changes.isEmpty {
            overview += [.heading("Zmiany w tej wersji"), .list(changes.map(\.pl))]
        }
        return Section(title: "Program", blocks: overview)
    }

    /// Funding, budget and partners.
    static func funding(_ p: Programme) -> Section? {
        var money: [Block] = []
        if let funding = p.funding {
            let rows = [
                ("Źródło", funding.source), ("Program", funding.programme), ("Okres programowania", funding.programmingPeriod),
                ("Priorytet / oś", funding.priority), ("Działanie", funding.measure), ("Poddziałanie", funding.submeasure),
                ("Nabór", funding.call), ("Typ projektu", funding.projectType), ("Umowa podpisana", funding.agreementSigned?.description),
                ("Cel szczegółowy", funding.specificObjective?.pl),
            ]
            .compactMap { label, value in value.map { [label, $0] } }
            money.append(.table(header: ["Finansowanie", ""], rows: rows))
        }
        if let budget = p.budget {
            var rows: [[String]] = []
            if let total = budget.total { rows.append(["Koszt całkowity", (budget.approximate == true ? "około " : "") + total.description]) }
            if let grant = budget.grant { rows.append(["Dofinansowanie", grant.description]) }
            if let own = budget.ownContribution { rows.append(["Wkład własny", own.description]) }
            if let years = budget.years { rows.append(["Lata budżetu", years]) }
            for line in budget.lines ?? [] { rows.append([line.name.pl, line.amount?.description ?? ""]) }
            money.append(.table(header: ["Budżet", ""], rows: rows))
        }
        if let partners = p.partners, !partners.isEmpty {
            money.append(.heading("Partnerzy"))
            money.append(
                .table(
                    header: ["Organizacja", "Sektor", "Rola"],
                    rows: partners.map {
                        [
                            $0.name + ($0.country.map { " (\($0))" } ?? ""), PolishWords.word($0.sector, in: PolishWords.sectors),
                            $0.role.map { PolishWords.word($0, in: PolishWords.partnerRoles) } ?? "",
                        ]
                    }))
        }
        return money.isEmpty ? nil : Section(title: "Finansowanie i partnerzy", blocks: money)
    }

    /// Themes, goals and expected results.
    static func aims(_ p: Programme) -> Section? {
        var aims: [Block] = []
        if let themes = p.themes, !themes.isEmpty { aims += [.heading("Obszary"), .list(themes.map(\.pl))] }
        if let goals = p.goals, !goals.isEmpty {
            aims.append(.heading("Cele"))
            aims.append(p.hasLogicModel ? logicModel(p, goals) : .list(goals.map { $0.name.pl + ($0.description.map { " " + $0.pl } ?? "") }))
        }
        if let results = p.expectedResults, !results.isEmpty { aims += [.heading("Zakładane rezultaty"), .list(results.map(\.pl))] }
        if let through = p.deliveredThrough, !through.isEmpty { aims += [.heading("Realizowany poprzez"), .list(through.map(\.pl))] }
        if let instruments = p.activationInstruments, !instruments.isEmpty {
            aims += [.heading("Instrumenty aktywizacji"), .paragraph(instruments.map(\.polish).joined(separator: ", "))]
        }
        return aims.isEmpty ? nil : Section(title: "Cele i rezultaty", blocks: aims)
    }

    /// Each goal with what serves it: the changes observed, the figures that show progress and
    /// the components that work towards it, so a reader sees why each part exists.
    static func logicModel(_ p: Programme, _ goals: [Goal]) -> Block {
        let none = "—"
        return .table(
            header: ["Cel", "Obserwowane zmiany", "Wskaźniki", "Komponenty"],
            rows: goals.map { goal in
                let outcomes = (p.outcomes ?? []).filter { ($0.goals ?? []).contains(goal.id) }.map(\.name.pl)
                let indicators = p.indicators(serving: goal.id).map(\.name.pl)
                let components = p.components(serving: goal.id).map { $0.name?.pl ?? $0.id }
                return [
                    goal.name.pl + (goal.description.map { " " + $0.pl } ?? ""), outcomes.isEmpty ? none : outcomes.joined(separator: "; "),
                    indicators.isEmpty ? none : indicators.joined(separator: "; "), components.isEmpty ? none : components.joined(separator: "; "),
                ]
            })
    }

    /// Target groups and the rules of participation.
    static func participants(_ p: Programme) -> Section? {
        var people: [Block] = []
        for group in p.targetGroups ?? [] {
            var text = group.name.pl
            if let size = group.size { text += " — \(group.approximate == true ? "ok. " : "")\(size)" + (group.unit.map { " (\($0.polish))" } ?? "") }
            if let age = group.age { text += ", wiek \(age.polish)" }
            people.append(.heading(text))
            if let description = group.description { people.append(.paragraph(description.pl)) }
            if let related = group.relatedTo { people.append(.paragraph("Powiązana z grupą: " + name(related, in: p) + ".")) }
            if let criteria = group.criteria {
                people.append(.paragraph("Kryteria: " + criteria.map { id in p.criteria?.first { $0.id == id }?.name.pl ?? id }.joined(separator: "; ")))
            }
            let rules = (group.requires ?? []).map { "spełnia: " + criterion($0, in: p) } + (group.excludes ?? []).map { "nie spełnia: " + criterion($0, in: p) }
            if !rules.isEmpty {
                people.append(.paragraph("Warunki przyjęcia, sprawdzane przy zapisie do grupy:"))
                people.append(.list(rules))
            }
            if let quotas = group.quotas {
                people.append(.table(header: ["Kwota", "Liczba miejsc"], rows: quotas.map { [$0.name.pl, String($0.size)] }))
            }
            if let eligibility = group.eligibility, !eligibility.isEmpty {
                people.append(.paragraph("Warunki udziału:"))
                people.append(.list(eligibility.map(\.pl)))
            }
            if let preferences = group.preferences {
                people.append(.paragraph("Preferowane przy rekrutacji:"))
                people.append(.list(preferences.map(\.pl)))
            }
        }
        if let participation = p.participation {
            var rule = "Jednostka uczestnictwa: \(participation.unit.polish)."
            if let minimum = participation.minimumDuration { rule += " Minimalny czas udziału: \(minimum.polish)." }
            people.append(.paragraph(rule + (participation.description.map { " " + $0.pl } ?? "")))
        }
        return people.isEmpty ? nil : Section(title: "Grupy docelowe i zasady udziału", blocks: people)
    }

    /// A criterion's name, with how it is settled: "rodzina wielodzietna (co najmniej 3 dzieci
    /// w gospodarstwie)", for a flag "(zaznaczone u osoby)", for a window "(zapis najwyżej 12
    /// miesięcy po zdarzeniu „…”, miesiąc zapisany u osoby)".
    public static func criterion(_ id: String, in p: Programme) -> String {
        guard let criterion = p.criteria?.first(where: { $0.id == id }) else { return id }
        switch criterion.kind {
        case .flag: return criterion.name.pl + " (zaznaczone u osoby)"
        case .count: return criterion.name.pl + " (" + (criterion.count.map { $0.polish + " w gospodarstwie" } ?? "liczba osób") + ")"
        case .window: return criterion.name.pl + " (" + (criterion.window.map { "zapis " + $0.polish + ", miesiąc zapisany u osoby" } ?? "czas od zdarzenia") + ")"
        }
    }

    /// Roles and their caseloads.
    static func roles(_ p: Programme) -> Section? {
        guard let roles = p.roles, !roles.isEmpty else { return nil }
        return
            (Section(
                title: "Role",
                blocks: [
                    .table(
                        header: ["Rola", "Zadania i kwalifikacje", "Limit spraw na osobę", "Szkolenia i superwizja"],
                        rows: roles.map { role in
                            [
                                role.name.pl, ([t(role.description)] + (role.qualifications ?? []).map { "Kwalifikacje: " + $0.pl }).filter { !$0.isEmpty }.joined(separator: "; "),
                                role.caseload.map(caseload) ?? "bez limitu", staffing(role, in: p),
                            ]
                        })
                ]))
    }

    /// A role's training, supervision and ratio to its supervisors, in words.
    static func staffing(_ role: Role, in p: Programme) -> String {
        var parts = (role.training ?? []).map { "Szkolenie: " + $0.pl }
        if let supervision = role.supervision {
            parts.append("superwizja: \(supervision.minutes) min \(within(supervision.per))")
        }
        if let ratio = role.supervisedBy {
            parts.append("jeden \(name(ratio.role, in: p)) na najwyżej \(ratio.atMost) \(PolishWords.form(ratio.atMost, "osobę", "osoby", "osób")) w tej roli")
        }
        return parts.isEmpty ? "—" : parts.joined(separator: "; ")
    }

    /// Components and their activities.
    static func components(_ p: Programme) -> Section? {
        var components: [Block] = []
        for component in p.components ?? [] {
            components.append(.heading("\(component.name?.pl ?? component.id) — \(component.isCore ? "rdzeń" : "można pominąć")"))
            if let description = component.description { components.append(.paragraph(description.pl)) }
            var facts: [String] = []
            if let delivery = component.delivery { facts.append("Forma: " + PolishWords.words(delivery, in: PolishWords.deliveryForms)) }
            if let roles = component.roles { facts.append("Role: " + names(roles, in: p)) }
            if let groups = component.targetGroups { facts.append("Dla: " + names(groups, in: p)) }
            if let cadence = component.cadence { facts.append("Częstotliwość: " + Self.cadence(cadence)) }
            if let schedule = component.schedule, !schedule.isEmpty {
                let from = component.scheduleFrom.map { event in
                    let name = (p.criteria ?? []).compactMap(\.window).first { $0.event == event }?.eventName.pl ?? event
                    return "od zdarzenia „\(name)” (bez niego zapisanego: od przyjęcia)"
                }
                facts.append("Harmonogram \(from ?? "od przyjęcia"): " + Self.schedule(schedule))
            }
            if let minutes = component.sessionMinutes { facts.append("Długość spotkania: " + minutes.polish) }
            if let expected = component.expectedSessions {
                facts.append("Oczekiwana dawka: \(expected) " + PolishWords.form(expected, "spotkanie", "spotkania", "spotkań") + " na uczestnika w całym udziale")
            }
            if let adequate = component.adequateSessions {
                let share = component.minimumSessions == nil ? component.adequateShare.map { " (\($0.value)% oczekiwanych)" } ?? "" : ""
                facts.append("Dawka wystarczająca: co najmniej \(adequate) " + PolishWords.form(adequate, "spotkanie", "spotkania", "spotkań") + share)
            }
            if let plan = component.requiresPlan { facts.append("Wymagany plan: " + (p.plans?.first { $0.id == plan }?.name.pl ?? plan)) }
            if let use = component.use { facts.append("Z biblioteki komponentów: \(use)") }
            let goals = p.goals(of: component)
            if !goals.isEmpty { facts.append((goals.count == 1 ? "Służy celowi: " : "Służy celom: ") + names(goals, in: p)) }
            if !facts.isEmpty { components.append(.list(facts)) }
            if let activities = component.activities, !activities.isEmpty {
                components.append(
                    .table(
                        header: ["Działanie", "Forma", "Kto prowadzi", "Częstotliwość i liczba", "Terminy"],
                        rows: activities.map { activity in
                            [
                                activity.name.pl + (activity.description.map { ": " + $0.pl } ?? ""),
                                [
                                    activity.delivery.map { PolishWords.word($0, in: PolishWords.deliveryForms) },
                                    activity.actionType.map { PolishWords.word($0, in: PolishWords.actionTypes) },
                                ].compactMap { $0 }.joined(separator: ", "),
                                names(activity.roles ?? [], in: p),
                                [
                                    activity.cadence.map(cadence), plannedCount(activity),
                                    activity.participants.map { "\($0) \(PolishWords.form($0, "uczestnik", "uczestników", "uczestników"))" },
                                    activity.families.map { "\($0) \(PolishWords.form($0, "rodzina", "rodziny", "rodzin"))" },
                                ].compactMap { $0 }
                                    .joined(separator: ", "),
                                (activity.occasions ?? []).map { o in o.end.map { "\(o.start)–\($0)" } ?? o.start.description }.joined(separator: ", "),
                            ]
                        }))
            }
        }
        return components.isEmpty ? nil : Section(title: "Komponenty", blocks: components)
    }

    /// "3 grupy po 10 os." when the activity is held in groups, "8×" otherwise.
    static func plannedCount(_ activity: Activity) -> String? {
        switch (activity.count, activity.groupSize) {
        case (let count?, let size?): "\(count) \(PolishWords.form(count, "grupa", "grupy", "grup")) po \(size) os."
        case (nil, let size?): "grupy po \(size) os."
        case (let count?, nil): "\(count)×"
        case (nil, nil): nil
        }
    }

    /// The plans drawn up with participants and the outcomes observed in them.
    static func plansAndOutcomes(_ p: Programme) -> Section? {
        var blocks: [Block] = []
        if let plans = p.plans, !plans.isEmpty {
            blocks.append(.heading("Plany"))
            blocks.append(.table(header: ["Plan", "Dla kogo", "Opis"], rows: plans.map { [$0.name.pl, $0.for?.polish ?? "", t($0.description)] }))
        }
        if let outcomes = p.outcomes, !outcomes.isEmpty {
            blocks.append(.heading("Obserwowane zmiany"))
            let measured = outcomes.contains { $0.measurement != nil }
            blocks.append(
                .table(
                    header: ["Zmiana", "U kogo", "Opis"] + (measured ? ["Jak mierzona"] : []),
                    rows: outcomes.map { outcome in
                        [outcome.name.pl, outcome.unit?.polish ?? "", t(outcome.description)]
                            + (measured ? [outcome.measurement.map { measurement($0, in: p) } ?? "obserwowana w dniu zdarzenia"] : [])
                    }))
        }
        return blocks.isEmpty ? nil : Section(title: "Plany i zmiany u uczestników", blocks: blocks)
    }

    /// How an outcome is measured, in one sentence a caseworker can follow.
    static func measurement(_ m: OutcomeMeasurement, in p: Programme) -> String {
        var parts = [m.instrument.pl]
        if let scale = m.scale { parts.append("skala \(scale.min)–\(scale.max) pkt") }
        if let success = m.success { parts.append("sukces: " + success.polish) }
        let occasions = m.when.map { occasion in
            occasion == .followUp ? m.followUp.map { "\($0.polish) po zakończeniu udziału" } ?? occasion.polish : occasion.polish
        }
        parts.append("mierzona: " + occasions.joined(separator: ", "))
        if let role = m.ratedBy {
            parts.append((m.selfReport == true ? "wypełnia uczestnik, przekazuje: " : "ocenia: ") + name(role, in: p))
        } else if m.selfReport == true {
            parts.append("wypełnia uczestnik")
        }
        return parts.joined(separator: "; ")
    }

    /// The identifiers a municipality's file and imports use, beside the names the handbook
    /// speaks of: the only place codes appear.
    static func identifiers(_ p: Programme) -> Section? {
        var rows: [[String]] = []
        for component in p.components ?? [] {
            rows.append([component.name?.pl ?? component.id, "komponent", component.id])
            for activity in component.activities ?? [] { rows.append([activity.name.pl, "działanie", activity.id]) }
        }
        for role in p.roles ?? [] { rows.append([role.name.pl, "rola", role.id]) }
        for group in p.targetGroups ?? [] { rows.append([group.name.pl, "grupa docelowa", group.id]) }
        for plan in p.plans ?? [] { rows.append([plan.name.pl, "plan", plan.id]) }
        for outcome in p.outcomes ?? [] { rows.append([outcome.name.pl, "zmiana", outcome.id]) }
        for network in p.networks ?? [] { rows.append([network.name.pl, "sieć", network.id]) }
        for indicator in p.indicators ?? [] { rows.append([indicator.name.pl, "wskaźnik", indicator.id]) }
        guard !rows.isEmpty else { return nil }
        return Section(
            title: "Identyfikatory do plików gminy i importu",
            blocks: [
                .paragraph("Pliki gminy i importowane dane odwołują się do elementów programu przez te identyfikatory."),
                .table(header: ["Nazwa", "Element", "Identyfikator"], rows: rows),
            ])
    }

    /// Cooperation networks and their obligations.
    static func networks(_ p: Programme) -> Section? {
        guard let networks = p.networks, !networks.isEmpty else { return nil }
        return
            (Section(
                title: "Sieci współpracy",
                blocks: networks.flatMap { network -> [Block] in
                    var blocks: [Block] = [.heading(network.name.pl)]
                    if let description = network.description { blocks.append(.paragraph(description.pl)) }
                    var facts: [String] = []
                    if let sectors = network.memberSectors { facts.append("Sektory: " + PolishWords.words(sectors, in: PolishWords.sectors)) }
                    for obligation in network.obligations ?? [] {
                        facts.append(
                            "Obowiązek: co najmniej \(obligation.minimum) \(PolishWords.form(obligation.minimum, "działanie", "działania", "działań")) \(within(obligation.per)) ("
                                + (obligation.open == true ? "dowolnego rodzaju, np. " : "") + PolishWords.words(obligation.actionTypes, in: PolishWords.actionTypes) + ")")
                    }
                    if !facts.isEmpty { blocks.append(.list(facts)) }
                    return blocks
                }))
    }

    /// Baselines, indicators and targets.
    static func figures(_ p: Programme) -> Section? {
        var figures: [Block] = []
        if let baselines = p.baselines, !baselines.isEmpty {
            figures.append(.heading("Dane wyjściowe miasta pochodzenia"))
            figures.append(
                .paragraph("Dane z miasta, w którym program powstał – tylko do porównania; każda gmina podaje własne (baselines w pliku gminy)."))
            figures.append(
                .table(
                    header: ["Dane wyjściowe", "Wartość", "Rok", "Źródło"],
                    rows: baselines.map {
                        [
                            $0.name.pl + ($0.note.map { " (\($0.pl))" } ?? ""), [$0.value?.description, $0.share?.description].compactMap { $0 }.joined(separator: " / "),
                            $0.year.map(String.init) ?? "", $0.source ?? "",
                        ]
                    }))
        }
        if let indicators = p.indicators, !indicators.isEmpty {
            figures.append(.heading("Wskaźniki"))
            figures.append(
                .table(
                    header: ["Wskaźnik", "Rodzaj", "Jak liczony", "Cel"],
                    rows: indicators.map { indicator in
                        let target =
                            indicator.target.map { target in
                                [target.atLeast.map { "≥ \($0)" }, target.atMost.map { "≤ \($0)" }, target.direction.map(\.polish)].compactMap {
                                    $0
                                }.joined(separator: ", ")
                            } ?? ""
                        let measure = indicator.measure
                        return [
                            indicator.name.pl + (indicator.description.map { ": " + $0.pl } ?? ""), indicator.kind.polish,
                            Self.measure(measure, in: p), target.isEmpty ? "bez celu" : target,
                        ]
                    }))
        }
        return figures.isEmpty ? nil : Section(title: "Wskaźniki i cele", blocks: figures)
    }

    /// The essential elements and how each is judged.
    static func checklist(_ p: Programme) -> Section? {
        guard let elements = p.fidelityChecklist, !elements.isEmpty else { return nil }
        return Section(
            title: "Lista kontrolna wierności",
            blocks: [
                .paragraph("Elementy niezbędne programu; udział spełnionych wchodzi do wyniku wierności obok realizacji komponentów, dawki i zasięgu."),
                .table(
                    header: ["Element", "Jak oceniany"],
                    rows: elements.map { element in
                        let how =
                            switch element.assessed {
                            case .records: "z zapisów: wskaźnik „\(element.indicator.map { name($0, in: p) } ?? "")” osiąga cel"
                            case .selfAssessment: "samoocena koordynatora, zapisywana w pliku gminy"
                            }
                        return [element.name.pl + (element.description.map { ": " + $0.pl } ?? ""), how]
                    }),
            ])
    }

    /// Phases.
    static func phases(_ p: Programme) -> Section? {
        guard let phases = p.phases, !phases.isEmpty else { return nil }
        return
            (Section(
                title: "Etapy",
                blocks: [
                    .list(
                        phases.map { phase in
                            phase.name.pl + (phase.start.map { " (\($0)" + (phase.end.map { "–\($0)" } ?? "") + ")" } ?? "")
                                + (phase.description.map { ": " + $0.pl } ?? "")
                        })
                ]))
    }

    /// Products.
    static func products(_ p: Programme) -> Section? {
        guard let products = p.products, !products.isEmpty else { return nil }
        return
            (Section(
                title: "Produkty",
                blocks: [
                    .table(
                        header: ["Produkt", "Rodzaj", "Dla kogo"],
                        rows: products.map {
                            [$0.name.pl + ($0.description.map { ": " + $0.pl } ?? ""), PolishWords.word($0.kind, in: PolishWords.productKinds), $0.audience?.pl ?? ""]
                        })
                ]))
    }

    /// What a municipality may change.
    static func adaptationBounds(_ p: Programme) -> Section? {
        guard let adaptation = p.adaptation else { return nil }
        var facts: [String] = []
        let core = (p.components ?? []).filter(\.isCore).map { $0.name?.pl ?? $0.id }
        if !core.isEmpty { facts.append("Rdzeń (nie można pominąć): " + core.joined(separator: ", ")) }
        if let drop = adaptation.mayDrop { facts.append("Można pominąć: " + names(drop, in: p)) }
        for bound in adaptation.caseload ?? [] { facts.append("Limit spraw roli „\(name(bound.role, in: p))”: od \(bound.min) do \(bound.max)") }
        if let add = adaptation.mayAddActivities { facts.append(add ? "Można dodawać własne działania." : "Nie można dodawać działań.") }
        if let minimum = adaptation.minimumDurationAtLeast { facts.append("Minimalny czas udziału nie krótszy niż \(minimum.polish).") }
        for bound in adaptation.delivery ?? [] {
            facts.append(
                "Formy realizacji komponentu „\(name(bound.component, in: p))”, które gmina może wybrać: "
                    + PolishWords.words(bound.forms, in: PolishWords.deliveryForms) + ".")
        }
        for bound in adaptation.cadence ?? [] {
            facts.append("Komponent „\(name(bound.component, in: p))” gmina może realizować częściej, ale nie rzadziej niż \(bound.atLeast.polish).")
        }
        for bound in adaptation.eligibility ?? [] {
            facts.append(
                "Do warunków przyjęcia do grupy „\(name(bound.targetGroup, in: p))” gmina może dodać (jako wymóg albo wykluczenie): \(names(bound.criteria, in: p)).")
        }
        if let local = adaptation.localTargets, !local.isEmpty {
            facts.append("Gmina może ustalić własny cel wskaźników: \(names(local, in: p)) (odsetek można podnieść, nie obniżyć).")
        }
        if let notes = adaptation.notes { facts.append(notes.pl) }
        return (Section(title: "Granice adaptacji", blocks: [.list(facts)]))
    }

    /// The handbook as Markdown.
    public var markdown: String {
        var out = "# \(title)\n"
        for section in sections {
            out += "\n## \(section.title)\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += "\n\(text)\n"
                case .heading(let text): out += "\n### \(text)\n"
                case .list(let items): out += "\n" + items.map { "- \($0)" }.joined(separator: "\n") + "\n"
                case .table(let header, let rows):
                    func row(_ cells: [String]) -> String { "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
                    out += "\n" + row(header) + "\n" + row(header.map { _ in "---" }) + "\n" + rows.map(row).joined(separator: "\n") + "\n"
                }
            }
        }
        return out
    }
}
