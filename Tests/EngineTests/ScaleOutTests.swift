import Engine
import KokonTestSupport
import Postgres
import Testing

/// Keeps the path to Citus schema-based sharding open: nothing in a tenant schema refers to
/// an object in another schema (docs/architecture.md, "Scaling out").
@Suite("Scale-out: tenant schemas stand alone")
struct ScaleOutTests {
    /// What in `schema` refers to another schema: dependencies PostgreSQL records (foreign
    /// keys, views, triggers, policies, defaults, types), and schema-qualified names in
    /// function bodies, which it does not record (quoted text, such as setting names, is left out).
    static func outsideReferences(of schema: String, _ pool: ConnectionPool) async throws -> [String] {
        let recorded = try await pool.query(
            """
            SELECT o.identity || ' → ' || r.identity AS reference
            FROM pg_depend d
            CROSS JOIN LATERAL pg_identify_object(d.refclassid, d.refobjid, 0) r
            CROSS JOIN LATERAL pg_identify_object(d.classid, d.objid, d.objsubid) o
            WHERE r.schema IS NOT NULL AND r.schema NOT IN ('pg_catalog', 'information_schema', \(schema))
              AND (o.schema = \(schema) OR o.identity LIKE '% on ' || \(schema) || '.%' OR o.identity LIKE \(schema) || '.%')
            ORDER BY 1
            """
        ).rows.map { try $0.decode("reference", as: String.self) }
        let bodies = try await pool.query(
            """
            SELECT p.proname || ' → ' || n.nspname AS reference
            FROM pg_proc p, pg_namespace n
            WHERE p.pronamespace = \(schema)::regnamespace AND n.nspname NOT IN ('pg_catalog', 'information_schema', \(schema))
              AND regexp_replace(p.prosrc, '''[^'']*''', '', 'g') ~* ('(^|[^a-z0-9_])' || n.nspname || '\\s*\\.')
            ORDER BY 1
            """
        ).rows.map { try $0.decode("reference", as: String.self) }
        return recorded + bodies
    }

    @Test func noTenantSchemaRefersToAnotherSchema() async throws {
        try await TenancyFixture.with(applying: ["torun", "warszawa"]) { fixture in
            for id in ["torun", "warszawa"] {
                let schema = try TenantBoundary(id: id, database: "kokon").schema.parts[0]
                #expect(try await Self.outsideReferences(of: schema, fixture.admin) == [], "\(schema)")
            }
            // The probe sees a view and a function that reach outside, and nothing else.
            try await fixture.admin.query("CREATE VIEW t_torun.planted AS SELECT tenant FROM shared.aggregates")
            try await fixture.admin.query(
                "CREATE FUNCTION t_torun.planted_count() RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM kokon.tenants); END $$")
            let found = try await Self.outsideReferences(of: "t_torun", fixture.admin)
            #expect(found.contains { $0.contains("t_torun.planted") && $0.contains("shared.aggregates") }, "\(found)")
            #expect(found.contains("planted_count → kokon"), "\(found)")
            #expect(try await Self.outsideReferences(of: "t_warszawa", fixture.admin) == [])
        }
    }
}
