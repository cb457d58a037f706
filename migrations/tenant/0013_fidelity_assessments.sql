-- The coordinator's periodic self-assessments of the programme's essential elements, from the
-- municipality's file; the evaluation reads the latest one up to a day into the fidelity score.
ALTER TABLE adoption ADD COLUMN fidelity_assessments jsonb NOT NULL DEFAULT '[]';
