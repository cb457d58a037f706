-- The adaptation register a coordinator keeps in Kokon: each change the municipality makes
-- to its adopted programme, with the fields of FRAME (the Framework for Reporting Adaptations
-- and Modifications-Expanded). Changes the evaluation acts on (dropping a component, adding
-- an activity, a caseload limit, a longer minimum participation) are checked against the
-- programme's adaptation bounds by Kokon before they are written, with the same check as
-- `kokon lint` applies to a tenant file; the evaluation reads this table beside the tenant
-- file's adaptations. The word lists match Templates' FRAME vocabularies.

CREATE TABLE adaptation (
    code text PRIMARY KEY CHECK (valid_code(code)),
    adoption text NOT NULL REFERENCES adoption,
    change text NOT NULL CHECK (change IN ('drop-component', 'add-activity', 'caseload', 'minimum-duration')),
    component text,
    activity text,
    activity_name text,
    role text,
    max integer CHECK (max >= 1),
    duration text,
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    decided_by text NOT NULL CHECK (length(decided_by) BETWEEN 1 AND 200),
    decided_on date NOT NULL,
    planned boolean NOT NULL,
    phase text NOT NULL CHECK (phase IN ('pre-implementation', 'implementation', 'scale-up', 'sustainment')),
    decider text NOT NULL CHECK (decider IN ('political-leaders', 'programme-leader', 'funder', 'administrator', 'programme-manager', 'developer', 'researcher', 'delivery-team', 'practitioner', 'community-members', 'recipients')),
    modifies text NOT NULL CHECK (modifies IN ('content', 'context', 'training-and-evaluation', 'implementation-activities')),
    level text NOT NULL CHECK (level IN ('individual', 'group', 'practitioner', 'unit', 'organisation', 'community')),
    nature text NOT NULL CHECK (nature IN ('tailoring', 'adding', 'removing', 'shortening', 'lengthening', 'substituting', 'reordering', 'repeating', 'loosening', 'integrating', 'departing')),
    fidelity text NOT NULL CHECK (fidelity IN ('consistent', 'inconsistent', 'unknown')),
    goal text NOT NULL CHECK (goal IN ('reach', 'retention', 'feasibility', 'fit', 'culture', 'effectiveness', 'cost', 'satisfaction')),
    reason_level text NOT NULL CHECK (reason_level IN ('sociopolitical', 'organisation', 'provider', 'recipient')),
    observed_effect text CHECK (length(observed_effect) <= 2000),
    recorded_on date NOT NULL DEFAULT current_date
);

CREATE TRIGGER audit_insert AFTER INSERT ON adaptation REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write('code');
CREATE TRIGGER audit_update AFTER UPDATE ON adaptation REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write('code');
CREATE TRIGGER audit_delete AFTER DELETE ON adaptation REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION audit_write('code');
