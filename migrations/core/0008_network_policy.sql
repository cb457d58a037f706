-- k, the smallest count a published figure may show, is the network's policy: set once by
-- the administrator, the same for every municipality and every publish, so no two reports
-- can be compared at different thresholds. Three is the least a network may choose.
CREATE TABLE kokon.network_policy (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    k integer NOT NULL CONSTRAINT k_in_range CHECK (k BETWEEN 3 AND 100),
    set_at timestamptz NOT NULL DEFAULT now(),
    set_by text NOT NULL
);
INSERT INTO kokon.network_policy (k, set_by) VALUES (5, 'Kokon (the default)');

-- Tenant roles publish, and cannot read the catalogue: they learn k through this.
CREATE FUNCTION shared.network_k() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog AS $$
    SELECT k FROM kokon.network_policy
$$;
REVOKE ALL ON FUNCTION shared.network_k() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION shared.network_k() TO kokon_tenants, kokon_reporting;

-- Enforced again here for every writer: a publication carries the network's k, no other.
-- Publications made before a change keep the k they were made with until republished.
CREATE FUNCTION shared.publication_uses_network_k() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog AS $$
BEGIN
    IF NEW.k IS DISTINCT FROM shared.network_k() THEN
        RAISE EXCEPTION 'a publication must use the network''s k = %, not %', shared.network_k(), NEW.k
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER publication_uses_network_k BEFORE INSERT OR UPDATE OF k ON shared.publications
    FOR EACH ROW EXECUTE FUNCTION shared.publication_uses_network_k();

-- The same range for publications from now on (older ones may hold a k of 2).
ALTER TABLE shared.publications DROP CONSTRAINT k_in_range;
ALTER TABLE shared.publications ADD CONSTRAINT k_in_range CHECK (k BETWEEN 3 AND 100) NOT VALID;
