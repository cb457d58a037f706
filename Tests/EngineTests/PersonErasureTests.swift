import Engine
import Foundation
import KokonTestSupport
import Postgres
import Testing

/// The right to erasure: one person's records go, all at once, the audit keeps only what
/// kind of record and which codes, and nothing else of the household is touched.
@Suite("Case records: erasing a person")
struct PersonErasureTests {
    @Test func everyRecordOfThePersonGoesAndOnlyTheirs() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            for (kind, path) in try TorunFiles.write() { try await records.importFile(kind, path: path) }
            func count(_ table: String, _ filter: SQL) async throws -> Int {
                try await records.transaction { try await $0.query("SELECT count(*) AS n FROM \(try Identifier(validating: table)) WHERE \(filter)").scalar(Int.self) }
            }
            let others = try await count("person", "code <> 'P-2'")
            // Counting first removes nothing.
            let counted = try await records.erasePerson("P-2", dryRun: true)
            #expect(!counted.done)
            #expect(counted.removed.map(\.rows) == [1, 0, 2, 1, 1, 0, 1], "\(counted)")
            #expect(try await count("person", "code = 'P-2'") == 1)
            // Erasing removes exactly those rows.
            let erased = try await records.erasePerson("P-2")
            #expect(erased.done && erased.removed.map(\.rows) == counted.removed.map(\.rows))
            #expect(erased.description == "erased person P-2: 1 attendance, 2 goal, 1 plan, 1 enrolment, 1 person")
            for (table, filter) in [("attendance", "person = 'P-2'"), ("plan", "person = 'P-2'"), ("goal", "plan = 'IPR-1'"), ("enrolment", "person = 'P-2'")] as [(String, SQL)] {
                #expect(try await count(table, filter) == 0, "\(table)")
            }
            #expect(try await count("person", "true") == others)
            #expect(try await count("household", "code = 'H-1'") == 1, "the household stays")
            // The audit names the kinds and codes, never a value such as the birth year.
            let audit = try await records.transaction {
                try await $0.query("SELECT kind, rows, keys FROM audit WHERE operation = 'delete' ORDER BY id").rows.map {
                    "\(try $0.decode("kind", as: String.self)) \(try $0.decode("rows", as: Int.self)) \(try $0.decode("keys", as: [String].self).joined(separator: ","))"
                }
            }
            #expect(audit == ["attendance 1 SES-2/P-2", "goal 2 IPR-1/1,IPR-1/2", "plan 1 IPR-1", "enrolment 1 wygrana-rodzina/P-2/2024-09-15", "person 1 P-2"], "\(audit)")
            // A code that names nobody is refused, with what to check.
            await #expect(throws: RecordError.self) { try await records.erasePerson("P-2") }
            do {
                _ = try await records.erasePerson("P-404")
            } catch {
                #expect("\(error)".contains("there is no person 'P-404' in torun"))
            }
        }
    }
}
