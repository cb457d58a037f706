-- What comes in is checked for what Kokon must never hold, and echoed back only in part.

-- A PESEL number: eleven digits whose first six are a date (the month carries the century)
-- and whose last is the checksum of the others with weights 1 3 7 9 1 3 7 9 1 3.
CREATE FUNCTION valid_pesel(digits text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN digits ~ '^[0-9]{11}$' THEN
        substr(digits, 3, 2)::integer % 20 BETWEEN 1 AND 12
        AND substr(digits, 5, 2)::integer BETWEEN 1 AND 31
        AND (10 - (substr(digits, 1, 1)::integer + 3 * substr(digits, 2, 1)::integer + 7 * substr(digits, 3, 1)::integer
                   + 9 * substr(digits, 4, 1)::integer + substr(digits, 5, 1)::integer + 3 * substr(digits, 6, 1)::integer
                   + 7 * substr(digits, 7, 1)::integer + 9 * substr(digits, 8, 1)::integer + substr(digits, 9, 1)::integer
                   + 3 * substr(digits, 10, 1)::integer) % 10) % 10 = substr(digits, 11, 1)::integer
    ELSE false END
$$;

-- Whether a text holds a PESEL number anywhere, written with spaces or dashes between its
-- digits or not, after a prefix or before a suffix.
CREATE FUNCTION pesel_in(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(value ~ '[0-9]{2}', false) AND EXISTS (
        SELECT 1 FROM regexp_matches(regexp_replace(value, '[[:space:]\u00a0\u202f-]', '', 'g'), '(?<![0-9])[0-9]{11}(?![0-9])', 'g') AS m
        WHERE valid_pesel(m[1]))
$$;

-- A pseudonymous code: letters, digits, '.', '_' or '-', at most 40; never a PESEL number,
-- and never what looks like a first and last name (Jan.Kowalski, Anna-Nowak).
CREATE OR REPLACE FUNCTION valid_code(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT value ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$' AND value !~ '^[0-9]{11}$'
       AND value !~ '^[A-Z][a-z]+([._-][A-Z][a-z]+)+$' AND NOT pesel_in(value)
$$;

-- An amount as Polish spreadsheets write it: `12 500,00`, with ordinary, no-break or narrow
-- no-break spaces between thousands.
CREATE OR REPLACE FUNCTION try_amount(value text) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN regexp_replace(replace(value, ',', '.'), '[ \u00a0\u202f]', '', 'g') ~ '^[0-9]{1,12}(\.[0-9]{1,2})?$'
                THEN regexp_replace(replace(value, ',', '.'), '[ \u00a0\u202f]', '', 'g')::numeric END
$$;

-- A value as a rejection quotes it: at most 40 characters, so a huge field is not echoed
-- whole, and what may be personal data is shown only in part.
CREATE FUNCTION shown(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN length(value) > 40 THEN left(value, 40) || '…' ELSE value END
$$;
