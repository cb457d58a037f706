import Engine
import Foundation
import KokonTestSupport
import Postgres
import Testing

/// A municipality moved whole to another installation: exported, imported, identical.
@Suite("Tenants: export and import")
struct TenantArchiveTests {
    /// Every table's rows, as one digest per table, read as the superuser.
    static func digests(_ pool: ConnectionPool) async throws -> [String: String] {
        var digests: [String: String] = [:]
        for table in try await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 't_torun' ORDER BY 1").rows.map({ try $0.decode("tablename", as: String.self) }) {
            let name = try Identifier(validating: "t_torun").appending(table)
            digests[table] = try await pool.query("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM \(name) t").scalar(String.self)
        }
        return digests
    }

    @Test func anArchiveRestoresTheMunicipalityExactlyElsewhere() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { source in
            let records = try await source.records("torun")
            for (kind, path) in try TorunFiles.write() { try await records.importFile(kind, path: path) }
            let archive = try await source.directory.export("torun")
            #expect(archive.tables.count > 10 && archive.tables.first { $0.name == "household" }?.rows ?? 0 > 0)
            #expect(archive.tables.first { $0.name == "audit" }?.rows ?? 0 > 0, "the audit log travels too")
            // Through its file and back.
            let read = try TenantArchive.read(try archive.encoded(), from: "torun.kokon-archive.json")
            #expect(read == archive)
            let before = try await Self.digests(source.admin)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let evaluated = try encoder.encode(try await Evaluator(records: records).evaluate(today: CalendarDate(year: 2026, month: 6, day: 30)))

            try await TenancyFixture.with(applying: []) { target in
                let restored = try await target.directory.restore(read)
                #expect(restored.count == archive.tables.count)
                #expect(try await Self.digests(target.admin) == before, "every table holds the same rows")
                let moved = try await target.records("torun")
                #expect(try encoder.encode(try await Evaluator(records: moved).evaluate(today: CalendarDate(year: 2026, month: 6, day: 30))) == evaluated)
                // The restored municipality keeps working: a new record, audited after the old ones.
                try await moved.write(.households, [["code": "H-NEW", "area": "mokre", "size": "2"]])
                let audits = try await moved.transaction { try await $0.query("SELECT count(*) AS n FROM audit").scalar(Int.self) }
                #expect(audits == (archive.tables.first { $0.name == "audit" }?.rows ?? 0) + 1)
                // A second import is refused and changes nothing.
                let after = try await Self.digests(target.admin)
                await #expect(throws: TenantArchiveError.alreadyHere("torun")) { try await target.directory.restore(read) }
                #expect(try await Self.digests(target.admin) == after)
            }

            // A damaged archive and one from another Kokon version write nothing.
            try await TenancyFixture.with(applying: []) { target in
                // Edited as a file would be: one table's row count, or the migrations, changed.
                func edited(_ change: (inout [String: Any]) -> Void) throws -> TenantArchive {
                    var object = try #require(try JSONSerialization.jsonObject(with: try archive.encoded()) as? [String: Any])
                    change(&object)
                    return try TenantArchive.read(try JSONSerialization.data(withJSONObject: object), from: "edited.json")
                }
                let damaged = try edited { object in
                    var tables = object["tables"] as? [[String: Any]] ?? []
                    tables[0]["rows"] = (tables[0]["rows"] as? Int ?? 0) + 1
                    object["tables"] = tables
                }
                await #expect(throws: TenantArchiveError.self) { try await target.directory.restore(damaged) }
                let older = try edited { object in object["migrations"] = (object["migrations"] as? [String] ?? []).dropLast().map { $0 } }
                do {
                    try await target.directory.restore(older)
                    Issue.record("an archive at other migrations was restored")
                } catch {
                    #expect("\(error)".contains("export and import with the same Kokon version"))
                }
                let left = try await target.admin.query(
                    """
                    SELECT (SELECT count(*) FROM kokon.tenants) + (SELECT count(*) FROM pg_namespace WHERE nspname = 't_torun')
                         + (SELECT count(*) FROM pg_roles WHERE rolname LIKE '%\\_t\\_torun' AND rolname LIKE current_database() || '%') AS n
                    """
                ).scalar(Int.self)
                #expect(left == 0, "a refused import leaves no tenant, schema or role")
            }
        }
        // Anything else is refused with what to give instead.
        #expect(throws: TenantArchiveError.notAnArchive("notes.json")) { try TenantArchive.read(Data(#"{"a": 1}"#.utf8), from: "notes.json") }
    }
}
