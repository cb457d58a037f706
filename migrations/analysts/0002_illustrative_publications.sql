-- The analysts' copy keeps the columns of shared.publications: which parts of a
-- municipality's data are illustrative.
ALTER TABLE published.publications ADD COLUMN illustrative text[] NOT NULL DEFAULT '{}';
