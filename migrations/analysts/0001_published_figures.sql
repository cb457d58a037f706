-- The analysts' database holds nothing but what the network may see: the published figures,
-- copied here by every publish, with the columns of shared.publications and shared.aggregates
-- (a test keeps them the same). No municipality's records, roles or schemas exist here, so
-- nothing its catalogue tells (row estimates, sizes, statistics) is about them.
CREATE TABLE published.publications (
    tenant text NOT NULL,
    tenant_name text NOT NULL,
    example boolean NOT NULL,
    adoption text NOT NULL,
    model_id text NOT NULL,
    model_version text NOT NULL,
    model_name text NOT NULL,
    lineage text[] NOT NULL,
    k integer NOT NULL,
    as_of date NOT NULL,
    published_at timestamptz NOT NULL,
    model_version_order integer[],
    previous_version text,
    upgraded_on date,
    PRIMARY KEY (tenant, adoption)
);

CREATE TABLE published.aggregates (
    tenant text NOT NULL,
    adoption text NOT NULL,
    model_version text NOT NULL,
    measure text NOT NULL,
    label text NOT NULL,
    kind text,
    period text NOT NULL,
    unit text NOT NULL,
    value numeric,
    numerator bigint,
    denominator bigint,
    target text,
    status text,
    suppressed boolean NOT NULL,
    PRIMARY KEY (tenant, adoption, period, measure),
    -- A hidden figure carries no number here either.
    CHECK (NOT suppressed OR (value IS NULL AND numerator IS NULL AND denominator IS NULL))
);
