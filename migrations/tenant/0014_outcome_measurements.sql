-- An outcome the programme measures with an instrument is recorded with the occasion it was
-- measured at (entry, exit, follow-up) and, on a scale, its score. The evaluation counts a
-- success from the latest score after entry, and a change from the entry score to it.
ALTER TABLE outcome
    ADD COLUMN occasion text CHECK (occasion IN ('entry', 'exit', 'follow-up')),
    ADD COLUMN score numeric(8, 2);

-- A score as a spreadsheet writes it: `32`, `3,5` or `3.5`, at most two decimals.
CREATE FUNCTION try_score(value text) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN replace(value, ',', '.') ~ '^[0-9]{1,6}(\.[0-9]{1,2})?$' THEN replace(value, ',', '.')::numeric END
$$;

-- Why an outcome's occasion and score do not fit how the programme measures it, or NULL. A
-- simply observed outcome takes neither; a measured one names its occasion; a scored one its
-- score, on the scale. Each reason starts with the column at fault, which forms mark.
-- PL/pgSQL for the same reason as eligibility_refusal: plans are kept.
CREATE FUNCTION measurement_refusal(programme jsonb, in_outcome text, in_occasion text, in_score text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    m jsonb;
    named text;
    occasions text;
    score numeric;
BEGIN
    SELECT o->'measurement', o->'name'->>'pl' INTO m, named FROM jsonb_array_elements(coalesce(programme->'outcomes', '[]'::jsonb)) o WHERE o->>'id' = in_outcome;
    IF m IS NULL OR jsonb_typeof(m) <> 'object' THEN
        IF in_score IS NOT NULL OR in_occasion IS NOT NULL THEN
            RETURN format('%s ''%s'' does not apply: outcome ''%s'' (%s) is observed on a day, not measured with an instrument; leave occasion and score empty',
                          CASE WHEN in_score IS NOT NULL THEN 'score' ELSE 'occasion' END, shown(coalesce(in_score, in_occasion)), in_outcome, named);
        END IF;
        RETURN NULL;
    END IF;
    SELECT string_agg(w, ', ') INTO occasions FROM jsonb_array_elements_text(coalesce(m->'when', '[]'::jsonb)) w;
    IF in_occasion IS NULL THEN
        RETURN format('occasion is empty; outcome ''%s'' (%s) is measured with %s at: %s; say at which', in_outcome, named, m->'instrument'->>'pl', occasions);
    END IF;
    IF NOT coalesce(m->'when', '[]'::jsonb) ? in_occasion THEN
        RETURN format('occasion ''%s'' is not when outcome ''%s'' (%s) is measured; occasions: %s', in_occasion, in_outcome, named, occasions);
    END IF;
    IF m->'scale' IS NULL OR jsonb_typeof(m->'scale') <> 'object' THEN
        IF in_score IS NOT NULL THEN
            RETURN format('score ''%s'' does not apply: outcome ''%s'' (%s) is a yes/no observation with no scale; leave score empty', shown(in_score), in_outcome, named);
        END IF;
        RETURN NULL;
    END IF;
    IF in_score IS NULL THEN
        RETURN format('score is empty; outcome ''%s'' (%s) is scored with %s from %s to %s; give the score', in_outcome, named, m->'instrument'->>'pl', m->'scale'->>'min', m->'scale'->>'max');
    END IF;
    score := try_score(in_score);
    IF score IS NULL THEN
        RETURN format('score ''%s'' must be a number like 32 or 3,5', shown(in_score));
    END IF;
    IF score < (m->'scale'->>'min')::numeric OR score > (m->'scale'->>'max')::numeric THEN
        RETURN format('score %s of outcome ''%s'' (%s) is off its scale, %s to %s; check the score', in_score, in_outcome, named, m->'scale'->>'min', m->'scale'->>'max');
    END IF;
    RETURN NULL;
END
$$;
ALTER FUNCTION measurement_refusal(jsonb, text, text, text) SET search_path FROM CURRENT;
