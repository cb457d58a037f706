-- Figures are published for the whole period, each year and each quarter, and a network
-- report reads one period at a time: without this index it would read every period's rows.
CREATE INDEX aggregates_by_period ON shared.aggregates (period, tenant, adoption);
