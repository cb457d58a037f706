-- A real municipality's publication says which parts of its data are illustrative (made up
-- for demonstrations: targets, staff, adaptations…), so the network report can mark them
-- beside its figures.
ALTER TABLE shared.publications ADD COLUMN illustrative text[] NOT NULL DEFAULT '{}';
