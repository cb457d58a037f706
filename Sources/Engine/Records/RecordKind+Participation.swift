import Postgres

extension RecordKind {
    /// Enrolments of a household or person into an adoption.
    public static let enrolments = RecordKind(
        name: "enrolments", table: Identifier("enrolment"),
        summary: "A household or a person taking part in an adoption, in a target group, from a start date until an end date with an exit reason.",
        columns: [
            .required("adoption", "the programme's id, e.g. wygrana-rodzina"),
            .optional("household", "household code (for family programmes)"),
            .optional("person", "person code (for programmes that enrol persons, or a family member in a family programme)"),
            .optional("target_group", "a target group (or quota) of the programme; required when the programme defines target groups"),
            .required("start", "first day, YYYY-MM-DD, inside the adoption period"),
            .optional("end", "last day, if the participation has ended"),
            .optional("exit_reason", "why it ended: " + RecordVocabulary.exitReasons.joined(separator: ", ")),
        ],
        key: ["adoption", "household", "person", "start"],
        joins: """
            LEFT JOIN adoption a ON a.id = s.adoption
            LEFT JOIN household h ON h.code = s.household
            LEFT JOIN person p ON p.code = s.person
            LEFT JOIN LATERAL (SELECT CASE WHEN s.person IS NOT NULL THEN eligible_age(a.programme, s.target_group, p.birth_year, try_date(s.start)) END AS age,
                                      CASE WHEN s.target_group IS NOT NULL THEN eligibility_refusal(s.adoption, a.programme, s.target_group, s.household, s.person, try_date(s.start)) END AS refusal
                              ) eligible ON true
            """,
        // The two eligibility functions run once per row, in the join, and not again to word the reason.
        checks: """
            \(RecordChecks.adoptionExists)
            WHEN (s.household IS NULL) = (s.person IS NULL) THEN 'give either household or person, not both and not neither'
            WHEN s.household IS NOT NULL AND h.code IS NULL THEN format('household ''%s'' is not recorded; import households first', shown(s.household))
            WHEN s.person IS NOT NULL AND p.code IS NULL THEN format('person ''%s'' is not recorded; import persons first', shown(s.person))
            WHEN s.target_group IS NULL AND EXISTS (SELECT 1 FROM model_element m WHERE m.adoption = s.adoption AND m.kind = 'target-group' AND m.active)
                THEN format('target_group is empty; %s enrols into one of: %s', shown(s.adoption), element_ids(s.adoption, 'target-group'))
            WHEN s.target_group IS NOT NULL AND NOT EXISTS (SELECT 1 FROM model_element m WHERE m.adoption = s.adoption AND m.kind = 'target-group' AND m.id = s.target_group AND m.active)
                THEN format('target_group ''%s'' is not defined by %s@%s; target groups: %s', shown(s.target_group), a.model_id, a.model_version, element_ids(s.adoption, 'target-group'))
            \(RecordChecks.date(Identifier("start"), "start"))
            \(RecordChecks.date(Identifier("end"), "end"))
            \(RecordChecks.endNotBeforeStart)
            WHEN eligible.age IS NOT NULL
                THEN format('person %s, born in %s, is %s on %s, but target group %s is for ages %s; enrol them in another group, or correct birth_year',
                            s.person, p.birth_year, eligible.age, s.start, s.target_group,
                            (SELECT concat(g->'age'->>'min', '–', g->'age'->>'max', ' ', g->'age'->>'unit') FROM jsonb_array_elements(a.programme->'targetGroups') g
                             WHERE g->>'id' = s.target_group))
            WHEN eligible.refusal IS NOT NULL THEN eligible.refusal
            WHEN s."end" IS NULL AND s.exit_reason IS NOT NULL THEN 'exit_reason is given but end is empty; give the last day too'
            WHEN s."end" IS NOT NULL AND s.exit_reason IS NULL THEN format('end is %s but exit_reason is empty; say why: %s', s."end", array_to_string(\(RecordVocabulary.exitReasons), ', '))
            \(RecordChecks.choice(Identifier("exit_reason"), "exit_reason", RecordVocabulary.exitReasons, optional: true))
            WHEN EXISTS (SELECT 1 FROM enrolment e WHERE e.adoption = s.adoption AND e.household IS NOT DISTINCT FROM s.household
                         AND e.person IS NOT DISTINCT FROM s.person AND e.starts_on <> try_date(s.start)
                         AND daterange(e.starts_on, e.ends_on, '[]') && daterange(try_date(s.start), try_date(s."end"), '[]'))
                 OR EXISTS (SELECT 1 FROM kokon_staging o WHERE o.row <> s.row AND o.adoption = s.adoption AND o.household IS NOT DISTINCT FROM s.household
                            AND o.person IS NOT DISTINCT FROM s.person AND try_date(o.start) <> try_date(s.start)
                            AND daterange(try_date(o.start), try_date(o."end"), '[]') && daterange(try_date(s.start), try_date(s."end"), '[]'))
                THEN format('%s is already enrolled in %s for part of this time; end that enrolment before this one starts', coalesce(s.household, shown(s.person)), shown(s.adoption))
            WHEN s.person IS NOT NULL AND a.unit = 'family'
                 AND NOT enrolled(s.adoption, p.household, NULL, try_date(s.start))
                 AND NOT EXISTS (SELECT 1 FROM kokon_staging o WHERE o.adoption = s.adoption AND o.household = p.household AND o.person IS NULL
                                 AND try_date(o.start) <= try_date(s.start) AND (o."end" IS NULL OR try_date(o."end") >= try_date(s.start)))
                THEN format('person %s belongs to household %s, which is not enrolled in %s on %s; %s enrols families, so enrol the household first',
                            s.person, p.household, s.adoption, s.start, s.adoption)
            """,
        insert: """
            INSERT INTO enrolment (adoption, household, person, target_group, starts_on, ends_on, exit_reason)
            SELECT s.adoption, s.household, s.person, s.target_group, s.start::date, s."end"::date, s.exit_reason
            FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Assignments of staff to households.
    public static let assignments = RecordKind(
        name: "assignments", table: Identifier("assignment"),
        summary: "A worker assigned to a household (e.g. a family assistant to a family) from a start date.",
        columns: [
            .required("staff", "staff code"),
            .required("household", "household code"),
            .required("start", "first day, YYYY-MM-DD"),
            .optional("end", "last day, if the assignment has ended"),
        ],
        key: ["staff", "household", "start"],
        joins: """
            LEFT JOIN staff st ON st.code = s.staff
            LEFT JOIN adoption a ON a.id = st.adoption
            LEFT JOIN household h ON h.code = s.household
            """,
        checks: """
            WHEN st.code IS NULL THEN format('staff ''%s'' is not recorded; import staff first', shown(s.staff))
            WHEN h.code IS NULL THEN format('household ''%s'' is not recorded; import households first', shown(s.household))
            \(RecordChecks.date(Identifier("start"), "start"))
            \(RecordChecks.date(Identifier("end"), "end"))
            \(RecordChecks.endNotBeforeStart)
            WHEN NOT enrolled(st.adoption, s.household, NULL, NULL)
                THEN format('household %s is not enrolled in %s, the adoption staff %s works in', shown(s.household), st.adoption, shown(s.staff))
            """,
        insert: """
            INSERT INTO assignment (staff, household, starts_on, ends_on)
            SELECT s.staff, s.household, s.start::date, s."end"::date FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Plans (individual development plan, reintegration path, social contract, …).
    public static let plans = RecordKind(
        name: "plans", table: Identifier("plan"),
        summary: "A written plan the programme requires (individual development plan, reintegration path, social contract) for a household or a person.",
        columns: [
            .required("code", "pseudonymous code of the plan, e.g. IPR-0001"),
            .required("adoption", "the programme's id"),
            .required("plan", "a plan the programme defines, e.g. individual-development-plan"),
            .optional("household", "household code, for plans for a family"),
            .optional("person", "person code, for plans for a person or child"),
            .required("drawn_up", "the day the plan was drawn up, YYYY-MM-DD"),
        ],
        key: ["code"],
        joins: """
            LEFT JOIN adoption a ON a.id = s.adoption
            \(RecordChecks.subjectJoins)
            """,
        checks: """
            \(RecordChecks.adoptionExists)
            \(RecordChecks.element(Identifier("plan"), kind: "plan", label: "plan"))
            \(RecordChecks.date(Identifier("drawn_up"), "drawn_up"))
            \(RecordChecks.subject(enrolledOn: Identifier("drawn_up")))
            """,
        insert: """
            INSERT INTO plan (code, adoption, plan, household, person, drawn_up_on)
            SELECT s.code, s.adoption, s.plan, s.household, s.person, s.drawn_up::date FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Goals of plans.
    public static let goals = RecordKind(
        name: "goals", table: Identifier("goal"),
        summary: "A numbered goal of a plan, its domain (e.g. education, work, housing) and whether it has been achieved.",
        columns: [
            .required("plan", "plan code"),
            .required("number", "the goal's number within the plan: 1, 2, 3…"),
            .required("domain", "what the goal is about, in a word or two (e.g. education); no personal details"),
            .required("status", "open, achieved, partly-achieved or abandoned"),
            .optional("due", "when it should be reached, YYYY-MM-DD"),
        ],
        key: ["plan", "number"],
        joins: "LEFT JOIN plan pl ON pl.code = s.plan",
        checks: """
            WHEN pl.code IS NULL THEN format('plan ''%s'' is not recorded; import plans first', shown(s.plan))
            WHEN try_integer(s.number) IS NULL OR try_integer(s.number) < 1 THEN format('number ''%s'' must be a whole number from 1', shown(s.number))
            WHEN length(s.domain) > 60 THEN 'domain is longer than 60 characters; name the area in a word or two, without personal details'
            \(RecordChecks.choice(Identifier("status"), "status", RecordVocabulary.goalStatuses))
            \(RecordChecks.date(Identifier("due"), "due", inPeriod: false))
            """,
        insert: """
            INSERT INTO goal (plan, number, domain, status, due_on)
            SELECT s.plan, s.number::integer, s.domain, s.status, s.due::date FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )
}
