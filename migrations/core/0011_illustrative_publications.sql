-- A real municipality's publication says which parts of its data are illustrative (made up
-- for demonstrations: targets, staff, adaptations…), so the network report can mark them
-- beside its figures.
ALTER TABLE shared.publications ADD COLUMN illustrative text[] NOT NULL DEFAULT '{}';

-- Publications made before this know it from their municipality's adoption, which has kept
-- the parts since tenant migration 0009; without it they would read as wholly real until the
-- next closing.
DO $$
DECLARE
    published record;
    parts text[];
BEGIN
    FOR published IN SELECT tenant, adoption FROM shared.publications LOOP
        CONTINUE WHEN NOT EXISTS (SELECT 1 FROM information_schema.columns
                                  WHERE table_schema = 't_' || published.tenant AND table_name = 'adoption' AND column_name = 'illustrative');
        EXECUTE format('SELECT illustrative FROM %I.adoption WHERE id = $1', 't_' || published.tenant) INTO parts USING published.adoption;
        UPDATE shared.publications SET illustrative = coalesce(parts, '{}')
        WHERE tenant = published.tenant AND adoption = published.adoption;
    END LOOP;
END
$$;
