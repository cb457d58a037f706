-- A person can only be recorded at a session while enrolled (themselves or through their
-- household) in the adoption the session belongs to, on the session's day.
--
-- Until now only Kokon's import checked this, in the statement that moved checked rows into
-- the table. The table now enforces it for every writer (import, API, forms, and anyone with
-- SQL), once per statement over all the rows it added: a set-based join, not a lookup per row.
-- Kokon's import then stores a file with one plain INSERT and looks at the rows one by one only
-- when a constraint fails, to list every problem with its row number.

CREATE FUNCTION attendance_enrolled() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stray record;
BEGIN
    -- The join is planned on its own, for all the rows (hash joins over a long file): under
    -- a LIMIT the planner bets on finding a stray row early and loops row by row instead.
    WITH strays AS MATERIALIZED (
        SELECT a.session, a.person, se.adoption, se.held_on
        FROM changed a
        JOIN session se ON se.code = a.session
        JOIN person p ON p.code = a.person
        LEFT JOIN enrolment ep ON ep.adoption = se.adoption AND ep.person = a.person
             AND se.held_on >= ep.starts_on AND (ep.ends_on IS NULL OR se.held_on <= ep.ends_on)
        LEFT JOIN enrolment eh ON eh.adoption = se.adoption AND eh.household = p.household
             AND se.held_on >= eh.starts_on AND (eh.ends_on IS NULL OR se.held_on <= eh.ends_on)
        WHERE ep.adoption IS NULL AND eh.adoption IS NULL
    )
    SELECT * INTO stray FROM strays ORDER BY session, person LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            CONSTRAINT = 'attendance_enrolled',
            MESSAGE = format('person %s is not enrolled in %s on %s, the day of session %s',
                             stray.person, stray.adoption, stray.held_on, stray.session),
            HINT = 'enrol the person or their household first, or correct the session or the person';
    END IF;
    RETURN NULL;
END
$$;
-- The tenant's own tables, whoever writes and whatever their search path.
ALTER FUNCTION attendance_enrolled() SET search_path FROM CURRENT;

CREATE TRIGGER attendance_enrolled_insert AFTER INSERT ON attendance
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION attendance_enrolled();
CREATE TRIGGER attendance_enrolled_update AFTER UPDATE ON attendance
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION attendance_enrolled();
