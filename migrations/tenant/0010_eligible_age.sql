-- A target group's age range is a rule of enrolment. Only the birth year is recorded, so on a
-- given day a person is one of two ages; the enrolment is refused only when neither lies in
-- the range. Returns the possible ages ("23 or 24") when it is refused, NULL when it is not
-- (or when the group states no range, or counts months, which a birth year cannot settle).
CREATE FUNCTION eligible_age(programme jsonb, target_group text, birth_year integer, start date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN extract(year FROM start)::integer - birth_year < (g->'age'->>'min')::integer
                  OR extract(year FROM start)::integer - birth_year - 1 > (g->'age'->>'max')::integer
                THEN greatest(extract(year FROM start)::integer - birth_year - 1, 0) || ' or ' || (extract(year FROM start)::integer - birth_year)
           END
    FROM jsonb_array_elements(coalesce(programme->'targetGroups', '[]'::jsonb)) g
    WHERE g->>'id' = target_group AND g->'age' IS NOT NULL AND coalesce(g->'age'->>'unit', 'years') = 'years'
      AND birth_year IS NOT NULL AND start IS NOT NULL
$$;
