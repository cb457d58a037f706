-- A group that meets many times (a self-help group, a parents' workshop group) is known by
-- the code its sessions share, so a programme can count groups, not only their meetings.
ALTER TABLE session ADD COLUMN group_code text CHECK (group_code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$');
CREATE INDEX session_group ON session (adoption, activity, group_code) WHERE group_code IS NOT NULL;
