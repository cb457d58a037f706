/// Which keys of a template or tenant file Kokon computes with, and how: the evaluation's
/// figures, the rules it checks, and the checks every record passes at the door. The key
/// references print it, so a methodologist sees which keys change a report and which are
/// only printed; a test checks that every entry names a key the schema has.
public struct EvaluationUse: Sendable {
    /// The mapping's title, as the key reference names it, e.g. "component".
    public let mapping: String
    /// The key in that mapping.
    public let key: String
    /// How Kokon uses the value.
    public let how: String

    init(_ mapping: String, _ key: String, _ how: String) {
        self.mapping = mapping
        self.key = key
        self.how = how
    }

    /// The template's keys that Kokon computes with.
    public static let programme: [EvaluationUse] = [
        EvaluationUse("participation", "unit", "Whether households or persons are enrolled and counted; the minimum-participation rule checks each enrolment."),
        EvaluationUse(
            "participation", "minimum_duration",
            "The minimum-participation rule flags enrolments that ended short of it; the dose in months is months received (capped at it) over it."),
        EvaluationUse("component", "core", "Adherence is the share of core components (less those a municipality may drop and did) with a session in the period."),
        EvaluationUse("component", "requires_plan", "The required-plan rule flags everyone the component serves who has no such plan."),
        EvaluationUse("component", "schedule", "The sessions due to each household or person since enrolment, for the dose in sessions."),
        EvaluationUse(
            "component", "schedule_from", "The schedule's steps are timed from the participant's recorded event (the latest, to the month) instead of enrolment."),
        EvaluationUse("component", "session_minutes", "Sessions whose recorded minutes lie within the range are counted in the dose table."),
        EvaluationUse("component", "expected_sessions", "With adequate_share: the sessions that make an adequate dose over the whole participation."),
        EvaluationUse("component", "minimum_sessions", "The sessions attended that make an adequate dose; the dose in sessions is the share who reached it."),
        EvaluationUse("component", "adequate_share", "The share of expected (or scheduled) sessions that makes an adequate dose."),
        EvaluationUse("component", "goals", "Reports group the component under the goal, marked when it was not delivered."),
        EvaluationUse("role", "caseload", "The caseload rule flags a worker with more open assignments than max (after a caseload adaptation)."),
        EvaluationUse("supervision ratio", "at_most", "The caseload rule and lint compare the supervisors recorded or planned with the workers they supervise."),
        EvaluationUse("target group", "requires", "Enrolments are refused unless the criteria are met (import, API and forms)."),
        EvaluationUse("target group", "excludes", "Enrolments are refused when a criterion is met."),
        EvaluationUse("age range", "min", "With max and unit years: enrolments of persons outside the range on the first day are refused."),
        EvaluationUse("criterion", "count", "A count criterion is met by the household's recorded members of the kind, within the bounds."),
        EvaluationUse(
            "criterion", "window",
            "A window criterion is met when the enrolment's month lies within the window of the person's recorded event (a household: a member's)."),
        EvaluationUse("quota", "size", "The quota rule flags a quota with fewer enrolled than places."),
        EvaluationUse("quota", "criteria", "Enrolments into the quota must meet every criterion (its group's requires and excludes too)."),
        EvaluationUse("obligation", "minimum", "The network-obligation rule flags each network and ended year with fewer actions of the counted kinds."),
        EvaluationUse("obligation", "open", "When true, actions of any kind count towards the obligation."),
        EvaluationUse("measure", "type", "How the indicator's value is computed: a count, a share of the subjects, or a change between years or scores."),
        EvaluationUse("measure", "subject", "What is counted, or whose share is taken."),
        EvaluationUse("measure", "outcome", "The outcome a share counts (observed, or scored at success) or a change compares."),
        EvaluationUse("measure", "rate", "A change compares each year's share of the subjects with the outcome, not counts."),
        EvaluationUse("target", "at_least", "The indicator's status: met, on track (a count at the pace to reach it) or not met; a local target replaces it."),
        EvaluationUse("target", "at_most", "The indicator's status, for figures that should stay low."),
        EvaluationUse("target", "direction", "A change is met when it moves this way."),
        EvaluationUse("outcome measurement", "scale", "Recorded scores must lie on it; the outcome is then scored, not observed."),
        EvaluationUse("outcome measurement", "success", "A share counts the subjects whose latest score after entry reaches it."),
        EvaluationUse("outcome measurement", "when", "Recorded measurements must name one of these occasions; a change starts from the entry score."),
        EvaluationUse("fidelity element", "assessed", "The checklist's share of elements in place joins the fidelity score."),
        EvaluationUse("fidelity element", "indicator", "For assessed: records, the element is in place when this indicator meets its target."),
        EvaluationUse("goal", "id", "Reports list each goal with the values and verdicts of the indicators that serve it."),
        EvaluationUse("adaptation bounds", "may_drop", "A dropped component listed here is left out of adherence; a core one not listed is refused."),
        EvaluationUse("adaptation bounds", "caseload", "A caseload adaptation must lie within the role's bound."),
        EvaluationUse("adaptation bounds", "local_targets", "An indicator-target adaptation may set the target of these indicators."),
        EvaluationUse("adaptation bounds", "delivery", "A delivery-form adaptation may use only these forms for the component."),
        EvaluationUse("adaptation bounds", "cadence", "A cadence adaptation may hold the component no rarer than at_least."),
        EvaluationUse(
            "adaptation bounds", "eligibility",
            "A target-group-criteria adaptation may add only these criteria to the group; enrolments from its decided_on are held to them."),
    ]

    /// The tenant file's keys that Kokon computes with.
    public static let tenant: [EvaluationUse] = [
        EvaluationUse("adoption", "period", "Every record must fall inside it; the evaluation and published figures cover it (or a year or quarter of it)."),
        EvaluationUse("local targets", "families", "Reach (families enrolled over this target, for programmes that enrol families) joins the fidelity score."),
        EvaluationUse("local targets", "participants", "Reach, for programmes that enrol persons."),
        EvaluationUse("adoption", "staff", "Lint compares the workers planned with the supervision ratios; the pages offer the roles."),
        EvaluationUse(
            "adoption", "adaptations",
            "Each is checked against the bounds and acted on: a dropped component, a caseload, a minimum, a local target, a target group's own rules (at enrolment)."),
        EvaluationUse("adoption", "baselines", "Shown beside the indicators that compare with them."),
        EvaluationUse("adoption", "fidelity_assessments", "The latest assessment of an element up to the evaluated day decides whether it is in place."),
        EvaluationUse("adoption", "illustrative", "Every report that shows these parts marks them as made up for demonstrations."),
    ]
}
