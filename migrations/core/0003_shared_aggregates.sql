-- Published aggregates: what a municipality shares with the network, computed inside its own
-- boundary and written here by its own role. Cells counting fewer than k persons or
-- households are stored without their numbers (suppressed), and so is any cell from which a
-- suppressed one could be worked out. Network reports read this schema and nothing else.

-- One row per adoption a municipality has published: the names reports show.
CREATE TABLE shared.publications (
    tenant text NOT NULL,
    tenant_name text NOT NULL,
    example boolean NOT NULL,
    adoption text NOT NULL,
    model_id text NOT NULL,
    model_version text NOT NULL,
    model_name text NOT NULL,
    -- The programmes this one builds on (`extends`), nearest first, so a network report on a
    -- model also finds the cities running versions built on it.
    lineage text[] NOT NULL DEFAULT '{}',
    k integer NOT NULL CHECK (k >= 1),
    as_of date NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, adoption)
);

CREATE TABLE shared.aggregates (
    tenant text NOT NULL,
    adoption text NOT NULL,
    model_version text NOT NULL,
    measure text NOT NULL,
    -- The measure's Polish name as the programme gives it, and for indicators their kind.
    label text NOT NULL,
    kind text,
    period text NOT NULL,
    unit text NOT NULL CHECK (unit IN ('count', 'percent', 'score', 'rate', 'pln')),
    value numeric,
    numerator bigint,
    denominator bigint,
    target text,
    status text,
    suppressed boolean NOT NULL DEFAULT false,
    CHECK (NOT suppressed OR (value IS NULL AND numerator IS NULL AND denominator IS NULL)),
    PRIMARY KEY (tenant, adoption, measure, period)
);

-- Which tenant a role belongs to; SECURITY DEFINER so tenant roles need no rights on kokon.
CREATE FUNCTION shared.tenant_of(role_name name) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog AS $$
    SELECT id FROM kokon.tenants WHERE role_name = $1::text
$$;
REVOKE ALL ON FUNCTION shared.tenant_of(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION shared.tenant_of(name) TO kokon_tenants, kokon_reporting;

-- A tenant's role sees and writes only its own rows.
ALTER TABLE shared.publications ENABLE ROW LEVEL SECURITY;
ALTER TABLE shared.aggregates ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON shared.publications FOR ALL
    USING (tenant = shared.tenant_of(current_user)) WITH CHECK (tenant = shared.tenant_of(current_user));
CREATE POLICY own_rows ON shared.aggregates FOR ALL
    USING (tenant = shared.tenant_of(current_user)) WITH CHECK (tenant = shared.tenant_of(current_user));
CREATE POLICY network_reads ON shared.publications FOR SELECT TO kokon_reporting USING (true);
CREATE POLICY network_reads ON shared.aggregates FOR SELECT TO kokon_reporting USING (true);

GRANT USAGE ON SCHEMA shared TO kokon_reporting, kokon_tenants;
GRANT SELECT, INSERT, DELETE ON shared.publications, shared.aggregates TO kokon_tenants;
GRANT SELECT ON shared.publications, shared.aggregates TO kokon_reporting;
