-- Upgrades are dated: the first day the new version applies, for the history of changes, and
-- for network reports, which say when a published period spans a move between versions.
ALTER TABLE kokon.adoption_changes ADD COLUMN effective_on date;
ALTER TABLE shared.publications ADD COLUMN previous_version text, ADD COLUMN upgraded_on date;
