-- An adoption upgraded on a given day (tenant file `upgraded`) keeps the version it ran before,
-- with the days it applied, its programme and the adaptations in force under it. Records from
-- those days are evaluated against that version; from the upgrade day on, against the
-- adoption's current one. Nothing recorded is rewritten: a row here is only ever added.
CREATE TABLE adoption_version (
    adoption text NOT NULL REFERENCES adoption ON DELETE CASCADE,
    model_version text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL CHECK (ends_on >= starts_on),
    programme jsonb NOT NULL,
    adaptations jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (adoption, starts_on)
);

-- The current version's first day and the decisions taken about conflicting adaptations
-- when it was upgraded to; null for an adoption never upgraded.
ALTER TABLE adoption ADD COLUMN upgrade jsonb;
