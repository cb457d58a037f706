import Postgres

extension RecordKind {
    /// Households: pseudonymous code, area, size.
    public static let households = RecordKind(
        name: "households", table: Identifier("household"),
        summary: "A household (family) under a pseudonymous code, in one of the tenant's areas.",
        columns: [
            .required("code", "pseudonymous code, e.g. H-0001; never a name or PESEL"),
            .required("area", "id of one of the tenant's areas"),
            .required("size", "number of people living in the household (1-30)"),
        ],
        key: ["code"],
        joins: "LEFT JOIN area ar ON ar.id = s.area",
        checks: """
            WHEN ar.id IS NULL THEN format('area ''%s'' is not one of this municipality''s areas (%s); add it to the tenant file or correct the id',
                                           shown(s.area), (SELECT string_agg(id, ', ' ORDER BY id) FROM area))
            WHEN try_integer(s.size) IS NULL OR try_integer(s.size) NOT BETWEEN 1 AND 30 THEN format('size ''%s'' must be a whole number from 1 to 30', shown(s.size))
            """,
        insert: """
            INSERT INTO household (code, area, size)
            SELECT s.code, s.area, s.size::integer FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Persons: pseudonymous code, household, birth year, relation, labour-market status, disability, eligibility flags.
    public static let persons = RecordKind(
        name: "persons", table: Identifier("person"),
        summary: "A member of a household: birth year (never a full date of birth), relation, labour-market status, disability and the eligibility criteria they meet.",
        columns: [
            .required("code", "pseudonymous code, e.g. P-0001"),
            .required("household", "code of the household"),
            .required("birth_year", "year of birth, e.g. 2012"),
            .required("relation", "relation to the head of the household: " + RecordVocabulary.relations.joined(separator: ", ")),
            .optional("labour_status", "labour-market status: " + RecordVocabulary.labourStatuses.joined(separator: ", ")),
            .optional("disability", "none (default), mild, moderate or severe"),
            .optional("flags", "eligibility criteria the person meets, ids from the adopted programmes separated by |"),
        ],
        key: ["code"],
        joins: "LEFT JOIN household h ON h.code = s.household",
        checks: """
            WHEN h.code IS NULL THEN format('household ''%s'' is not recorded; import households first', shown(s.household))
            WHEN try_integer(s.birth_year) IS NULL OR try_integer(s.birth_year) NOT BETWEEN 1900 AND extract(year FROM current_date)::integer
                THEN format('birth_year ''%s'' must be a year between 1900 and this year', shown(s.birth_year))
            WHEN NOT s.relation = ANY(\(RecordVocabulary.relations)) THEN format('relation ''%s'' must be one of: %s', shown(s.relation), array_to_string(\(RecordVocabulary.relations), ', '))
            WHEN s.labour_status IS NOT NULL AND NOT s.labour_status = ANY(\(RecordVocabulary.labourStatuses))
                THEN format('labour_status ''%s'' must be one of: %s', shown(s.labour_status), array_to_string(\(RecordVocabulary.labourStatuses), ', '))
            WHEN s.disability IS NOT NULL AND NOT s.disability = ANY(\(RecordVocabulary.disabilities))
                THEN format('disability ''%s'' must be one of: %s', shown(s.disability), array_to_string(\(RecordVocabulary.disabilities), ', '))
            WHEN s.flags IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(string_to_array(s.flags, '|')) f
                                                 WHERE f NOT IN (SELECT id FROM model_element WHERE kind = 'criterion' AND active))
                THEN format('flags ''%s'' name a criterion no adopted programme defines; known criteria: %s', shown(s.flags),
                            coalesce((SELECT string_agg(DISTINCT id, ', ') FROM model_element WHERE kind = 'criterion' AND active), '(none)'))
            """,
        insert: """
            INSERT INTO person (code, household, birth_year, relation, labour_status, disability, flags)
            SELECT s.code, s.household, s.birth_year::integer, s.relation, s.labour_status, coalesce(s.disability, 'none'),
                   coalesce(string_to_array(s.flags, '|'), '{}')
            FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Events in a person's life that eligibility windows count from, to the month.
    public static let events = RecordKind(
        name: "events", table: Identifier("person_event"),
        summary: "An event in a person's life that an eligibility window counts from (e.g. leaving out-of-home care), recorded to the month, never the day.",
        columns: [
            .required("person", "person code"),
            .required("event", "an event a criterion of an adopted programme counts from, e.g. left-care"),
            .required("month", "the month it happened (or, for an expected event, is expected), YYYY-MM; only the month is kept"),
        ],
        key: ["person", "event"],
        joins: "LEFT JOIN person p ON p.code = s.person",
        checks: """
            WHEN p.code IS NULL THEN format('person ''%s'' is not recorded; import persons first', shown(s.person))
            WHEN NOT EXISTS (SELECT 1 FROM adoption a, jsonb_array_elements(coalesce(a.programme->'criteria', '[]'::jsonb)) c WHERE c->'window'->>'event' = s.event)
                THEN format('event ''%s'' is not one any adopted programme''s criteria count from; events: %s', shown(s.event),
                            coalesce((SELECT string_agg(DISTINCT c->'window'->>'event', ', ') FROM adoption a, jsonb_array_elements(coalesce(a.programme->'criteria', '[]'::jsonb)) c
                                      WHERE c->'window' IS NOT NULL), '(none)'))
            WHEN try_date(s.month || '-01') IS NULL OR s.month !~ '^[0-9]{4}-[0-9]{2}$'
                THEN format('month ''%s'' must be a month written YYYY-MM, e.g. 2024-05; only the month is kept, never the day', shown(s.month))
            WHEN try_date(s.month || '-01') > current_date + interval '1 year'
                THEN format('month %s is more than a year ahead; record an event once it has happened, or one expected (e.g. a birth) at most a year ahead', s.month)
            """,
        insert: """
            INSERT INTO person_event (person, event, month)
            SELECT s.person, s.event, (s.month || '-01')::date FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Staff: pseudonymous code, adoption, role from the adopted programme, organisation.
    public static let staff = RecordKind(
        name: "staff", table: Identifier("staff"),
        summary: "A worker under a pseudonymous code, in a role the adopted programme defines.",
        columns: [
            .required("code", "pseudonymous code, e.g. S-01"),
            .required("adoption", "the programme's id, e.g. wygrana-rodzina"),
            .required("role", "a role of that programme, e.g. family-assistant"),
            .optional("organisation", "id of one of the tenant's partners; empty for the municipality itself"),
        ],
        key: ["code"],
        joins: """
            LEFT JOIN adoption a ON a.id = s.adoption
            LEFT JOIN model_element r ON r.adoption = s.adoption AND r.kind = 'role' AND r.id = s.role AND r.active
            LEFT JOIN organisation o ON o.id = s.organisation
            """,
        checks: """
            WHEN a.id IS NULL THEN format('adoption ''%s'' is not adopted here; adoptions: %s', shown(s.adoption), (SELECT string_agg(id, ', ' ORDER BY id) FROM adoption))
            WHEN r.id IS NULL THEN format('role ''%s'' is not a role of %s; roles: %s', shown(s.role), shown(s.adoption), element_ids(s.adoption, 'role'))
            WHEN s.organisation IS NOT NULL AND o.id IS NULL THEN format('organisation ''%s'' is not one of the partners (%s)', shown(s.organisation),
                                                                         coalesce((SELECT string_agg(id, ', ' ORDER BY id) FROM organisation), 'none'))
            """,
        insert: """
            INSERT INTO staff (code, adoption, role, organisation)
            SELECT s.code, s.adoption, s.role, s.organisation FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )
}
