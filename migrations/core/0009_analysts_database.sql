-- Where publishing also copies the published figures: a database for analysts' own tools
-- (`kokon analysts setup`), holding nothing else. At most one; none until it is set up.
CREATE TABLE kokon.analysts_database (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    name text NOT NULL CHECK (name ~ '^[a-z_][a-z0-9_]{0,55}$'),
    reader text NOT NULL,
    set_at timestamptz NOT NULL DEFAULT now()
);
-- The server publishes as kokon_app and must find it.
GRANT SELECT ON kokon.analysts_database TO kokon_app;
