-- A target group's `requires` and `excludes` are rules of enrolment. A flag criterion is met
-- by a person who has it among their flags (for a household: by any of its members); a count
-- criterion by a household whose recorded members of a kind number within its bounds. An
-- enrolment into a quota is held to its group's rules. Returns why an enrolment is refused,
-- naming the first criterion that fails, or NULL.
--
-- Written step by step in PL/pgSQL: its plans are kept for the session, and a group without
-- rules (most of them) returns at once. The same as one SQL query with CTEs took a second to
-- plan on every call.
CREATE FUNCTION eligibility_refusal(programme jsonb, target_group text, in_household text, in_person text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    chosen jsonb;
    home text;
    held text[];
    rule record;
    criterion jsonb;
    counted integer;
    met boolean;
    who text := CASE WHEN in_person IS NOT NULL THEN 'person ' || in_person ELSE 'household ' || in_household END;
    wanted text;
BEGIN
    SELECT g INTO chosen FROM jsonb_array_elements(coalesce(programme->'targetGroups', '[]'::jsonb)) g
    WHERE g->>'id' = target_group
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(g->'quotas', '[]'::jsonb)) q WHERE q->>'id' = target_group)
    LIMIT 1;
    IF chosen IS NULL OR (chosen->'requires' IS NULL AND chosen->'excludes' IS NULL) THEN
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
        SELECT r.id, false AS excluding, r.n FROM jsonb_array_elements_text(coalesce(chosen->'requires', '[]'::jsonb)) WITH ORDINALITY r(id, n)
        UNION ALL
        SELECT r.id, true, 1000 + r.n FROM jsonb_array_elements_text(coalesce(chosen->'excludes', '[]'::jsonb)) WITH ORDINALITY r(id, n)
        ORDER BY 3
    LOOP
        SELECT c INTO criterion FROM jsonb_array_elements(coalesce(programme->'criteria', '[]'::jsonb)) c WHERE c->>'id' = rule.id;
        IF criterion->>'type' = 'count' THEN
            SELECT count(*)::integer INTO counted FROM person m
            WHERE m.household = home
              AND CASE criterion->'count'->>'of' WHEN 'children' THEN m.relation = 'child' WHEN 'adults' THEN m.relation <> 'child' ELSE true END;
            met := counted >= coalesce((criterion->'count'->>'atLeast')::integer, 0)
                   AND counted <= coalesce((criterion->'count'->>'atMost')::integer, counted);
            wanted := concat_ws(' ', 'at least ' || (criterion->'count'->>'atLeast'), 'at most ' || (criterion->'count'->>'atMost'), criterion->'count'->>'of');
            IF NOT rule.excluding AND NOT met THEN
                RETURN format('household %s has %s %s recorded, but ''%s'' (%s), which target group %s requires, asks for %s; record the household''s persons, or enrol in another group',
                              home, counted, criterion->'count'->>'of', rule.id, criterion->'name'->>'pl', target_group, wanted);
            ELSIF rule.excluding AND met THEN
                RETURN format('household %s has %s %s recorded, which meets ''%s'' (%s), and target group %s excludes it; enrol in another group',
                              home, counted, criterion->'count'->>'of', rule.id, criterion->'name'->>'pl', target_group);
            END IF;
        ELSE
            met := rule.id = ANY (held);
            IF NOT rule.excluding AND NOT met THEN
                RETURN format('%s does not meet ''%s'' (%s), which target group %s requires; if %s, add %s to the flags of %s, or enrol in another group',
                              who, rule.id, criterion->'name'->>'pl', target_group, CASE WHEN in_person IS NOT NULL THEN 'they do' ELSE 'a member does' END,
                              rule.id, CASE WHEN in_person IS NOT NULL THEN 'the person' ELSE 'that member' END);
            ELSIF rule.excluding AND met THEN
                RETURN format('%s meets ''%s'' (%s), which target group %s excludes; enrol in another group, or correct the flags',
                              who, rule.id, criterion->'name'->>'pl', target_group);
            END IF;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
ALTER FUNCTION eligibility_refusal(jsonb, text, text, text) SET search_path FROM CURRENT;
