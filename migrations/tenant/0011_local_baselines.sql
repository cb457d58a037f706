-- A municipality states its own starting figures; the programme's are its origin city's and
-- are shown beside them for reference only.
ALTER TABLE adoption ADD COLUMN baselines jsonb NOT NULL DEFAULT '[]';
