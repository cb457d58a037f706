-- A coordinator may record that a component is delivered in other forms, or held at another
-- frequency, within what the programme allows (delivery-form and cadence adaptations).
-- Kokon checks both against the programme's bounds before they are written.
ALTER TABLE adaptation DROP CONSTRAINT adaptation_change_check;
ALTER TABLE adaptation ADD CONSTRAINT adaptation_change_check
    CHECK (change IN ('drop-component', 'add-activity', 'caseload', 'minimum-duration', 'indicator-target', 'delivery-form', 'cadence'));
ALTER TABLE adaptation
    ADD COLUMN delivery text[] CHECK (delivery <@ ARRAY['individual', 'group', 'community', 'network']),
    ADD COLUMN cadence_times integer CHECK (cadence_times >= 1),
    ADD COLUMN cadence_per text CHECK (cadence_per IN ('week', 'month', 'year', 'project'));
