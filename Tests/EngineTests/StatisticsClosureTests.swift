import Engine
import Foundation
import KokonTestSupport
import Postgres
import Testing

/// PostgreSQL lets every role read every table's row estimate, size and counters; with those
/// one municipality (or the reporting role) could count another's households. Kokon closes
/// them: each probe below is refused, while table names stay readable.
@Suite("Statistics reveal no municipality's sizes")
struct StatisticsClosureTests {
    @Test func aTenantRoleAndTheReportingRoleLearnNoOtherTenantsSizes() async throws {
        try await TenancyFixture.with(applying: ["torun", "warszawa"]) { fixture in
            let database = try await fixture.admin.query("SELECT current_database()").scalar(String.self)
            let table = try TenantBoundary(id: "warszawa", database: database).schema.appending("household")
            try await fixture.admin.query("INSERT INTO \(table) (code, area, size) VALUES ('H-1', 'nowa-praga', 3), ('H-2', 'nowa-praga', 4)")
            try await fixture.admin.query("ANALYZE \(table)")
            let oid = try await fixture.admin.query("SELECT \(table.description)::regclass::oid::bigint AS oid").scalar(Int.self)
            // The superuser still sees them: the probes ask for something real.
            #expect(try await fixture.admin.query("SELECT reltuples::integer AS n FROM pg_class WHERE oid = \(oid)::oid").scalar(Int.self) == 2)
            let probes: [SQL] = [
                "SELECT reltuples FROM pg_class WHERE oid = \(oid)::oid",
                "SELECT relpages FROM pg_class WHERE oid = \(oid)::oid",
                "SELECT * FROM pg_class WHERE oid = \(oid)::oid",
                "SELECT n_live_tup FROM pg_stat_user_tables",
                "SELECT n_live_tup FROM pg_stat_all_tables",
                "SELECT heap_blks_read FROM pg_statio_all_tables",
                "SELECT pg_stat_get_live_tuples(\(oid)::oid)",
                "SELECT pg_stat_get_tuples_inserted(\(oid)::oid)",
                "SELECT pg_relation_size(\(oid)::oid::regclass)",
                "SELECT pg_total_relation_size(\(oid)::oid::regclass)",
                "SELECT pg_table_size(\(oid)::oid::regclass)",
            ]
            let torun = try await fixture.records("torun")
            for probe in probes {
                await #expect(throws: PostgresError.self, "a tenant role ran \(probe.rendered.text)") {
                    try await torun.transaction { try await $0.query(probe) }
                }
                await #expect(throws: PostgresError.self, "the reporting role ran \(probe.rendered.text)") {
                    try await fixture.app.withSession { session in
                        try await session.transaction(as: DatabaseRoles.reporting, searchPath: [Identifier("shared")]) { try await $0.query(probe) }
                    }
                }
            }
            // Names and shapes stay readable, so nothing that only needs them breaks.
            let name = try await torun.transaction { try await $0.query("SELECT relname FROM pg_class WHERE oid = \(oid)::oid").scalar(String.self) }
            #expect(name == "household")
        }
    }
}
