import Postgres
import Templates

/// One rule of a programme, checked against a tenant's records for an adoption.
struct RuleCheck: Sendable {
    /// The rule.
    let rule: Rule
    /// Returns the entities checked and those not complying.
    let check: @Sendable (AdoptionContext, Session) async throws -> (checked: Int, findings: [Finding])

    static let all: [RuleCheck] = [minimumParticipation, networkObligations, caseloads, requiredPlans, quotas]

    /// Each household (or person) takes part at least the minimum time. An enrolment that
    /// ended short of it, or that cannot reach it before the adoption ends, is a finding; one
    /// ending exactly on the last day of the minimum counts as complete.
    static let minimumParticipation = RuleCheck(rule: .minimumParticipation) { context, session in
        guard let minimum = context.minimumMonths else { return (0, []) }
        let rows = try await session.query(
            """
            SELECT coalesce(e.household, e.person) AS code, e.starts_on, e.ends_on,
                   months_between(e.starts_on, least(coalesce(e.ends_on, \(context.adoptionEnd)), \(context.adoptionEnd)) + 1) AS possible,
                   e.ends_on IS NOT NULL AND e.ends_on <= \(context.asOf) AS ended
            FROM enrolment e
            WHERE e.adoption = \(context.id) AND (CASE WHEN \(context.unit) = 'family' THEN e.household IS NOT NULL ELSE e.person IS NOT NULL END)
              AND e.starts_on <= \(context.end) AND (e.ends_on IS NULL OR e.ends_on >= \(context.start))
            ORDER BY 1, 2
            """
        ).rows
        var findings: [Finding] = []
        for row in rows {
            let possible: Int = try row.decode("possible")
            guard possible < minimum else { continue }
            let code: String = try row.decode("code")
            let start: CalendarDate = try row.decode("starts_on")
            let facts: Finding.Facts =
                try row.decode("ended", as: Bool.self)
                ? .participationEnded(start: start, end: try row.decode("ends_on"), months: possible, minimum: minimum)
                : .participationCannotReach(start: start, adoptionEnd: context.adoptionEnd, months: possible, minimum: minimum)
            findings.append(Finding(rule: .minimumParticipation, entity: code, facts: facts, shortfall: minimum - possible))
        }
        return (rows.count, findings)
    }

    /// Each network carries out its obligations (e.g. at least one campaign, debate or local
    /// event per year), counted for every calendar year that has ended.
    static let networkObligations = RuleCheck(rule: .networkObligation) { context, session in
        var checked = 0
        var findings: [Finding] = []
        for network in context.programme.networks ?? [] {
            for obligation in network.obligations ?? [] where obligation.per == "year" || obligation.per == "project" {
                let perYear = obligation.per == "year"
                // An open list names examples: an action of any kind counts.
                let types = obligation.countedTypes
                let rows = try await session.query(
                    """
                    SELECT n.code, y AS year, count(na.code) AS held
                    FROM network n
                    CROSS JOIN LATERAL generate_series(
                        CASE WHEN \(perYear) THEN extract(year FROM greatest(n.formed_on, \(context.start)))::integer ELSE 0 END,
                        CASE WHEN \(perYear) THEN extract(year FROM \(context.asOf))::integer ELSE 0 END) AS y
                    LEFT JOIN network_action na ON na.network = n.code AND (\(types == nil) OR na.action_type = ANY(\(types ?? [])))
                         AND na.held_on BETWEEN \(context.start) AND \(context.asOf)
                         AND (NOT \(perYear) OR extract(year FROM na.held_on)::integer = y)
                    WHERE n.adoption = \(context.id) AND n.network = \(network.id)
                      AND (NOT \(perYear) OR make_date(y, 12, 31) <= \(context.asOf))
                    GROUP BY n.code, y ORDER BY n.code, y
                    """
                ).rows
                for row in rows {
                    checked += 1
                    let held: Int = try row.decode("held")
                    guard held < obligation.minimum else { continue }
                    let code: String = try row.decode("code")
                    let year = perYear ? try row.decode("year", as: Int.self) : nil
                    findings.append(
                        Finding(
                            rule: .networkObligation, entity: code,
                            facts: .networkActions(year: year, held: held, minimum: obligation.minimum, actionTypes: types ?? []),
                            shortfall: obligation.minimum - held))
                }
            }
        }
        return (checked, findings)
    }

    /// No worker supports more households than the caseload limit of their role (after any
    /// adaptation), counted on the day the figures describe.
    static let caseloads = RuleCheck(rule: .caseload) { context, session in
        var checked = 0
        var findings: [Finding] = []
        for role in context.programme.roles ?? [] {
            guard let limit = context.caseloadLimit(role.id) else { continue }
            let rows = try await session.query(
                """
                SELECT st.code, count(a.household) AS cases
                FROM staff st LEFT JOIN assignment a ON a.staff = st.code AND a.starts_on <= \(context.asOf)
                     AND (a.ends_on IS NULL OR a.ends_on >= \(context.asOf))
                WHERE st.adoption = \(context.id) AND st.role = \(role.id)
                GROUP BY st.code ORDER BY st.code
                """
            ).rows
            for row in rows {
                checked += 1
                let cases: Int = try row.decode("cases")
                guard cases > limit else { continue }
                findings.append(
                    Finding(
                        rule: .caseload, entity: try row.decode("code"),
                        facts: .caseload(role: role.id, cases: cases, limit: limit, day: context.asOf), shortfall: cases - limit))
            }
        }
        // Supervisors carry a caseload of workers: one for at most so many of a role.
        for role in context.programme.roles ?? [] {
            guard let ratio = role.supervisedBy else { continue }
            let row = try await session.query(
                """
                SELECT count(*) FILTER (WHERE role = \(role.id)) AS workers, count(*) FILTER (WHERE role = \(ratio.role)) AS supervisors
                FROM staff WHERE adoption = \(context.id)
                """
            ).first!
            let workers: Int = try row.decode("workers")
            guard workers > 0 else { continue }
            checked += 1
            let supervisors: Int = try row.decode("supervisors")
            let needed = ratio.supervisorsNeeded(for: workers)
            guard supervisors < needed else { continue }
            findings.append(
                Finding(
                    rule: .caseload, entity: role.id,
                    facts: .supervision(role: role.id, workers: workers, supervisor: ratio.role, supervisors: supervisors, atMost: ratio.atMost),
                    shortfall: needed - supervisors))
        }
        return (checked, findings)
    }

    /// Everyone a component serves has the plan it requires (e.g. every child in the talent
    /// academy has an individual development plan).
    static let requiredPlans = RuleCheck(rule: .requiredPlan) { context, session in
        var checked = 0
        var findings: [Finding] = []
        for component in context.programme.components ?? [] where !context.dropped.contains(component.id) {
            guard let planID = component.requiresPlan else { continue }
            let forFamily = context.programme.plans?.first { $0.id == planID }?.for == .family
            let groups = component.targetGroups ?? []
            let rows = try await session.query(
                """
                SELECT DISTINCT coalesce(e.household, e.person) AS code, e.target_group,
                       EXISTS (SELECT 1 FROM plan p WHERE p.adoption = e.adoption AND p.plan = \(planID) AND p.drawn_up_on <= \(context.asOf)
                               AND (p.person = e.person OR p.household = e.household)) AS has_plan
                FROM enrolment e
                WHERE e.adoption = \(context.id) AND (CASE WHEN \(forFamily) THEN e.household IS NOT NULL ELSE e.person IS NOT NULL END)
                  AND (cardinality(\(groups)) = 0 OR e.target_group = ANY(\(groups))
                       OR e.target_group IN (SELECT m.id FROM model_element m WHERE m.adoption = e.adoption AND m.kind = 'target-group' AND m.parent = ANY(\(groups))))
                  AND e.starts_on <= \(context.asOf) AND (e.ends_on IS NULL OR e.ends_on >= \(context.start))
                ORDER BY 1
                """
            ).rows
            for row in rows {
                checked += 1
                guard !(try row.decode("has_plan", as: Bool.self)) else { continue }
                let group: String? = try row.decode("target_group")
                findings.append(
                    Finding(
                        rule: .requiredPlan, entity: try row.decode("code"),
                        facts: .missingPlan(component: component.id, targetGroup: group, plan: planID), shortfall: 1))
            }
        }
        return (checked, findings)
    }

    /// Each quota of a target group is filled (e.g. 32 places for unemployed people in profile III).
    static let quotas = RuleCheck(rule: .quota) { context, session in
        var checked = 0
        var findings: [Finding] = []
        for group in context.programme.targetGroups ?? [] {
            for quota in group.quotas ?? [] {
                checked += 1
                let filled = try await session.query(
                    """
                    SELECT count(DISTINCT coalesce(e.household, e.person)) AS n FROM enrolment e
                    WHERE e.adoption = \(context.id) AND e.target_group = \(quota.id) AND e.starts_on <= \(context.asOf)
                    """
                ).scalar(Int.self)
                guard filled < quota.size else { continue }
                findings.append(
                    Finding(
                        rule: .quota, entity: quota.id, facts: .quotaUnfilled(quota: quota.id, filled: filled, size: quota.size),
                        shortfall: quota.size - filled))
            }
        }
        return (checked, findings)
    }
}
