-- The people who use Kokon through its server, what each may do, and how they prove who they
-- are. Only the application's login role reads these tables; no tenant role can.
-- Nothing here is a family's data: accounts belong to staff, analysts and administrators.

CREATE TABLE kokon.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    -- bcrypt, cost 12 or more; the password itself is never stored or logged.
    password_hash text NOT NULL CHECK (password_hash ~ '^\$2[aby]\$(1[2-9]|2[0-9]|3[01])\$'),
    disabled boolean NOT NULL DEFAULT false,
    -- The shared secret of the second factor (TOTP), once it is confirmed.
    totp_secret text,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz
);
-- E-mail addresses are unique whatever their case.
CREATE UNIQUE INDEX accounts_email ON kokon.accounts (lower(email));

-- An account may hold several roles: a coordinator in Toruń and an analyst in the network.
-- Coordinators and caseworkers act in one municipality; a caseworker is also one of its staff
-- (their code there decides which households they see).
CREATE TABLE kokon.account_roles (
    account bigint NOT NULL REFERENCES kokon.accounts ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('network-administrator', 'methodologist', 'coordinator', 'caseworker', 'analyst')),
    tenant text REFERENCES kokon.tenants ON DELETE CASCADE,
    staff text,
    granted_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((role IN ('coordinator', 'caseworker')) = (tenant IS NOT NULL)),
    CHECK ((role = 'caseworker') = (staff IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (account, role, tenant)
);

-- Browser sessions. The cookie holds a random id; only its SHA-256 (hex) is stored, so a copy of
-- this table signs nobody in.
CREATE TABLE kokon.browser_sessions (
    id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
    account bigint NOT NULL REFERENCES kokon.accounts ON DELETE CASCADE,
    -- Every state-changing form carries this token.
    csrf_token text NOT NULL,
    -- The password was right, the second factor's code is still to come.
    awaiting_second_factor boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX browser_sessions_account ON kokon.browser_sessions (account);

-- Tokens for integrations; shown once, stored as SHA-256.
CREATE TABLE kokon.api_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account bigint NOT NULL REFERENCES kokon.accounts ON DELETE CASCADE,
    tenant text REFERENCES kokon.tenants ON DELETE CASCADE,
    scope text NOT NULL CHECK (scope IN ('read', 'write')),
    token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);

-- Every use of a token, with when and on which route (never what was sent).
CREATE TABLE kokon.token_uses (
    token bigint NOT NULL REFERENCES kokon.api_tokens ON DELETE CASCADE,
    at timestamptz NOT NULL DEFAULT now(),
    method text NOT NULL,
    route text NOT NULL
);
CREATE INDEX token_uses_token ON kokon.token_uses (token, at);

-- Failed sign-ins, by account (its lower-case e-mail, known or not) and by address: enough
-- of them in a while slow sign-in down and then lock it.
CREATE TABLE kokon.sign_in_failures (
    subject text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_subject ON kokon.sign_in_failures (subject, at);

-- Answers to POST requests sent with an Idempotency-Key, so a retry gets the first answer
-- instead of recording a visit twice.
CREATE TABLE kokon.idempotent_requests (
    account bigint NOT NULL REFERENCES kokon.accounts ON DELETE CASCADE,
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash text NOT NULL,
    status integer NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account, key)
);

-- Reads of a household's records by anyone but a caseworker, who reads their own families
-- all day: who, which municipality, which household, when. Keys only, never values.
CREATE TABLE kokon.read_audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    account bigint NOT NULL,
    tenant text NOT NULL,
    kind text NOT NULL,
    key text NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON kokon.accounts, kokon.account_roles, kokon.browser_sessions, kokon.api_tokens,
    kokon.sign_in_failures, kokon.idempotent_requests TO kokon_app;
GRANT SELECT, INSERT ON kokon.token_uses, kokon.read_audit TO kokon_app;
