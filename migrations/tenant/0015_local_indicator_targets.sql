-- A coordinator may record a local target for an indicator the programme lets a municipality
-- set (an indicator-target adaptation): the indicator, and the target as written ("40",
-- "35%"). Kokon checks it against the programme's bounds before it is written.
ALTER TABLE adaptation DROP CONSTRAINT adaptation_change_check;
ALTER TABLE adaptation ADD CONSTRAINT adaptation_change_check
    CHECK (change IN ('drop-component', 'add-activity', 'caseload', 'minimum-duration', 'indicator-target'));
ALTER TABLE adaptation
    ADD COLUMN indicator text,
    ADD COLUMN target text CHECK (target ~ '^[0-9]{1,9}(\.[0-9]{1,2})?%?$');
