public import Templates

/// One thing an adopted programme defines that case records refer to by id: a component, an
/// activity, a role, a target group, a plan, an outcome, a network, a budget line or an
/// eligibility criterion. `tenant apply` copies them into the tenant's `model_element` table,
/// so every record can be checked against the adopted version inside the tenant's boundary.
public struct ModelElement: Sendable, Hashable {
    /// The kind, as stored: `component`, `activity`, `role`, `target-group`, `plan`, `outcome`,
    /// `network`, `budget-line`, `criterion`.
    public let kind: String
    /// Its id in the programme.
    public let id: String
    /// The component of an activity, or the target group of a quota.
    public let parent: String?
    /// Its Polish name.
    public let name: String
    /// A core component.
    public let core: Bool
    /// Added by the municipality's own adaptation.
    public let addedLocally: Bool
    /// False for a component the municipality dropped.
    public let active: Bool

    /// Budget lines for programmes whose template names none, so expenditure can still be
    /// recorded by what it paid for.
    public static let standardBudgetLines: [(String, String)] = [
        ("staff", "wynagrodzenia kadry"), ("activities", "działania z uczestnikami"), ("materials", "materiały i wyposażenie"),
        ("premises", "lokal"), ("travel", "przejazdy"), ("management", "zarządzanie projektem"), ("other", "inne"),
    ]

    /// Every element of `programme` as adapted by `adoption`.
    public static func of(_ programme: Programme, adoption: Adoption) -> [ModelElement] {
        let adaptations = adoption.adaptationsInForce
        let dropped = Set(adaptations.filter { $0.change == .dropComponent }.compactMap(\.component))
        var elements: [ModelElement] = []
        func add(_ kind: String, _ id: String, _ name: LocalizedText?, parent: String? = nil, core: Bool = false, local: Bool = false, active: Bool = true) {
            elements.append(ModelElement(kind: kind, id: id, parent: parent, name: name?.pl ?? id, core: core, addedLocally: local, active: active))
        }
        for component in programme.components ?? [] {
            let isActive = !dropped.contains(component.id)
            add("component", component.id, component.name, core: component.isCore, active: isActive)
            for activity in component.activities ?? [] { add("activity", activity.id, activity.name, parent: component.id, active: isActive) }
        }
        for adaptation in adaptations where adaptation.change == .addActivity {
            // An activity the programme now has itself is the programme's, not the municipality's.
            if let activity = adaptation.activity, let component = adaptation.component,
                programme.component(component)?.activities?.contains(where: { $0.id == activity.id }) != true
            {
                add("activity", activity.id, activity.name, parent: component, local: true)
            }
        }
        for role in programme.roles ?? [] { add("role", role.id, role.name) }
        for group in programme.targetGroups ?? [] {
            add("target-group", group.id, group.name)
            for quota in group.quotas ?? [] { add("target-group", quota.id, quota.name, parent: group.id) }
        }
        for plan in programme.plans ?? [] { add("plan", plan.id, plan.name) }
        for outcome in programme.outcomes ?? [] { add("outcome", outcome.id, outcome.name) }
        for network in programme.networks ?? [] { add("network", network.id, network.name) }
        // Only yes/no criteria are flags a person carries; a count is worked out from the household.
        for criterion in programme.criteria ?? [] where criterion.kind == .flag { add("criterion", criterion.id, criterion.name) }
        let lines = programme.budget?.lines ?? []
        if lines.isEmpty {
            for (id, name) in standardBudgetLines { add("budget-line", id, LocalizedText(pl: name)) }
        } else {
            for line in lines { add("budget-line", line.id, line.name) }
        }
        return elements
    }
}
