import Engine
import Foundation
import KokonTestSupport
import Postgres
import Testing

/// The analysts' database: the published figures and nothing else, copied by publishing,
/// readable (only readable) by its own login, which learns nothing from the main database.
@Suite("The analysts' database")
struct AnalystsDatabaseTests {
    @Test func publishingFillsADatabaseWithNothingButTheFigures() async throws {
        try await TenancyFixture.with(applying: ["torun", "wloclawek"]) { fixture in
            let main = try await fixture.admin.query("SELECT current_database() AS d").scalar(String.self)
            let name = main + "_an"
            let records = try await fixture.records("torun")
            for (kind, path) in try TorunFiles.write() { try await records.importFile(kind, path: path) }
            let publisher = Publisher(records: records, tenant: try fixture.directory.tenant("torun"))
            // Before any analysts' database, publishing copies nowhere.
            #expect(try await publisher.publish().copiedForAnalysts == nil)
            let access = try await AnalystsDatabase.setUp(fixture.admin, name: name)
            let analysts = ConnectionPool(conninfo: try ConnectionString.replacing(fixture.admin.conninfo, with: ["dbname": name]), size: 1)
            let reader = ConnectionPool(conninfo: access.url, size: 1)
            let readerOnMain = ConnectionPool(conninfo: try ConnectionString.replacing(access.url, with: ["dbname": main]), size: 1)
            func rows(_ pool: ConnectionPool, _ table: SQL) async throws -> String {
                try await pool.query(
                    "SELECT md5(coalesce(string_agg(concat_ws(',', tenant, adoption, period, measure, value, suppressed), '|' ORDER BY adoption, period, measure), '')) AS d FROM \(table) WHERE tenant = 'torun'"
                ).scalar(String.self)
            }
            do {
                // Set up, it holds what is published already; a new publish replaces it.
                #expect(try await rows(analysts, "published.aggregates") == (try await rows(fixture.admin, "shared.aggregates")))
                #expect(try await publisher.publish().copiedForAnalysts == true)
                let copied = try await analysts.query("SELECT count(*) AS n FROM published.aggregates WHERE tenant = 'torun'").scalar(Int.self)
                let shared = try await fixture.admin.query("SELECT count(*) AS n FROM shared.aggregates WHERE tenant = 'torun'").scalar(Int.self)
                #expect(copied == shared && copied > 0, "replaced, not added to")
                #expect(try await rows(analysts, "published.aggregates") == (try await rows(fixture.admin, "shared.aggregates")))
                // The reader reads the figures, and nothing else anywhere.
                #expect(try await reader.query("SELECT count(*) AS n FROM published.aggregates").scalar(Int.self) == copied)
                await #expect(throws: PostgresError.self) { try await reader.query("DELETE FROM published.aggregates") }
                let schemas = try await reader.query("SELECT count(*) AS n FROM pg_namespace WHERE nspname LIKE 't\\_%'").scalar(Int.self)
                #expect(schemas == 0, "no municipality's schema exists there")
                do {
                    _ = try await readerOnMain.query("SELECT count(*) AS n FROM shared.aggregates")
                    Issue.record("the analysts' login connected to the main database")
                } catch let error as PostgresError {
                    #expect(error.message.contains("permission denied"), "\(error.message)")
                }
                // The columns are shared's, so nothing is lost on the way.
                func columns(_ pool: ConnectionPool, _ schema: String) async throws -> [String] {
                    try await pool.query(
                        """
                        SELECT table_name || '.' || column_name || ' ' || data_type AS c FROM information_schema.columns
                        WHERE table_schema = \(schema) AND table_name IN ('publications', 'aggregates') ORDER BY 1
                        """
                    ).rows.map { try $0.decode("c", as: String.self) }
                }
                #expect(try await columns(analysts, "published") == (try await columns(fixture.admin, "shared")))
            } catch {
                Issue.record(error)
            }
            await reader.close()
            await readerOnMain.close()
            await analysts.close()
            try await fixture.admin.query("DROP DATABASE \(try Identifier(validating: name)) WITH (FORCE)")
            try await fixture.admin.query("DROP ROLE \(try Identifier(validating: name + "_reader"))")
        }
    }
}
