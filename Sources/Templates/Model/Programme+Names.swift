extension Programme {
    /// The Polish name of every named element, by id: components and their activities, roles,
    /// plans, target groups and their quotas, outcomes, networks, baselines, indicators, goals and criteria. Reports use
    /// it to speak of a programme in its own words rather than its ids; where two kinds share
    /// an id, the first in this order wins.
    public var polishNames: [String: String] {
        var names: [String: String] = [:]
        func add(_ id: String, _ name: LocalizedText?) {
            if let name, names[id] == nil { names[id] = name.pl }
        }
        for component in components ?? [] {
            add(component.id, component.name)
            for activity in component.activities ?? [] { add(activity.id, activity.name) }
        }
        for role in roles ?? [] { add(role.id, role.name) }
        for plan in plans ?? [] { add(plan.id, plan.name) }
        for group in targetGroups ?? [] {
            add(group.id, group.name)
            for quota in group.quotas ?? [] { add(quota.id, quota.name) }
        }
        for outcome in outcomes ?? [] { add(outcome.id, outcome.name) }
        for network in networks ?? [] { add(network.id, network.name) }
        for baseline in baselines ?? [] { add(baseline.id, baseline.name) }
        for indicator in indicators ?? [] { add(indicator.id, indicator.name) }
        for goal in goals ?? [] where !goal.id.isEmpty { add(goal.id, goal.name) }
        for criterion in criteria ?? [] { add(criterion.id, criterion.name) }
        return names
    }
}
