public import Templates

/// One way two versions of a programme differ, as `kokon tenant plan` lists them.
public struct ModelDifference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of thing changed.
    public enum Area: String, Sendable, Codable, CaseIterable {
        case component, activity, role, rule, indicator
    }
    /// Added, removed or changed.
    public enum Change: String, Sendable, Codable {
        case added, removed, changed
    }

    /// What kind of thing.
    public let area: Area
    /// Its id (for rules, the rule's name).
    public let id: String
    /// What happened to it.
    public let change: Change
    /// For changes, what changed, e.g. "target at least 34% → at least 40%".
    public let detail: String?

    public var description: String {
        "\(change.rawValue) \(area.rawValue) \(id)" + (detail.map { ": \($0)" } ?? "")
    }

    /// The differences between `old` and `new` that matter to an adoption, leaving out
    /// components the municipality has dropped (and their activities).
    public static func between(_ old: Programme, _ new: Programme, ignoringComponents dropped: Set<String> = []) -> [ModelDifference] {
        var result: [ModelDifference] = []
        func compare<Item: Hashable>(_ area: Area, _ before: [Item], _ after: [Item], id: (Item) -> String, detail: (Item, Item) -> String?) {
            let oldByID = Dictionary(before.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            let newByID = Dictionary(after.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
            for item in after where oldByID[id(item)] == nil { result.append(ModelDifference(area: area, id: id(item), change: .added, detail: nil)) }
            for item in before where newByID[id(item)] == nil { result.append(ModelDifference(area: area, id: id(item), change: .removed, detail: nil)) }
            for item in after {
                if let previous = oldByID[id(item)], previous != item {
                    result.append(ModelDifference(area: area, id: id(item), change: .changed, detail: detail(previous, item)))
                }
            }
        }
        let oldComponents = (old.components ?? []).filter { !dropped.contains($0.id) }
        let newComponents = (new.components ?? []).filter { !dropped.contains($0.id) }
        compare(.component, oldComponents.map(ComponentRules.init), newComponents.map(ComponentRules.init), id: \.id) { before, after in
            var parts: [String] = []
            if before.core != after.core { parts.append(after.core ? "now core" : "no longer core") }
            if before.requiresPlan != after.requiresPlan { parts.append("required plan \(before.requiresPlan ?? "none") → \(after.requiresPlan ?? "none")") }
            if before.minimumSessions != after.minimumSessions {
                parts.append("minimum sessions \(before.minimumSessions.map(String.init) ?? "none") → \(after.minimumSessions.map(String.init) ?? "none")")
            }
            if before.roles != after.roles { parts.append("roles \(before.roles.joined(separator: ", ")) → \(after.roles.joined(separator: ", "))") }
            if before.rest != after.rest { parts.append("description or delivery") }
            return parts.joined(separator: "; ")
        }
        let activities = { (components: [Component]) in
            components.flatMap { component in (component.activities ?? []).map { PlacedActivity(component: component.id, activity: $0) } }
        }
        compare(.activity, activities(oldComponents), activities(newComponents), id: \.id) { _, _ in "name, delivery, roles or cadence" }
        compare(.role, old.roles ?? [], new.roles ?? [], id: \.id) { before, after in
            before.caseload != after.caseload ? "caseload \(caseload(before.caseload)) → \(caseload(after.caseload))" : "name or description"
        }
        compare(.rule, rules(of: old), rules(of: new), id: \.name) { before, after in "\(before.value) → \(after.value)" }
        compare(.indicator, old.indicators ?? [], new.indicators ?? [], id: \.id) { before, after in
            before.target != after.target
                ? "target \(target(before.target)) → \(target(after.target))" : before.measure != after.measure ? "what it measures" : "name or description"
        }
        return result
    }

    /// A component's parts that matter to delivery, with activities compared separately.
    struct ComponentRules: Hashable {
        let id: String
        let core: Bool
        let requiresPlan: String?
        let minimumSessions: Int?
        let roles: [String]
        let rest: Int
        init(_ component: Component) {
            id = component.id
            core = component.isCore
            requiresPlan = component.requiresPlan
            minimumSessions = component.minimumSessions
            roles = component.roles ?? []
            var stripped = component
            stripped.activities = nil
            stripped.roles = nil
            stripped.core = nil
            stripped.requiresPlan = nil
            stripped.minimumSessions = nil
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
        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    static func rules(of programme: Programme) -> [Rule] {
        var rules: [Rule] = []
        rules.append(Rule("minimum-participation", programme.participation?.minimumDuration?.description ?? "none"))
        for network in programme.networks ?? [] {
            let obligations = (network.obligations ?? []).map { "at least \($0.minimum) of \($0.actionTypes.joined(separator: "/")) per \($0.per)" }
            rules.append(Rule("network-obligations:\(network.id)", obligations.isEmpty ? "none" : obligations.joined(separator: "; ")))
        }
        for group in programme.targetGroups ?? [] where group.quotas?.isEmpty == false || group.size != nil {
            let quotas = (group.quotas ?? []).map { "\($0.id) \($0.size)" }.joined(separator: ", ")
            rules.append(Rule("quotas:\(group.id)", "size \(group.size.map(String.init) ?? "open")" + (quotas.isEmpty ? "" : "; \(quotas)")))
        }
        return rules
    }
}
