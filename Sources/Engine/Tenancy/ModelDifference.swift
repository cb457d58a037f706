public import Templates

/// One way two versions of a programme differ, as `kokon tenant plan` lists them and the
/// version comparison page shows them.
public struct ModelDifference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of thing changed.
    public enum Area: String, Sendable, Codable, CaseIterable {
        case component, activity, role, rule, indicator, adaptation

        /// The group's heading in Polish.
        public var polish: String {
            switch self {
            case .component: "Komponenty"
            case .activity: "Działania"
            case .role: "Role"
            case .rule: "Zasady udziału i obowiązki sieci"
            case .indicator: "Wskaźniki i cele"
            case .adaptation: "Granice adaptacji"
            }
        }
    }
    /// Added, removed or changed.
    public enum Change: String, Sendable, Codable {
        case added, removed, changed

        /// In Polish.
        public var polish: String {
            switch self {
            case .added: "dodano"
            case .removed: "usunięto"
            case .changed: "zmieniono"
            }
        }
    }

    /// What kind of thing.
    public let area: Area
    /// Its id (for rules, the rule's name).
    public let id: String
    /// What happened to it.
    public let change: Change
    /// For changes, what changed, e.g. "target at least 34% → at least 40%".
    public let detail: String?
    /// The element's Polish name (from the newer version, or the older one if it was removed).
    public let name: String
    /// For changes, what changed in Polish, e.g. "cel co najmniej 34% → co najmniej 40%".
    public let polishDetail: String?

    public var description: String {
        "\(change.rawValue) \(area.rawValue) \(id)" + (detail.map { ": \($0)" } ?? "")
    }

    /// The difference in a Polish sentence: "zmieniono „Edukacja rodzinna”: teraz rdzeń".
    public var polish: String {
        "\(change.polish) „\(name)”" + (polishDetail.map { ": \($0)" } ?? "")
    }

    /// What changed, in English and Polish.
    struct Words {
        var en: [String] = []
        var pl: [String] = []
        mutating func add(_ en: String, _ pl: String) {
            self.en.append(en)
            self.pl.append(pl)
        }

        /// "what old → new" in both languages when the value changed, "none" / "brak" where
        /// there is none.
        mutating func change<Value: Equatable>(
            _ before: Value?, _ after: Value?, en: String, pl: String, english: (Value) -> String, polish: (Value) -> String
        ) {
            guard before != after else { return }
            add(
                "\(en) \(before.map(english) ?? "none") → \(after.map(english) ?? "none")",
                "\(pl): \(before.map(polish) ?? "brak") → \(after.map(polish) ?? "brak")")
        }
    }

    /// The differences between `old` and `new` that matter to an adoption, leaving out
    /// components the municipality has dropped (and their activities).
    public static func between(_ old: Programme, _ new: Programme, ignoringComponents dropped: Set<String> = []) -> [ModelDifference] {
        var result: [ModelDifference] = []
        let oldNames = old.polishNames
        let newNames = new.polishNames
        func compare<Item: Hashable>(
            _ area: Area, _ before: [Item], _ after: [Item], id: (Item) -> String, names: [String: String] = [:], detail: (Item, Item) -> Words
        ) {
            let oldByID = Dictionary(before.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            let newByID = Dictionary(after.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            func named(_ key: String, _ fallback: [String: String]) -> String { names[key] ?? fallback[key] ?? key }
            for item in after where oldByID[id(item)] == nil {
                result.append(ModelDifference(area: area, id: id(item), change: .added, detail: nil, name: named(id(item), newNames), polishDetail: nil))
            }
            for item in before where newByID[id(item)] == nil {
                result.append(ModelDifference(area: area, id: id(item), change: .removed, detail: nil, name: named(id(item), oldNames), polishDetail: nil))
            }
            for item in after {
                if let previous = oldByID[id(item)], previous != item {
                    let words = detail(previous, item)
                    result.append(
                        ModelDifference(
                            area: area, id: id(item), change: .changed, detail: words.en.joined(separator: "; "), name: named(id(item), newNames),
                            polishDetail: words.pl.joined(separator: "; ")))
                }
            }
        }
        let oldComponents = (old.components ?? []).filter { !dropped.contains($0.id) }
        let newComponents = (new.components ?? []).filter { !dropped.contains($0.id) }
        compare(.component, oldComponents.map(ComponentRules.init), newComponents.map(ComponentRules.init), id: \.id) { before, after in
            var words = Words()
            if before.core != after.core {
                words.add(after.core ? "now core" : "no longer core", after.core ? "teraz rdzeń (nie można go pominąć)" : "już nie rdzeń (można go pominąć)")
            }
            if before.requiresPlan != after.requiresPlan {
                words.add(
                    "required plan \(before.requiresPlan ?? "none") → \(after.requiresPlan ?? "none")",
                    "wymagany plan: \(before.requiresPlan.map { oldNames[$0] ?? $0 } ?? "brak") → \(after.requiresPlan.map { newNames[$0] ?? $0 } ?? "brak")")
            }
            let sessions = { (n: Int) in "\(n) " + PolishWords.form(n, "spotkanie", "spotkania", "spotkań") }
            words.change(
                before.adequateSessions, after.adequateSessions, en: "adequate dose", pl: "dawka wystarczająca", english: { "\($0) sessions" }, polish: sessions)
            words.change(
                before.expectedSessions, after.expectedSessions, en: "expected sessions", pl: "oczekiwana dawka", english: { "\($0)" }, polish: sessions)
            words.change(
                before.schedule, after.schedule, en: "schedule", pl: "harmonogram",
                english: { $0.map { ($0.until.map { "until \($0) " } ?? "then ") + "every \($0.every)" }.joined(separator: ", ") },
                polish: Handbook.schedule)
            words.change(
                before.scheduleFrom, after.scheduleFrom, en: "schedule counted from", pl: "harmonogram liczony od zdarzenia", english: { $0 }, polish: { $0 })
            words.change(
                before.sessionMinutes, after.sessionMinutes, en: "session length", pl: "długość spotkania", english: { "\($0.min)–\($0.max) minutes" },
                polish: \.polish)
            if before.roles != after.roles {
                words.add(
                    "roles \(before.roles.joined(separator: ", ")) → \(after.roles.joined(separator: ", "))",
                    "role: \(polishList(before.roles.map { oldNames[$0] ?? $0 })) → \(polishList(after.roles.map { newNames[$0] ?? $0 }))")
            }
            if before.rest != after.rest { words.add("description or delivery", "opis lub forma realizacji") }
            return words
        }
        let activities = { (components: [Component]) in
            components.flatMap { component in (component.activities ?? []).map { PlacedActivity(component: component.id, activity: $0) } }
        }
        let placed = activities(oldComponents) + activities(newComponents)
        let activityNames = Dictionary(placed.map { ($0.id, newNames[$0.activity.id] ?? oldNames[$0.activity.id] ?? $0.activity.id) }) { first, _ in first }
        compare(.activity, activities(oldComponents), activities(newComponents), id: \.id, names: activityNames) { _, _ in
            var words = Words()
            words.add("name, delivery, roles or cadence", "nazwa, forma, role lub częstotliwość")
            return words
        }
        compare(.role, old.roles ?? [], new.roles ?? [], id: \.id) { before, after in
            var words = Words()
            if before.caseload != after.caseload {
                words.add(
                    "caseload \(caseload(before.caseload)) → \(caseload(after.caseload))", "limit spraw: \(polishCaseload(before.caseload)) → \(polishCaseload(after.caseload))")
            } else {
                words.add("name or description", "nazwa lub opis")
            }
            return words
        }
        let ruleNames = Dictionary((rules(of: old) + rules(of: new)).map { ($0.name, ruleName($0.name, old: old, new: new)) }) { first, _ in first }
        compare(.rule, rules(of: old), rules(of: new), id: \.name, names: ruleNames) { before, after in
            var words = Words()
            words.add("\(before.value) → \(after.value)", "\(before.polish) → \(after.polish)")
            return words
        }
        compare(.indicator, old.indicators ?? [], new.indicators ?? [], id: \.id) { before, after in
            var words = Words()
            if before.target != after.target {
                words.add("target \(target(before.target)) → \(target(after.target))", "cel: \(polishTarget(before.target)) → \(polishTarget(after.target))")
            } else if before.measure != after.measure {
                words.add("what it measures", "sposób liczenia")
            } else {
                words.add("name or description", "nazwa lub opis")
            }
            return words
        }
        let boundNames = Dictionary((bounds(of: old) + bounds(of: new)).map { ($0.name, boundName($0.name, old: old, new: new)) }) { first, _ in first }
        compare(.adaptation, bounds(of: old), bounds(of: new), id: \.name, names: boundNames) { before, after in
            var words = Words()
            words.add("\(before.value) → \(after.value)", "\(before.polish) → \(after.polish)")
            return words
        }
        return result
    }

    /// A component's parts that matter to delivery, with activities compared separately.
    struct ComponentRules: Hashable {
        let id: String
        let core: Bool
        let requiresPlan: String?
        let adequateSessions: Int?
        let expectedSessions: Int?
        let sessionMinutes: MinuteRange?
        let schedule: [ScheduleStep]?
        let scheduleFrom: String?
        let roles: [String]
        let rest: Int
        init(_ component: Component) {
            id = component.id
            core = component.isCore
            requiresPlan = component.requiresPlan
            adequateSessions = component.adequateSessions
            expectedSessions = component.expectedSessions
            sessionMinutes = component.sessionMinutes
            schedule = component.schedule
            scheduleFrom = component.scheduleFrom
            roles = component.roles ?? []
            var stripped = component
            stripped.activities = nil
            stripped.roles = nil
            stripped.core = nil
            stripped.requiresPlan = nil
            stripped.minimumSessions = nil
            stripped.adequateShare = nil
            stripped.expectedSessions = nil
            stripped.sessionMinutes = nil
            stripped.schedule = nil
            stripped.scheduleFrom = nil
            rest = stripped.hashValue
        }
    }

    static func caseload(_ caseload: Caseload?) -> String {
        guard let caseload else { return "none" }
        return (caseload.min.map { "\($0)–" } ?? "up to ") + "\(caseload.max)"
    }

    static func target(_ target: Target?) -> String {
        guard let target else { return "none" }
        var parts: [String] = []
        if let atLeast = target.atLeast { parts.append("at least \(atLeast)") }
        if let atMost = target.atMost { parts.append("at most \(atMost)") }
        if let direction = target.direction { parts.append(direction.rawValue) }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// An activity with the component it belongs to.
    struct PlacedActivity: Hashable {
        let component: String
        let activity: Activity
        var id: String { "\(component)/\(activity.id)" }
    }

    /// A rule by name, with its value in words, so changes read plainly.
    struct Rule: Hashable {
        let name: String
        let value: String
        let polish: String
        init(_ name: String, _ value: String, _ polish: String) {
            self.name = name
            self.value = value
            self.polish = polish
        }
    }

    static func polishList(_ items: [String]) -> String { items.isEmpty ? "brak" : items.joined(separator: ", ") }

    static func polishCaseload(_ caseload: Caseload?) -> String {
        guard let caseload else { return "brak" }
        return (caseload.min.map { "od \($0) " } ?? "") + "do \(caseload.max)"
    }

    static func polishTarget(_ target: Target?) -> String {
        guard let target else { return "brak" }
        let parts = [target.atLeast.map { "co najmniej \($0)" }, target.atMost.map { "najwyżej \($0)" }, target.direction.map(\.polish)].compactMap { $0 }
        return parts.isEmpty ? "brak" : parts.joined(separator: ", ")
    }

    static func rules(of programme: Programme) -> [Rule] {
        var rules: [Rule] = []
        let minimum = programme.participation?.minimumDuration
        rules.append(Rule("minimum-participation", minimum?.description ?? "none", minimum?.polish ?? "brak"))
        for network in programme.networks ?? [] {
            let obligations = network.obligations ?? []
            rules.append(
                Rule(
                    "network-obligations:\(network.id)",
                    obligations.isEmpty
                        ? "none"
                        : obligations.map { "at least \($0.minimum) of \($0.open == true ? "any, e.g. " : "")\($0.actionTypes.joined(separator: "/")) per \($0.per)" }.joined(
                            separator: "; "),
                    obligations.isEmpty
                        ? "brak"
                        : obligations.map {
                            "co najmniej \($0.minimum) (\($0.open == true ? "dowolnego rodzaju, np. " : "")\(PolishWords.words($0.actionTypes, in: PolishWords.actionTypes))) na \(PolishWords.word($0.per, in: PolishWords.periods))"
                        }.joined(separator: "; ")))
        }
        for group in programme.targetGroups ?? [] where group.quotas?.isEmpty == false || group.size != nil {
            let quotas = (group.quotas ?? []).map { "\($0.id) \($0.size)" }.joined(separator: ", ")
            let polishQuotas = (group.quotas ?? []).map { "\($0.name.pl) \($0.size)" }.joined(separator: ", ")
            rules.append(
                Rule(
                    "quotas:\(group.id)", "size \(group.size.map(String.init) ?? "open")" + (quotas.isEmpty ? "" : "; \(quotas)"),
                    "liczebność \(group.size.map(String.init) ?? "otwarta")" + (polishQuotas.isEmpty ? "" : "; \(polishQuotas)")))
        }
        // A group's rules of enrolment, each criterion with how it is settled, so a changed
        // count or window shows even where the ids stay.
        for group in programme.targetGroups ?? [] where group.requires != nil || group.excludes != nil || group.age != nil {
            func described(_ id: String) -> String {
                guard let criterion = programme.criteria?.first(where: { $0.id == id }) else { return id }
                return switch criterion.kind {
                case .flag: id
                case .count:
                    "\(id) (\(criterion.count.map { "\($0.atLeast.map { "at least \($0) " } ?? "")\($0.atMost.map { "at most \($0) " } ?? "")\($0.of.rawValue)" } ?? "count"))"
                case .window:
                    "\(id) (\(criterion.window.map { "\($0.atLeast.map { "at least \($0) " } ?? "")\($0.atMost.map { "at most \($0) " } ?? "")\($0.direction.rawValue) \($0.event)" } ?? "window"))"
                }
            }
            let english = [
                group.requires.map { "requires " + $0.map(described).joined(separator: ", ") }, group.excludes.map { "excludes " + $0.map(described).joined(separator: ", ") },
                group.age.map { "age \($0.min)–\($0.max) \($0.unit.rawValue)" },
            ].compactMap { $0 }.joined(separator: "; ")
            let polish = [
                group.requires.map { "wymaga: " + $0.map { Handbook.criterion($0, in: programme) }.joined(separator: ", ") },
                group.excludes.map { "wyklucza: " + $0.map { Handbook.criterion($0, in: programme) }.joined(separator: ", ") },
                group.age.map { "wiek " + $0.polish },
            ].compactMap { $0 }.joined(separator: "; ")
            rules.append(Rule("enrolment:\(group.id)", english, polish))
        }
        return rules
    }

    /// A rule's Polish name.
    static func ruleName(_ key: String, old: Programme, new: Programme) -> String {
        let names = new.polishNames.merging(old.polishNames) { first, _ in first }
        if key == "minimum-participation" { return "minimalny czas udziału" }
        if key.hasPrefix("network-obligations:") { return "obowiązki sieci " + (names[String(key.dropFirst(20))] ?? String(key.dropFirst(20))) }
        if key.hasPrefix("quotas:") { return "liczebność grupy " + (names[String(key.dropFirst(7))] ?? String(key.dropFirst(7))) }
        if key.hasPrefix("enrolment:") { return "warunki przyjęcia do grupy " + (names[String(key.dropFirst(10))] ?? String(key.dropFirst(10))) }
        return key
    }

    /// What a municipality may change, as rules compared one by one.
    static func bounds(of programme: Programme) -> [Rule] {
        let bounds = programme.adaptation
        let names = programme.polishNames
        var rules: [Rule] = []
        let drop = (bounds?.mayDrop ?? []).sorted()
        rules.append(Rule("may-drop", drop.isEmpty ? "none" : drop.joined(separator: ", "), drop.isEmpty ? "nic" : drop.map { names[$0] ?? $0 }.joined(separator: ", ")))
        let add = bounds?.mayAddActivities ?? false
        rules.append(Rule("may-add-activities", add ? "yes" : "no", add ? "tak" : "nie"))
        let floor = bounds?.minimumDurationAtLeast
        rules.append(Rule("minimum-duration-at-least", floor?.description ?? "none", floor?.polish ?? "brak"))
        for bound in bounds?.caseload ?? [] {
            rules.append(Rule("caseload:\(bound.role)", "\(bound.min)–\(bound.max)", "od \(bound.min) do \(bound.max)"))
        }
        for bound in bounds?.delivery ?? [] {
            rules.append(
                Rule(
                    "delivery:\(bound.component)", bound.forms.joined(separator: ", "),
                    PolishWords.words(bound.forms, in: PolishWords.deliveryForms)))
        }
        for bound in bounds?.cadence ?? [] {
            rules.append(Rule("cadence:\(bound.component)", "at least \(bound.atLeast.times) per \(bound.atLeast.per)", "co najmniej " + bound.atLeast.polish))
        }
        for bound in bounds?.eligibility ?? [] {
            rules.append(
                Rule(
                    "may-add-rules:\(bound.targetGroup)", bound.criteria.joined(separator: ", "),
                    bound.criteria.map { "„" + (names[$0] ?? $0) + "”" }.joined(separator: ", ")))
        }
        let local = (bounds?.localTargets ?? []).sorted()
        rules.append(
            Rule("local-targets", local.isEmpty ? "none" : local.joined(separator: ", "), local.isEmpty ? "żaden" : local.map { names[$0] ?? $0 }.joined(separator: ", ")))
        return rules
    }

    /// An adaptation bound's Polish name.
    static func boundName(_ key: String, old: Programme, new: Programme) -> String {
        switch key {
        case "may-drop": return "komponenty, które gmina może pominąć"
        case "may-add-activities": return "czy gmina może dodawać działania"
        case "minimum-duration-at-least": return "najkrótszy dopuszczalny minimalny czas udziału"
        case "local-targets": return "wskaźniki, których cel gmina może ustalić sama"
        case _ where key.hasPrefix("delivery:"):
            let component = String(key.dropFirst("delivery:".count))
            return "formy realizacji dozwolone dla komponentu " + (new.polishNames[component] ?? old.polishNames[component] ?? component)
        case _ where key.hasPrefix("may-add-rules:"):
            let group = String(key.dropFirst("may-add-rules:".count))
            return "warunki, które gmina może dodać do grupy docelowej " + (new.polishNames[group] ?? old.polishNames[group] ?? group)
        case _ where key.hasPrefix("cadence:"):
            let component = String(key.dropFirst("cadence:".count))
            return "najrzadsza dozwolona częstotliwość komponentu " + (new.polishNames[component] ?? old.polishNames[component] ?? component)
        default:
            let role = String(key.dropFirst("caseload:".count))
            return "zakres limitu spraw roli " + (new.polishNames[role] ?? old.polishNames[role] ?? role)
        }
    }
}
