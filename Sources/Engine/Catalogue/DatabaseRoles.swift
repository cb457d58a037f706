public import Postgres

/// The database roles Kokon relies on; see docs/architecture.md, "Roles".
public enum DatabaseRoles {
    /// Owns the catalogue (`kokon`) and shared reporting (`shared`) schemas and runs migrations. NOLOGIN.
    public static let owner = Identifier("kokon_owner")
    /// Reads published aggregates in schema `shared` for network reports, and nothing else. NOLOGIN;
    /// the application takes it on with `SET LOCAL ROLE`.
    public static let reporting = Identifier("kokon_reporting")
    /// Every tenant role is a member: it carries the right to publish to `shared` (row-level
    /// security keeps each tenant to its own rows), granted once rather than per tenant.
    public static let tenants = Identifier("kokon_tenants")
    /// The application's login role. NOINHERIT and granted nothing on tenant schemas, so it
    /// reaches tenant data only after `SET LOCAL ROLE` to the tenant's role.
    public static let application = Identifier("kokon_app")

    /// Creates the roles if they are missing and lets the owner create schemas in this database.
    ///
    /// Roles are shared by every database of a server, so two databases being set up at once
    /// may race to create them; a duplicate is taken as success. Needs a user that may create
    /// roles (the local cluster's superuser, or an administrator's account).
    public static func ensure(on session: Session) async throws {
        try await session.query(
            """
            DO $roles$
            BEGIN
                BEGIN
                    CREATE ROLE kokon_owner NOLOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                BEGIN
                    CREATE ROLE kokon_app LOGIN NOINHERIT;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                BEGIN
                    CREATE ROLE kokon_reporting NOLOGIN NOINHERIT;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                BEGIN
                    CREATE ROLE kokon_tenants NOLOGIN;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                GRANT kokon_reporting TO kokon_app;
                -- The migrating user must be able to SET ROLE kokon_owner; superusers already can.
                IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                    EXECUTE format('GRANT kokon_owner TO %I', current_user);
                END IF;
                EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO kokon_owner', current_database());
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO kokon_app', current_database());
            END
            $roles$
            """)
    }
}
