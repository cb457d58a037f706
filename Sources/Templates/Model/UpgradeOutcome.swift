/// What a newer version of a programme means for one of a municipality's adaptations: it
/// still applies, the new version makes it unnecessary (it does the same itself), or the new
/// version's bounds refuse it. `kokon lint` (a tenant file's `upgraded`) and the upgrade plan
/// judge with this one function, so they never disagree.
public enum UpgradeOutcome: Sendable, Equatable {
    /// The new version allows it, and does not do it itself.
    case stillApplies
    /// The new version does it itself.
    case unnecessary(Redundancy)
    /// The new version's bounds refuse it, for these reasons (the same as lint's).
    case conflicts([AdaptationCheck.Problem])

    /// Why an adaptation is no longer needed.
    public enum Redundancy: Sendable, Equatable {
        /// The dropped component is gone from the new version.
        case componentGone(String)
        /// The component has the added activity (same id or same Polish name).
        case hasActivity(component: String, activity: Activity)
        /// The role's own caseload limit is the one the municipality set.
        case sameCaseload(role: String, max: Int)
        /// The new version's own minimum participation is at least as long.
        case minimumCovered(Duration)
    }

    /// Judges a change against `target`: `activity` is the added activity's id and Polish
    /// name.
    public static func judge(
        _ change: AdaptationChange, component: String? = nil, activity: (id: String, name: String)? = nil, role: String? = nil, max: Int? = nil,
        duration: Duration? = nil, indicator: String? = nil, localTarget: Quantity? = nil, delivery: [String]? = nil, cadence: Cadence? = nil,
        targetGroup: String? = nil, requires: [String]? = nil, excludes: [String]? = nil, in target: Programme
    ) -> UpgradeOutcome {
        let check = AdaptationCheck(programme: target)
        func bounds(_ problems: [AdaptationCheck.Problem]) -> UpgradeOutcome { problems.isEmpty ? .stillApplies : .conflicts(problems) }
        switch change {
        case .dropComponent:
            guard let component, target.component(component) != nil else { return .unnecessary(.componentGone(component ?? "")) }
            return bounds(check.problems(.dropComponent, component: component))
        case .addActivity:
            let component = component ?? ""
            guard let activity else { return .stillApplies }
            if let found = target.component(component)?.activities?.first(where: {
                $0.id == activity.id || $0.name.pl.lowercased() == activity.name.lowercased()
            }) {
                return .unnecessary(.hasActivity(component: component, activity: found))
            }
            return bounds(check.problems(.addActivity, component: component, activity: activity.id))
        case .caseload:
            if let role, let max, target.role(role)?.caseload?.max == max { return .unnecessary(.sameCaseload(role: role, max: max)) }
            return bounds(check.problems(.caseload, role: role, max: max))
        case .minimumDuration:
            if let duration, let minimum = target.participation?.minimumDuration, minimum.approximateDays >= duration.approximateDays {
                return .unnecessary(.minimumCovered(minimum))
            }
            return bounds(check.problems(.minimumDuration, duration: duration))
        case .indicatorTarget:
            return bounds(check.problems(.indicatorTarget, indicator: indicator, target: localTarget))
        case .deliveryForm, .cadence:
            guard let component, target.component(component) != nil else { return .unnecessary(.componentGone(component ?? "")) }
            return bounds(check.problems(change, component: component, delivery: delivery, cadence: cadence))
        case .targetGroupCriteria:
            return bounds(check.problems(change, targetGroup: targetGroup, requires: requires, excludes: excludes))
        }
    }

    /// The same, for an adaptation already read.
    public static func judge(_ adaptation: Adaptation, in target: Programme) -> UpgradeOutcome {
        judge(
            adaptation.change, component: adaptation.component, activity: adaptation.activity.map { ($0.id, $0.name.pl) }, role: adaptation.role,
            max: adaptation.max, duration: adaptation.duration, indicator: adaptation.indicator, localTarget: adaptation.target,
            delivery: adaptation.delivery, cadence: adaptation.cadence, targetGroup: adaptation.targetGroup, requires: adaptation.requires,
            excludes: adaptation.excludes, in: target)
    }
}
