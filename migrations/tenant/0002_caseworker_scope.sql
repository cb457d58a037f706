-- A caseworker reads and changes only the households assigned to them and the ones they
-- registered. The server decides that first; these row-level-security policies hold it a
-- second time, so a mistake in a handler cannot show another caseworker's families.
--
-- Every tenant transaction states its scope with transaction-local settings:
--   kokon.scope = 'all'    coordinators, imports, evaluation and the command line
--   kokon.scope = 'staff'  a caseworker, whose staff code is kokon.staff
-- With no scope set, no row is visible: a forgotten switch fails closed.
-- The settings are read in scalar subqueries, so each is evaluated once per statement.

-- Who registered a household (a staff code), for the caseworker who did.
ALTER TABLE household ADD COLUMN registered_by text DEFAULT nullif(current_setting('kokon.staff', true), '');

CREATE FUNCTION scope_is_all() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('kokon.scope', true), '') = 'all'
$$;

CREATE FUNCTION scope_staff() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN current_setting('kokon.scope', true) = 'staff' THEN nullif(current_setting('kokon.staff', true), '') END
$$;

CREATE POLICY scope ON household USING (
    (SELECT scope_is_all())
    OR registered_by = (SELECT scope_staff())
    OR code IN (SELECT a.household FROM assignment a
                WHERE a.staff = (SELECT scope_staff()) AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date))
);
CREATE POLICY scope ON person USING ((SELECT scope_is_all()) OR household IN (SELECT code FROM household));
CREATE POLICY scope ON enrolment USING (
    (SELECT scope_is_all()) OR household IN (SELECT code FROM household) OR person IN (SELECT code FROM person)
);
CREATE POLICY scope ON plan USING (
    (SELECT scope_is_all()) OR household IN (SELECT code FROM household) OR person IN (SELECT code FROM person)
);
CREATE POLICY scope ON goal USING ((SELECT scope_is_all()) OR plan IN (SELECT code FROM plan));
CREATE POLICY scope ON attendance USING ((SELECT scope_is_all()) OR person IN (SELECT code FROM person));
CREATE POLICY scope ON outcome USING (
    (SELECT scope_is_all()) OR household IN (SELECT code FROM household) OR person IN (SELECT code FROM person)
);
-- A caseworker sees their own assignments only.
CREATE POLICY scope ON assignment USING ((SELECT scope_is_all()) OR staff = (SELECT scope_staff()));

-- The tenant role owns these tables, and owners bypass row-level security unless forced.
ALTER TABLE household ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE person ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE enrolment ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE plan ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE goal ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE attendance ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE outcome ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE assignment ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
