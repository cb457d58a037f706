-- Municipalities and what they adopted, as applied by `kokon tenant apply`. This is the
-- catalogue's view only: names, codes and programme versions, never case records.

CREATE TABLE kokon.tenants (
    id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{1,40}$'),
    name text NOT NULL,
    teryt text NOT NULL CHECK (teryt ~ '^[0-9]{7}$'),
    voivodeship text NOT NULL,
    example boolean NOT NULL DEFAULT false,
    schema_name text NOT NULL UNIQUE,
    role_name text NOT NULL UNIQUE,
    -- The tenant file as checked, so `plan` can tell what would change.
    definition jsonb NOT NULL,
    checksum text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kokon.adoptions (
    tenant text NOT NULL REFERENCES kokon.tenants ON DELETE CASCADE,
    adoption text NOT NULL,
    model_id text NOT NULL,
    model_version text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL CHECK (ends_on >= starts_on),
    -- The resolved programme at the version adopted, so a later version can be compared.
    programme jsonb NOT NULL,
    adaptations jsonb NOT NULL DEFAULT '[]',
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, adoption)
);

-- Every move of an adoption from one programme version to another.
CREATE TABLE kokon.adoption_changes (
    tenant text NOT NULL REFERENCES kokon.tenants ON DELETE CASCADE,
    adoption text NOT NULL,
    from_version text,
    to_version text NOT NULL,
    differences jsonb NOT NULL DEFAULT '[]',
    changed_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT ON kokon.tenants, kokon.adoptions TO kokon_app;
