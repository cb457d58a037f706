import Foundation
public import Postgres

/// A database for analysts' own tools (a spreadsheet, Power BI, Metabase) that holds nothing
/// but the published figures, with a read-only login for them.
///
/// Analysts with SQL access to the main database could learn from its catalogue what no
/// report shows (row estimates, table sizes). Here there is nothing of a municipality to
/// learn: no schema, role or record of one exists, only `published.publications` and
/// `published.aggregates`, the same rows as `shared`, copied by every publish.
public struct AnalystsDatabase: Sendable {
    /// The database's name, in the same cluster as the main one.
    public let name: String
    /// The read-only login role.
    public let reader: String

    /// What `setUp` made: the database, and how analysts connect to it.
    public struct Access: Sendable {
        /// The database.
        public let database: AnalystsDatabase
        /// A connection URL for the reader, with its password (shown once, stored nowhere).
        public let url: String
        /// How many published figures it holds.
        public let figures: Int
    }

    /// The name `setUp` takes unless told otherwise: the main database's, then `_analysts`.
    public static func defaultName(_ main: ConnectionPool) async throws -> String {
        String((try await main.query("SELECT current_database() AS name").scalar(String.self) + "_analysts").prefix(56))
    }

    /// The analysts' database publishing copies to, if one is set up.
    public static func configured(_ main: ConnectionPool) async throws -> AnalystsDatabase? {
        let present = try await main.query("SELECT to_regclass('kokon.analysts_database') IS NOT NULL AS present").scalar(Bool.self)
        guard present, let row = try await main.query("SELECT name, reader FROM kokon.analysts_database").first else { return nil }
        return AnalystsDatabase(name: try row.decode("name"), reader: try row.decode("reader"))
    }

    /// Creates the database (if missing) in the main one's cluster, its tables, and the
    /// reader `<name>_reader` with a new password; records it so every publish copies there;
    /// and copies everything published so far. Running it again gives the reader a new
    /// password and copies everything again.
    public static func setUp(_ main: ConnectionPool, name: String) async throws -> Access {
        let database = try Identifier(validating: name)
        let reader = try Identifier(validating: name + "_reader")
        let password = Self.password()
        let exists = try await main.query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = \(name)) AS found").scalar(Bool.self)
        if !exists { try await main.query("CREATE DATABASE \(database)") }
        let analysts = ConnectionPool(conninfo: try ConnectionString.replacing(main.conninfo, with: ["dbname": name]), size: 1)
        do {
            try await analysts.withSession { session in
                try await session.transaction { session in
                    try await session.query("SET LOCAL client_min_messages TO warning")
                    try await session.query("CREATE SCHEMA IF NOT EXISTS published")
                    try await session.query("REVOKE ALL ON SCHEMA public FROM PUBLIC")
                }
                try await Migrator(
                    migrations: try Catalogue.analystsMigrations(), historyTable: Identifier("published", "schema_migrations"), scope: "analysts",
                    role: nil, lockKey: Catalogue.migrationLockKey
                ).migrate(on: session)
                try await session.transaction { session in
                    let known = try await session.query("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(reader.parts[0])) AS found").scalar(Bool.self)
                    if !known { try await session.query("CREATE ROLE \(reader) LOGIN NOINHERIT") }
                    // A password can only be given inside the statement; a function quotes it.
                    try await session.query(
                        """
                        CREATE FUNCTION pg_temp.kokon_set_password(role_name text, secret text) RETURNS void LANGUAGE plpgsql AS
                        $$ BEGIN EXECUTE format('ALTER ROLE %I PASSWORD %L', role_name, secret); END $$
                        """)
                    try await session.query("SELECT pg_temp.kokon_set_password(\(reader.parts[0]), \(password))")
                    try await session.query("DROP FUNCTION pg_temp.kokon_set_password(text, text)")
                    try await session.query("REVOKE ALL ON DATABASE \(database) FROM PUBLIC")
                    try await session.query("GRANT CONNECT ON DATABASE \(database) TO \(reader), \(DatabaseRoles.application)")
                    try await session.query("GRANT USAGE ON SCHEMA published TO \(reader), \(DatabaseRoles.application)")
                    try await session.query("GRANT SELECT ON published.publications, published.aggregates TO \(reader)")
                    try await session.query("GRANT SELECT, INSERT, DELETE ON published.publications, published.aggregates TO \(DatabaseRoles.application)")
                }
            }
            await analysts.close()
        } catch {
            await analysts.close()
            throw error
        }
        try await main.query(
            """
            INSERT INTO kokon.analysts_database (name, reader) VALUES (\(name), \(reader.parts[0]))
            ON CONFLICT (only_row) DO UPDATE SET name = EXCLUDED.name, reader = EXCLUDED.reader, set_at = now()
            """)
        let made = AnalystsDatabase(name: name, reader: reader.parts[0])
        let figures = try await made.copyAll(from: main)
        let url = try ConnectionString.replacing(main.conninfo, with: ["dbname": name, "user": reader.parts[0], "password": password])
        return Access(database: made, url: url, figures: figures)
    }

    /// Replaces everything in the analysts' database with what is published now; returns how
    /// many figures that is.
    @discardableResult
    public func copyAll(from main: ConnectionPool) async throws -> Int {
        let (publications, aggregates, count) = try await main.transaction { session in
            (
                try await session.query("SELECT coalesce(json_agg(p), '[]')::text AS rows FROM shared.publications p").scalar(String.self),
                try await session.query("SELECT coalesce(json_agg(a), '[]')::text AS rows FROM shared.aggregates a").scalar(String.self),
                try await session.query("SELECT count(*) AS n FROM shared.aggregates").scalar(Int.self)
            )
        }
        try await write(tenant: nil, publications: publications, aggregates: aggregates, connectingAs: main.conninfo)
        return count
    }

    /// Replaces one municipality's figures with those it has just published, read as the
    /// municipality (which may read its own published rows).
    public func copy(_ records: CaseRecords) async throws {
        let tenant = records.tenant.id
        let (publications, aggregates) = try await records.transaction { session in
            (
                try await session.query("SELECT coalesce(json_agg(p), '[]')::text AS rows FROM shared.publications p WHERE tenant = \(tenant)").scalar(String.self),
                try await session.query("SELECT coalesce(json_agg(a), '[]')::text AS rows FROM shared.aggregates a WHERE tenant = \(tenant)").scalar(String.self)
            )
        }
        try await write(tenant: tenant, publications: publications, aggregates: aggregates, connectingAs: records.pool.conninfo)
    }

    /// One transaction in the analysts' database: the old rows (of one municipality, or all)
    /// out, the new ones in.
    func write(tenant: String?, publications: String, aggregates: String, connectingAs conninfo: String) async throws {
        let pool = ConnectionPool(conninfo: try ConnectionString.replacing(conninfo, with: ["dbname": name]), size: 1)
        do {
            try await pool.transaction { session in
                try await session.query("DELETE FROM published.aggregates WHERE \(tenant)::text IS NULL OR tenant = \(tenant)")
                try await session.query("DELETE FROM published.publications WHERE \(tenant)::text IS NULL OR tenant = \(tenant)")
                try await session.query(
                    "INSERT INTO published.publications SELECT * FROM json_populate_recordset(NULL::published.publications, \(publications)::json)")
                try await session.query(
                    "INSERT INTO published.aggregates SELECT * FROM json_populate_recordset(NULL::published.aggregates, \(aggregates)::json)")
            }
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
    }

    /// 32 random characters from letters and digits (no look-alikes), which a connection URL
    /// needs no escaping for.
    static func password() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
