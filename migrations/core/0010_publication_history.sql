-- Every publication a municipality has made, figure by figure: what it showed and what it hid,
-- as of which closing. Whoever kept an earlier report can set it beside today's, so today's
-- suppression is decided against all of them, and `kokon publish --audit` checks them together.
-- A figure's value is kept only where it was shown; the figures themselves stay in
-- shared.aggregates, which holds the latest publication.
CREATE TABLE shared.publication_history (
    tenant text NOT NULL,
    adoption text NOT NULL,
    as_of date NOT NULL,
    period text NOT NULL,
    measure text NOT NULL,
    suppressed boolean NOT NULL,
    value numeric,
    published_at timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT suppressed OR value IS NULL),
    PRIMARY KEY (tenant, adoption, as_of, period, measure)
);

ALTER TABLE shared.publication_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON shared.publication_history FOR ALL
    USING (tenant = shared.tenant_of(current_user)) WITH CHECK (tenant = shared.tenant_of(current_user));
CREATE POLICY network_reads ON shared.publication_history FOR SELECT TO kokon_reporting USING (true);
GRANT SELECT, INSERT, UPDATE ON shared.publication_history TO kokon_tenants;
GRANT SELECT ON shared.publication_history TO kokon_reporting;

-- What is published today was published before this table existed: it is the first entry.
INSERT INTO shared.publication_history (tenant, adoption, as_of, period, measure, suppressed, value, published_at)
SELECT a.tenant, a.adoption, p.as_of, a.period, a.measure, a.suppressed, a.value, p.published_at
FROM shared.aggregates a JOIN shared.publications p USING (tenant, adoption);
