-- A municipality may add rules of its own to a target group, among the criteria the
-- programme's bounds let it add (a target-group-criteria adaptation, in its tenant file or its
-- register). An enrolment that starts on or after the day a rule was decided is held to it,
-- like the programme's own, and a refusal says the rule is the municipality's. Kokon checks
-- the rules against the bounds before they are written.
ALTER TABLE adaptation DROP CONSTRAINT adaptation_change_check;
ALTER TABLE adaptation ADD CONSTRAINT adaptation_change_check
    CHECK (change IN ('drop-component', 'add-activity', 'caseload', 'minimum-duration', 'indicator-target', 'delivery-form', 'cadence', 'target-group-criteria'));
ALTER TABLE adaptation
    ADD COLUMN target_group text,
    ADD COLUMN requires text[],
    ADD COLUMN excludes text[];

-- Dated events in a person's life that eligibility windows count from (e.g. leaving
-- out-of-home care), recorded to the month: a window criterion asks that an enrolment start
-- within so many months after (or before) the event. Only the month is kept, never the day,
-- as no rule needs more. An event belongs to its person: a caseworker sees the events of
-- the persons they see, and erasing a person erases them.
CREATE TABLE person_event (
    person text NOT NULL REFERENCES person ON DELETE CASCADE,
    event text NOT NULL,
    month date NOT NULL CHECK (extract(day FROM month) = 1),
    PRIMARY KEY (person, event)
);
CREATE POLICY scope ON person_event USING ((SELECT scope_is_all()) OR person IN (SELECT code FROM person));
ALTER TABLE person_event ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE TRIGGER audit_insert AFTER INSERT ON person_event REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write('person', 'event');
CREATE TRIGGER audit_update AFTER UPDATE ON person_event REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write('person', 'event');
CREATE TRIGGER audit_delete AFTER DELETE ON person_event REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write('person', 'event');

-- The programme's rules and the municipality's, checked as 0012 checked the programme's alone,
-- and a window criterion: met when a recorded event lies so that the enrolment's month is
-- within the window (for a household, a member's event).
DROP FUNCTION eligibility_refusal(jsonb, text, text, text);
CREATE FUNCTION eligibility_refusal(in_adoption text, programme jsonb, target_group text, in_household text, in_person text, on_day date) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    chosen jsonb;
    own jsonb;
    home text;
    held text[];
    rule record;
    criterion jsonb;
    counted integer;
    met boolean;
    who text := CASE WHEN in_person IS NOT NULL THEN 'person ' || in_person ELSE 'household ' || in_household END;
    wanted text;
    whose text;
    span record;
    gap integer;
BEGIN
    SELECT g INTO chosen FROM jsonb_array_elements(coalesce(programme->'targetGroups', '[]'::jsonb)) g
    WHERE g->>'id' = target_group
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(g->'quotas', '[]'::jsonb)) q WHERE q->>'id' = target_group)
    LIMIT 1;
    IF chosen IS NULL THEN
        RETURN NULL;
    END IF;
    -- The municipality's own rules for the group, from its tenant file and its register,
    -- decided on or before the enrolment's first day; a register rule withdrawn at an upgrade
    -- stops applying on the upgrade day.
    SELECT jsonb_agg(jsonb_build_object('requires', r.requires, 'excludes', r.excludes, 'since', r.since) ORDER BY r.since) INTO own
    FROM (
        SELECT coalesce(x->'requires', '[]'::jsonb) AS requires, coalesce(x->'excludes', '[]'::jsonb) AS excludes, (x->>'decidedOn')::date AS since
        FROM adoption a, jsonb_array_elements(a.adaptations) x
        WHERE a.id = in_adoption AND x->>'change' = 'target-group-criteria' AND x->>'targetGroup' = chosen->>'id'
        UNION ALL
        SELECT coalesce(to_jsonb(d.requires), '[]'::jsonb), coalesce(to_jsonb(d.excludes), '[]'::jsonb), d.decided_on
        FROM adaptation d
        WHERE d.adoption = in_adoption AND d.change = 'target-group-criteria' AND d.target_group = chosen->>'id'
          AND NOT EXISTS (SELECT 1 FROM adoption a, jsonb_array_elements(coalesce(a.upgrade->'resolutions', '[]'::jsonb)) res
                          WHERE a.id = in_adoption AND res->>'code' = d.code AND res->>'decision' = 'withdraw' AND on_day >= (a.upgrade->>'on')::date)
    ) r
    WHERE r.since <= on_day;
    IF chosen->'requires' IS NULL AND chosen->'excludes' IS NULL AND own IS NULL THEN
        RETURN NULL;
    END IF;
    home := coalesce(in_household, (SELECT p.household FROM person p WHERE p.code = in_person));
    IF in_person IS NOT NULL THEN
        SELECT p.flags INTO held FROM person p WHERE p.code = in_person;
    ELSE
        SELECT array_agg(DISTINCT f) INTO held FROM person p, unnest(p.flags) f WHERE p.household = in_household;
    END IF;
    held := coalesce(held, '{}');
    FOR rule IN
        SELECT r.id, false AS excluding, r.n, NULL::date AS since FROM jsonb_array_elements_text(coalesce(chosen->'requires', '[]'::jsonb)) WITH ORDINALITY r(id, n)
        UNION ALL
        SELECT r.id, true, 1000 + r.n, NULL FROM jsonb_array_elements_text(coalesce(chosen->'excludes', '[]'::jsonb)) WITH ORDINALITY r(id, n)
        UNION ALL
        SELECT q.id, false, 2000 + 100 * l.n + q.n, (l.rule->>'since')::date
        FROM jsonb_array_elements(coalesce(own, '[]'::jsonb)) WITH ORDINALITY l(rule, n), jsonb_array_elements_text(l.rule->'requires') WITH ORDINALITY q(id, n)
        UNION ALL
        SELECT q.id, true, 50000 + 100 * l.n + q.n, (l.rule->>'since')::date
        FROM jsonb_array_elements(coalesce(own, '[]'::jsonb)) WITH ORDINALITY l(rule, n), jsonb_array_elements_text(l.rule->'excludes') WITH ORDINALITY q(id, n)
        ORDER BY 3
    LOOP
        SELECT c INTO criterion FROM jsonb_array_elements(coalesce(programme->'criteria', '[]'::jsonb)) c WHERE c->>'id' = rule.id;
        whose := CASE WHEN rule.since IS NOT NULL THEN format('. The municipality added this rule to the group on %s.', rule.since) ELSE '' END;
        IF criterion->>'type' = 'count' THEN
            SELECT count(*)::integer INTO counted FROM person m
            WHERE m.household = home
              AND CASE criterion->'count'->>'of' WHEN 'children' THEN m.relation = 'child' WHEN 'adults' THEN m.relation <> 'child' ELSE true END;
            met := counted >= coalesce((criterion->'count'->>'atLeast')::integer, 0)
                   AND counted <= coalesce((criterion->'count'->>'atMost')::integer, counted);
            wanted := concat_ws(' ', 'at least ' || (criterion->'count'->>'atLeast'), 'at most ' || (criterion->'count'->>'atMost'), criterion->'count'->>'of');
            IF NOT rule.excluding AND NOT met THEN
                RETURN format('household %s has %s %s recorded, but ''%s'' (%s), which target group %s requires, asks for %s; record the household''s persons, or enrol in another group%s',
                              home, counted, criterion->'count'->>'of', rule.id, criterion->'name'->>'pl', target_group, wanted, whose);
            ELSIF rule.excluding AND met THEN
                RETURN format('household %s has %s %s recorded, which meets ''%s'' (%s), and target group %s excludes it; enrol in another group%s',
                              home, counted, criterion->'count'->>'of', rule.id, criterion->'name'->>'pl', target_group, whose);
            END IF;
        ELSIF criterion->>'type' = 'window' THEN
            -- Whole months from the event's month to the enrolment's, counted on the window's side.
            SELECT coalesce((w->'atLeast'->>'amount')::integer * CASE w->'atLeast'->>'unit' WHEN 'year' THEN 12 ELSE 1 END, 0) AS low,
                   (w->'atMost'->>'amount')::integer * CASE w->'atMost'->>'unit' WHEN 'year' THEN 12 ELSE 1 END AS high,
                   coalesce(w->>'side', 'after') AS side, w->>'event' AS event, w->'eventName'->>'pl' AS event_name
            INTO span FROM (SELECT criterion->'window' AS w) x;
            SELECT min(abs(g)) FILTER (WHERE g >= span.low AND (span.high IS NULL OR g <= span.high)), count(*)::integer
            INTO gap, counted
            FROM (SELECT CASE span.side WHEN 'before' THEN -1 ELSE 1 END
                         * ((extract(year FROM on_day) * 12 + extract(month FROM on_day)) - (extract(year FROM e.month) * 12 + extract(month FROM e.month)))::integer AS g
                  FROM person_event e
                  WHERE e.event = span.event AND (e.person = in_person OR (in_person IS NULL AND e.person IN (SELECT m.code FROM person m WHERE m.household = home)))) gaps;
            met := gap IS NOT NULL;
            wanted := concat_ws(' ', CASE WHEN criterion->'window'->'atLeast' IS NOT NULL THEN 'at least ' || span.low || ' months' END,
                                'at most ' || span.high || ' months') || ' ' || span.side;
            IF NOT rule.excluding AND NOT met AND counted = 0 THEN
                RETURN format('%s has no ''%s'' (%s) recorded, which ''%s'' (%s), required by target group %s, counts from; record the month of the event (events: person, event, month), or enrol in another group%s',
                              who, span.event, span.event_name, rule.id, criterion->'name'->>'pl', target_group, whose);
            ELSIF NOT rule.excluding AND NOT met THEN
                RETURN format('%s does not meet ''%s'' (%s), which target group %s requires: the enrolment must start %s ''%s'' (%s), and this one starts outside that time; enrol in another group, or correct the month of the event%s',
                              who, rule.id, criterion->'name'->>'pl', target_group, wanted, span.event, span.event_name, whose);
            ELSIF rule.excluding AND met THEN
                RETURN format('%s meets ''%s'' (%s), which target group %s excludes: the enrolment starts %s ''%s'' (%s); enrol in another group, or correct the month of the event%s',
                              who, rule.id, criterion->'name'->>'pl', target_group, wanted, span.event, span.event_name, whose);
            END IF;
        ELSE
            met := rule.id = ANY (held);
            IF NOT rule.excluding AND NOT met THEN
                RETURN format('%s does not meet ''%s'' (%s), which target group %s requires; if %s, add %s to the flags of %s, or enrol in another group%s',
                              who, rule.id, criterion->'name'->>'pl', target_group, CASE WHEN in_person IS NOT NULL THEN 'they do' ELSE 'a member does' END,
                              rule.id, CASE WHEN in_person IS NOT NULL THEN 'the person' ELSE 'that member' END, whose);
            ELSIF rule.excluding AND met THEN
                RETURN format('%s meets ''%s'' (%s), which target group %s excludes; enrol in another group, or correct the flags%s',
                              who, rule.id, criterion->'name'->>'pl', target_group, whose);
            END IF;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
ALTER FUNCTION eligibility_refusal(text, jsonb, text, text, text, date) SET search_path FROM CURRENT;
