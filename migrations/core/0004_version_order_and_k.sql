-- Programme versions are MAJOR.MINOR.PATCH. Compared as text, 1.10.0 would come before
-- 1.9.0, so every table that holds a version also holds its numeric parts, and queries that
-- want "the newest version" order by those.
ALTER TABLE kokon.adoptions
    ADD CONSTRAINT model_version_is_semantic CHECK (model_version ~ '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'),
    ADD COLUMN model_version_order integer[] GENERATED ALWAYS AS (string_to_array(model_version, '.')::integer[]) STORED;
ALTER TABLE shared.publications
    ADD CONSTRAINT model_version_is_semantic CHECK (model_version ~ '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'),
    ADD COLUMN model_version_order integer[] GENERATED ALWAYS AS (string_to_array(model_version, '.')::integer[]) STORED;

-- The smallest count a published figure may show: the same range as `Suppression.kRange`
-- in Engine, which a test compares with this constraint.
ALTER TABLE shared.publications DROP CONSTRAINT publications_k_check;
ALTER TABLE shared.publications ADD CONSTRAINT k_in_range CHECK (k BETWEEN 2 AND 100);
