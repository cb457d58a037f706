-- A municipality's case records. This file runs once per tenant, as the tenant's own role,
-- with search_path set to its schema t_<id>; it names no schema, so one file serves all.
-- Codes are pseudonymous: no names, addresses or PESEL numbers are ever stored.

-- What the municipality adopted, copied from the programme version at `tenant apply`, so
-- records can be checked against it inside the tenant's own boundary.
CREATE TABLE adoption (
    id text PRIMARY KEY,
    model_id text NOT NULL,
    model_version text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL CHECK (ends_on >= starts_on),
    unit text NOT NULL CHECK (unit IN ('family', 'person')),
    minimum_months integer,
    targets jsonb NOT NULL DEFAULT '{}',
    programme jsonb NOT NULL,
    -- The municipality's recorded adaptations, shown beside fidelity scores.
    adaptations jsonb NOT NULL DEFAULT '[]'
);

-- The programme's components, activities, roles, target groups, plans, outcomes, networks,
-- budget lines and eligibility criteria. Items a newer version removes stay, inactive, so
-- earlier records keep their meaning.
CREATE TABLE model_element (
    adoption text NOT NULL REFERENCES adoption ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('component', 'activity', 'role', 'target-group', 'plan', 'outcome',
                                       'network', 'budget-line', 'criterion')),
    id text NOT NULL,
    parent text,
    name text NOT NULL,
    core boolean NOT NULL DEFAULT false,
    added_locally boolean NOT NULL DEFAULT false,
    active boolean NOT NULL DEFAULT true,
    PRIMARY KEY (adoption, kind, id)
);

CREATE TABLE area (
    id text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE organisation (
    id text PRIMARY KEY,
    name text NOT NULL,
    sector text NOT NULL
);

CREATE TABLE household (
    code text PRIMARY KEY,
    area text NOT NULL REFERENCES area,
    size integer NOT NULL CHECK (size BETWEEN 1 AND 30)
);

CREATE TABLE person (
    code text PRIMARY KEY,
    household text NOT NULL REFERENCES household,
    birth_year integer NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
    relation text NOT NULL,
    labour_status text,
    disability text NOT NULL DEFAULT 'none',
    flags text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX person_household ON person (household);

CREATE TABLE staff (
    code text PRIMARY KEY,
    adoption text NOT NULL REFERENCES adoption,
    role text NOT NULL,
    organisation text REFERENCES organisation
);

CREATE TABLE enrolment (
    adoption text NOT NULL REFERENCES adoption,
    household text REFERENCES household,
    person text REFERENCES person,
    target_group text,
    starts_on date NOT NULL,
    ends_on date CHECK (ends_on >= starts_on),
    exit_reason text,
    CHECK ((household IS NULL) <> (person IS NULL)),
    UNIQUE NULLS NOT DISTINCT (adoption, household, person, starts_on)
);
CREATE INDEX enrolment_person ON enrolment (person) WHERE person IS NOT NULL;
CREATE INDEX enrolment_household ON enrolment (household) WHERE household IS NOT NULL;

CREATE TABLE assignment (
    staff text NOT NULL REFERENCES staff,
    household text NOT NULL REFERENCES household,
    starts_on date NOT NULL,
    ends_on date CHECK (ends_on >= starts_on),
    PRIMARY KEY (staff, household, starts_on)
);

CREATE TABLE plan (
    code text PRIMARY KEY,
    adoption text NOT NULL REFERENCES adoption,
    plan text NOT NULL,
    household text REFERENCES household,
    person text REFERENCES person,
    drawn_up_on date NOT NULL,
    CHECK ((household IS NULL) <> (person IS NULL))
);

CREATE TABLE goal (
    plan text NOT NULL REFERENCES plan,
    number integer NOT NULL CHECK (number >= 1),
    domain text NOT NULL,
    status text NOT NULL,
    due_on date,
    PRIMARY KEY (plan, number)
);

CREATE TABLE session (
    code text PRIMARY KEY,
    adoption text NOT NULL REFERENCES adoption,
    component text NOT NULL,
    activity text,
    held_on date NOT NULL,
    minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    staff text REFERENCES staff
);

CREATE TABLE attendance (
    session text NOT NULL REFERENCES session,
    person text NOT NULL REFERENCES person,
    status text NOT NULL CHECK (status IN ('present', 'excused', 'unexcused')),
    PRIMARY KEY (session, person)
);

CREATE TABLE network (
    code text PRIMARY KEY,
    adoption text NOT NULL REFERENCES adoption,
    network text NOT NULL,
    area text REFERENCES area,
    formed_on date NOT NULL
);

CREATE TABLE network_member (
    network text NOT NULL REFERENCES network,
    member text NOT NULL,
    sector text NOT NULL,
    joined_on date NOT NULL,
    PRIMARY KEY (network, member)
);

CREATE TABLE network_action (
    code text PRIMARY KEY,
    network text NOT NULL REFERENCES network,
    action_type text NOT NULL,
    held_on date NOT NULL,
    participants integer CHECK (participants >= 0)
);

CREATE TABLE outcome (
    adoption text NOT NULL REFERENCES adoption,
    outcome text NOT NULL,
    household text REFERENCES household,
    person text REFERENCES person,
    observed_on date NOT NULL,
    CHECK ((household IS NULL) <> (person IS NULL)),
    UNIQUE NULLS NOT DISTINCT (adoption, outcome, household, person, observed_on)
);

CREATE TABLE expenditure (
    code text PRIMARY KEY,
    adoption text NOT NULL REFERENCES adoption,
    budget_line text NOT NULL,
    spent_on date NOT NULL,
    amount numeric(14, 2) NOT NULL CHECK (amount >= 0)
);

-- Who wrote what and when. Only the kind of record, the operation, how many rows and (for
-- small writes) their pseudonymous keys: never the values themselves.
CREATE TABLE audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor text NOT NULL,
    kind text NOT NULL,
    operation text NOT NULL,
    rows bigint NOT NULL,
    keys text[]
);

CREATE FUNCTION audit_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted bigint;
    written_keys text[];
BEGIN
    SELECT count(*) INTO counted FROM changed;
    IF counted = 0 THEN
        RETURN NULL;
    END IF;
    IF counted <= 100 THEN
        SELECT array_agg(k ORDER BY k) INTO written_keys
        FROM (SELECT array_to_string(ARRAY(SELECT to_jsonb(c) ->> a FROM unnest(TG_ARGV) AS a), '/') AS k FROM changed c) s;
    END IF;
    INSERT INTO audit (actor, kind, operation, rows, keys)
    VALUES (coalesce(nullif(current_setting('kokon.actor', true), ''), session_user), TG_TABLE_NAME, lower(TG_OP), counted, written_keys);
    RETURN NULL;
END
$$;
-- Resolve `audit` in this schema whoever calls.
ALTER FUNCTION audit_write() SET search_path FROM CURRENT;

DO $$
DECLARE
    t record;
    arguments text;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('household', ARRAY['code']), ('person', ARRAY['code']), ('staff', ARRAY['code']),
        ('enrolment', ARRAY['adoption', 'household', 'person', 'starts_on']),
        ('assignment', ARRAY['staff', 'household', 'starts_on']), ('plan', ARRAY['code']),
        ('goal', ARRAY['plan', 'number']), ('session', ARRAY['code']), ('attendance', ARRAY['session', 'person']),
        ('network', ARRAY['code']), ('network_member', ARRAY['network', 'member']), ('network_action', ARRAY['code']),
        ('outcome', ARRAY['adoption', 'outcome', 'household', 'person', 'observed_on']), ('expenditure', ARRAY['code'])
    ) AS v(name, keys) LOOP
        SELECT string_agg(quote_literal(k), ', ') INTO arguments FROM unnest(t.keys) AS k;
        EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write(%s)', t.name, arguments);
        EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write(%s)', t.name, arguments);
        EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write(%s)', t.name, arguments);
    END LOOP;
END
$$;

-- Helpers for checking imported text before it is cast: each returns NULL instead of failing,
-- so one bad cell becomes a clear reject reason rather than an aborted import.
CREATE FUNCTION try_date(value text) RETURNS date LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        RETURN NULL;
    END IF;
    RETURN value::date;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;

CREATE FUNCTION try_integer(value text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value ~ '^-?[0-9]{1,9}$' THEN value::integer END
$$;

-- Amounts as spreadsheets write them: "1 234,56" or "1234.56".
CREATE FUNCTION try_amount(value text) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN replace(replace(value, ' ', ''), ',', '.') ~ '^[0-9]{1,12}(\.[0-9]{1,2})?$'
                THEN replace(replace(value, ' ', ''), ',', '.')::numeric END
$$;

-- A pseudonymous code: letters, digits, '.', '_' or '-', at most 40; never a PESEL number.
CREATE FUNCTION valid_code(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT value ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$' AND value !~ '^[0-9]{11}$'
$$;

-- Whether a household or person takes part in an adoption on a day (any day when NULL): a
-- person counts as enrolled through their own enrolment or their household's, a household
-- through its own or any member's.
CREATE FUNCTION enrolled(in_adoption text, in_household text, in_person text, day date) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM enrolment e
        WHERE e.adoption = in_adoption
          AND (day IS NULL OR (day >= e.starts_on AND (e.ends_on IS NULL OR day <= e.ends_on)))
          AND (e.person = in_person
               OR e.household = coalesce(in_household, (SELECT p.household FROM person p WHERE p.code = in_person))
               OR (in_person IS NULL AND e.person IN (SELECT p.code FROM person p WHERE p.household = in_household)))
    )
$$;
ALTER FUNCTION enrolled(text, text, text, date) SET search_path FROM CURRENT;

-- The ids of a kind of model element, for "must be one of" messages.
CREATE FUNCTION element_ids(in_adoption text, in_kind text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(id, ', ' ORDER BY id), '(none)') FROM model_element
    WHERE adoption = in_adoption AND kind = in_kind AND active
$$;
ALTER FUNCTION element_ids(text, text) SET search_path FROM CURRENT;

-- Whole months from one day up to (not including) another: 2024-01-01 to 2025-07-01 is 18.
CREATE FUNCTION months_between(from_day date, until_day date) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT (extract(year FROM age(until_day, from_day)) * 12 + extract(month FROM age(until_day, from_day)))::integer
$$;
