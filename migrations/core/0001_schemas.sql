-- The catalogue schema `kokon` (created by the migrator, owned by kokon_owner) holds templates,
-- tenants and adoptions; `shared` holds published, suppressed aggregates for network reports.
-- Tenant microdata never lives here: each municipality has its own schema (migrations/tenant/).

COMMENT ON SCHEMA kokon IS 'Kokon catalogue: programme templates, tenants, adoptions, migrations, audit.';

CREATE SCHEMA shared AUTHORIZATION kokon_owner;
COMMENT ON SCHEMA shared IS 'Published aggregates only (small cells suppressed); read by network reports.';

-- Nobody reaches these schemas by default; access is granted table by table.
REVOKE ALL ON SCHEMA kokon FROM PUBLIC;
REVOKE ALL ON SCHEMA shared FROM PUBLIC;
GRANT USAGE ON SCHEMA kokon TO kokon_app;
