-- A real municipality's file may hold parts its sources do not state (targets, staff, past
-- adaptations made up for demonstrations); the adoption keeps which, so every report says so.
ALTER TABLE adoption ADD COLUMN illustrative text[] NOT NULL DEFAULT '{}';
