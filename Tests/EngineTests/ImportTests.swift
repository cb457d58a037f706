import Engine
import Foundation
import KokonTestSupport
import Postgres
import Synchronization
import Templates
import Testing

/// A small, complete set of Toruń's records, one CSV file per kind, as shipped in
/// examples/records/torun/ for coordinators to copy; in import order.
enum TorunFiles {
    static let folder = TenancyFixture.root.appending(path: "examples/records/torun")

    static var files: [(String, String)] {
        RecordKind.all.map { kind in (kind.name, (try? String(contentsOf: folder.appending(path: "\(kind.name).csv"), encoding: .utf8)) ?? "") }
    }

    /// Writes the files to a fresh folder and returns (kind, path) pairs.
    static func write(_ files: [(String, String)] = TorunFiles.files) throws -> [(RecordKind, String)] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "kokon-import-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try files.map { name, text in
            let path = folder.appending(path: "\(name).csv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return (try #require(RecordKind.named(name)), path)
        }
    }
}

@Suite("Case records: import")
struct ImportTests {
    @Test func everyKindImportsAndReimportingChangesNothing() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            let files = try TorunFiles.write()
            #expect(Set(files.map(\.0.name)) == Set(RecordKind.all.map(\.name)), "every kind has a file")
            for (kind, path) in files {
                let report = try await records.importFile(kind, path: path)
                #expect(report.rejectCount == 0)
                // Toruń's programmes count from no event, so its events file has only the header.
                #expect(report.inserted == report.rows && (report.rows > 0 || kind.name == RecordKind.events.name), "\(kind.name): \(report.summary)")
            }
            for (kind, path) in files {
                let again = try await records.importFile(kind, path: path)
                #expect(again.inserted == 0 && again.unchanged == again.rows, "\(kind.name): \(again.summary)")
            }
            #expect(try await records.count(.attendance) == 3)
            let audit = try await records.audit(limit: 100)
            #expect(audit.contains { $0.kind == "person" && $0.operation == "insert" && $0.rows == 3 && $0.keys == ["P-1", "P-2", "P-3"] && $0.actor == "test" })
            #expect(!audit.contains { ($0.keys ?? []).contains("1985") }, "the audit log holds keys, never values")
        }
    }

    /// A file that is partly recorded already stores its new rows and leaves the others: the
    /// plain insert fails on the first recorded row and the import falls back to skipping them.
    @Test func aPartlyRecordedFileStoresOnlyItsNewRows() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            let first = try TorunFiles.write([("households", "code,area,size\nH-1,mokre,3\nH-2,mokre,4\n")])[0].1
            #expect(try await records.importFile(.households, path: first).inserted == 2)
            let second = try TorunFiles.write([("households", "code,area,size\nH-2,mokre,4\nH-3,mokre,2\nH-4,mokre,5\n")])[0].1
            let report = try await records.importFile(.households, path: second)
            #expect(report.inserted == 2 && report.unchanged == 1 && report.rows == 3, "\(report.summary)")
            #expect(try await records.count(.households) == 4)
        }
    }

    /// A row whose key is stored with other values is neither "already recorded" nor written:
    /// it is refused with both versions, nothing of the file is stored, and `update` lets it
    /// replace the stored record. The API's writes take the same path.
    @Test func aChangedRowIsShownBothWaysAndReplacedOnlyOnRequest() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            let first = try TorunFiles.write([("households", "code,area,size\nH-1,mokre,3\nH-2,mokre,4\n")])[0].1
            #expect(try await records.importFile(.households, path: first).inserted == 2)
            let changed = "code,area,size\nH-2,mokre,4\nH-1,podgorz,3\nH-3,mokre,2\n"
            let report = try #require(try await Self.rejection(records, .households, changed))
            #expect(report.rejectCount == 1 && report.changed == 1 && report.rejects.first?.row == 3, "\(report.rejectionText)")
            let reason = report.rejects.first?.reason ?? ""
            #expect(reason.contains("code 'H-1' is already stored with other values: stored area 'mokre'; in this file area 'podgorz'"), "\(reason)")
            #expect(report.rejectionText.contains("import it again with --update"))
            #expect(try await records.count(.households) == 2, "a refused file writes nothing, not even its new row")

            let path = try TorunFiles.write([("households", changed)])[0].1
            let trial = try await records.importFile(.households, path: path, dryRun: true, update: true)
            #expect(trial.inserted == 1 && trial.updated == 1 && trial.unchanged == 1, "\(trial.summary)")
            #expect(try await records.count(.households) == 2)
            let applied = try await records.importFile(.households, path: path, update: true)
            #expect(applied.summary.hasSuffix("3 households rows read, 1 added, 1 updated, 1 already recorded"), "\(applied.summary)")
            #expect(try await records.find(.households, code: "H-1").text.contains(#""area": "podgorz""#))
            // Sent again, the file is all recorded: nothing differs any more.
            #expect(try await records.importFile(.households, path: path).unchanged == 3)

            // A key with an empty part (a family's enrolment names no person) is matched too.
            for (kind, path) in try TorunFiles.write(TorunFiles.files.filter { ["persons", "staff", "enrolments"].contains($0.0) }) {
                try await records.importFile(kind, path: path)
            }
            let enrolments = TorunFiles.files.first { $0.0 == "enrolments" }!.1
            let ended = enrolments.replacingOccurrences(of: "wygrana-rodzina,H-1,,families,2024-09-01,,", with: "wygrana-rodzina,H-1,,families,2024-09-01,2025-01-31,dropped-out")
            #expect(ended != enrolments)
            let refusedEnrolment = try #require(try await Self.rejection(records, .enrolments, ended))
            #expect(refusedEnrolment.rejects.first?.row == 2, "\(refusedEnrolment.rejectionText)")
            #expect(
                refusedEnrolment.rejects.first?.reason.contains(
                    "person (none), starts_on '2024-09-01' is already stored with other values: stored ends_on (none), exit_reason (none); in this file ends_on '2025-01-31', exit_reason 'dropped-out'"
                ) == true, "\(refusedEnrolment.rejectionText)")

            // Through the API (or a form) the same row is refused the same way.
            do {
                try await records.write(.households, [["code": "H-2", "area": "stare-miasto", "size": "4"]])
                Issue.record("a changed row was taken as already recorded")
            } catch RecordError.rejected(let refused) {
                #expect(refused.changed == 1 && refused.rejects.first?.reason.contains("stored area 'mokre'; in this file area 'stare-miasto'") == true)
            }
        }
    }

    static func rejection(_ records: CaseRecords, _ kind: RecordKind, _ text: String) async throws -> ImportReport? {
        let path = try TorunFiles.write([(kind.name, text)])[0].1
        do {
            _ = try await records.importFile(kind, path: path)
            return nil
        } catch RecordError.rejected(let report) {
            return report
        }
    }

    @Test func aBadRowRejectsTheWholeFileWithItsRowNumber() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            for (kind, path) in try TorunFiles.write().prefix(3) { try await records.importFile(kind, path: path) }
            let report = try #require(try await Self.rejection(records, .households, "code,area,size\nH-10,mokre,3\nH-11,mokre,3\nH-12,nowhere,3\nH-13,mokre,zero\n"))
            #expect(report.rejectCount == 2)
            #expect(report.rejects.map(\.row) == [4, 5])
            #expect(
                report.rejects[0].reason.hasPrefix(
                    "area 'nowhere' is not one of this municipality's areas (bydgoskie-przedmiescie, chelminskie-przedmiescie, mokre, podgorz, stare-miasto)"))
            #expect(report.rejects[1].reason == "size 'zero' must be a whole number from 1 to 30")
            #expect(try await records.count(.households) == 2, "nothing from the rejected file was written")

            // Records are checked against the adopted model version and its period.
            let sessions = try #require(
                try await Self.rejection(
                    records, .sessions,
                    """
                    code,adoption,component,activity,date,minutes,staff
                    SES-9,wygrana-rodzina,family-education,knitting,2024-10-10,60,
                    SES-10,wygrana-rodzina,family-education,,2031-01-01,60,
                    SES-11,wygrana-rodzin,family-education,,2024-10-10,60,

                    """))
            #expect(
                sessions.rejects.map(\.reason) == [
                    "activity 'knitting' is not an activity of component family-education; its activities: parent-meeting-series, parent-workshop",
                    "date 2031-01-01 is outside the adoption period of wygrana-rodzina (2024-07-01 to 2027-06-30)",
                    "adoption 'wygrana-rodzin' is not adopted here; adoptions: aktywne-wlaczenie-torun, wygrana-rodzina",
                ])
            let people = try #require(
                try await Self.rejection(
                    records, .persons,
                    """
                    code,household,birth_year,relation
                    12345678901,H-1,1980,head
                    P-8,H-1,1980,head
                    P-8,H-1,1981,partner

                    """))
            #expect(
                people.rejects.map(\.reason) == [
                    "code '12345678901' is not a valid pseudonymous code: use up to 40 letters, digits, dots, dashes or underscores, never a PESEL number or a name",
                    "the same code appears earlier in the file, in row 3",
                ])
        }
    }

    @Test func enrolmentRulesAndAttendanceNeedAnEnrolment() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            for (kind, path) in try TorunFiles.write().prefix(3) { try await records.importFile(kind, path: path) }
            let enrolments = try #require(
                try await Self.rejection(
                    records, .enrolments,
                    """
                    adoption,household,person,target_group,start,end,exit_reason
                    wygrana-rodzina,,P-3,children-and-youth,2024-09-01,,
                    wygrana-rodzina,H-1,,families,2024-09-01,2024-08-01,completed
                    wygrana-rodzina,H-1,P-1,families,2024-09-01,,
                    wygrana-rodzina,H-1,,familes,2024-09-02,,

                    """))
            #expect(
                enrolments.rejects.map(\.reason) == [
                    "person P-3 belongs to household H-2, which is not enrolled in wygrana-rodzina on 2024-09-01; wygrana-rodzina enrols families, so enrol the household first",
                    "end 2024-08-01 is before start 2024-09-01",
                    "give either household or person, not both and not neither",
                    "target_group 'familes' is not defined by wygrana-rodzina@1.0.0; target groups: children-and-youth, families",
                ])
            // The same household enrolled in the same file makes a member's enrolment valid.
            let both = try TorunFiles.write([
                ("enrolments", "adoption,household,person,target_group,start\nwygrana-rodzina,,P-3,children-and-youth,2024-10-01\nwygrana-rodzina,H-2,,families,2024-09-01\n")
            ])
            #expect(try await records.importFile(.enrolments, path: both[0].1).inserted == 2)
            // A second, overlapping enrolment of the same household is refused.
            let overlap = try #require(try await Self.rejection(records, .enrolments, "adoption,household,target_group,start\nwygrana-rodzina,H-2,families,2025-01-01\n"))
            #expect(overlap.rejects.map(\.reason) == ["H-2 is already enrolled in wygrana-rodzina for part of this time; end that enrolment before this one starts"])
            try await records.write([SessionRecord(code: "SES-1", adoption: "wygrana-rodzina", component: "family-education", date: Day.parse("2024-08-15")!, minutes: 60)])
            let attendance = try #require(try await Self.rejection(records, .attendance, "session,person,status\nSES-1,P-3,present\nSES-1,P-3,late\n"))
            #expect(
                attendance.rejects.map(\.reason) == [
                    "person P-3 is not enrolled in wygrana-rodzina on 2024-08-15, the day of session SES-1",
                    "the same session + person appears earlier in the file, in row 2",
                ])
            // The table holds the rule for every writer, not only for Kokon's import.
            await #expect {
                try await fixture.admin.query("INSERT INTO t_torun.attendance (session, person, status) VALUES ('SES-1', 'P-3', 'present')")
            } throws: { error in
                (error as? PostgresError)?.code == .checkViolation
                    && "\(error)".contains("person P-3 is not enrolled in wygrana-rodzina on 2024-08-15, the day of session SES-1")
            }
            #expect(try await records.count(.attendance) == 0)
        }
    }

    @Test func headersBOMAndSemicolonsAndDryRun() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            let bom = try TorunFiles.write([("households", "\u{FEFF}Code;Area;Size\r\nH-1;mokre;4\r\nH-2;mokre;1\r\n")])[0].1
            let dry = try await records.importFile(.households, path: bom, dryRun: true)
            #expect(dry.dryRun && dry.inserted == 2 && dry.rows == 2)
            #expect(try await records.count(.households) == 0, "a dry run writes nothing")
            #expect(try await records.importFile(.households, path: bom).inserted == 2)

            let missing = try TorunFiles.write([("households", "code,area\nH-3,mokre\n")])[0].1
            await #expect { try await records.importFile(.households, path: missing) } throws: { error in
                "\(error)".contains("the header does not fit households: missing column size") && "\(error)".contains("size (required) – number of people")
            }
            let unknown = try TorunFiles.write([("households", "code,area,size,surname\nH-3,mokre,2,Kowalski\n")])[0].1
            await #expect { try await records.importFile(.households, path: unknown) } throws: { error in
                "\(error)".contains("unknown column 'surname'")
            }
            let ragged = try TorunFiles.write([("households", "code,area,size\nH-3,mokre,2\nH-4,mokre\n")])[0].1
            await #expect { try await records.importFile(.households, path: ragged) } throws: { error in
                "\(error)".contains("households.csv:3: row 3: missing data for column \"size\"")
            }
            // "H-ł" saved in ISO-8859-2, as older spreadsheets do.
            let latin2 = try TorunFiles.write([("households", "code,area,size\n")])[0].1
            try Data([UInt8]("code,area,size\nH-".utf8) + [0xB3] + [UInt8](",mokre,2\n".utf8)).write(to: URL(fileURLWithPath: latin2))
            await #expect { try await records.importFile(.households, path: latin2) } throws: { error in
                "\(error)".contains("not UTF-8")
            }
            #expect(try await records.count(.households) == 2)
        }
    }

    @Test func aConnectionLostMidImportLeavesNoRows() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            for (kind, path) in try TorunFiles.write().prefix(1) { try await records.importFile(kind, path: path) }
            // A large file whose COPY is under way when the server loses the client.
            var text = "code,area,size\n"
            for index in 0..<400_000 { text += "B-\(index),mokre,3\n" }
            let path = try TorunFiles.write([("households", text)])[0].1
            let started = Mutex(false)
            let importing = Task {
                try await records.importFile(.households, path: path) { sent, _ in
                    if sent > 1_000_000 { started.withLock { $0 = true } }
                }
            }
            while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            try await fixture.admin.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND usename = 'kokon_app' AND query LIKE 'COPY kokon_staging%'")
            await #expect(throws: (any Error).self) { try await importing.value }
            #expect(try await records.count(.households) == 2)
        }
    }
}

@Suite("Case records: documentation")
struct RecordDocumentationTests {
    @Test func docsListEveryKindAndColumn() throws {
        let text = try String(contentsOf: TenancyFixture.root.appending(path: "docs/records.md"), encoding: .utf8)
        #expect(text.hasSuffix(RecordKind.reference()), "docs/records.md is out of date: regenerate its last part with `kokon import --reference`")
    }
}
