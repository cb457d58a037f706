-- Figures are evaluated for the whole period, each year and each quarter: attendance is
-- counted for the sessions held in the period, found by day instead of reading them all.
CREATE INDEX session_adoption_day ON session (adoption, held_on);
