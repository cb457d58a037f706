import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// What comes in through an import (and so through the API and the forms, which take the same
/// path) is checked for what Kokon must never hold, accepted as Polish spreadsheets write it,
/// and quoted back only in part.
@Suite("Case records: clean data at the door")
struct DoorTests {
    /// 44051401359: a PESEL number with a valid checksum (born 14 May 1944).
    static let pesel = "44051401359"

    static func refusal(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func aPESELNumberAnywhereInARowIsRefusedWithoutBeingEchoed() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            for written in ["ID:440514-01359", "44 05 14 01 359", "nr 44051401359"] {
                let reason = await Self.refusal { try await records.write(.households, [["code": "H-90", "area": written, "size": "3"]]) }
                #expect(reason.contains("looks like a PESEL number"), "\(written): \(reason)")
                #expect(!reason.contains("01359") && !reason.contains("01 359"), "the number is not echoed: \(reason)")
            }
            let code = await Self.refusal { try await records.write(.households, [["code": "X-\(Self.pesel)", "area": "mokre", "size": "3"]]) }
            #expect(code.contains("looks like a PESEL number") && !code.contains(Self.pesel))
            // Eleven digits with a wrong checksum are not a PESEL number.
            let other = await Self.refusal { try await records.write(.households, [["code": "H-91", "area": "44051401358", "size": "3"]]) }
            #expect(!other.contains("PESEL") && other.contains("is not one of this municipality's areas"), "\(other)")
            let name = await Self.refusal { try await records.write(.households, [["code": "Jan.Kowalski", "area": "mokre", "size": "3"]]) }
            #expect(name.contains("is not a valid pseudonymous code"), "\(name)")
            #expect(try await records.count(.households) == 0)
        }
    }

    @Test func valuesAreQuotedOnlyInPartAndAmountsArePlausible() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            let long = String(repeating: "a", count: 100_000)
            let reason = await Self.refusal { try await records.write(.households, [["code": "H-92", "area": long, "size": "3"]]) }
            #expect(reason.contains("'\(String(repeating: "a", count: 40))…'") && reason.count < 1_000, "\(reason.prefix(400))")
            // "12 500,00" as a Polish spreadsheet writes it: a no-break space between thousands.
            let amounts = try TorunFiles.write([
                (
                    "expenditures",
                    "code,adoption,budget_line,date,amount\nFV-1,wygrana-rodzina,staff,2024-10-31,\"12\u{00A0}500,00\"\nFV-2,wygrana-rodzina,staff,2024-11-30,\"1\u{202F}234,5\"\n"
                )
            ])[0].1
            #expect(try await records.importFile(.expenditures, path: amounts).inserted == 2)
            let total = try await records.transaction { try await $0.query("SELECT sum(amount)::text AS total FROM expenditure").scalar(String.self) }
            #expect(total == "13734.50")
            let huge = await Self.refusal {
                try await records.write(.expenditures, [["code": "FV-3", "adoption": "wygrana-rodzina", "budget_line": "staff", "date": "2024-12-01", "amount": "25000000"]])
            }
            #expect(huge.contains("not plausible"), "\(huge)")
        }
    }

    @Test func lineEndsBlankLinesAndFilesThatAreNotFiles() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            // CR alone ends each line, as old spreadsheets save; blank lines close the file.
            let cr = try TorunFiles.write([("households", "code,area,size\rH-93,mokre,3\rH-94,podgorz,2\r")])[0].1
            #expect(try await records.importFile(.households, path: cr).inserted == 2)
            let blank = try TorunFiles.write([("households", "code,area,size\r\nH-95,mokre,3\r\n\r\n\r\n")])[0].1
            #expect(try await records.importFile(.households, path: blank).inserted == 1)
            let uploaded = try await records.importData(.households, name: "gospodarstwa.csv", data: Array("code,area,size\nH-96,mokre,2\n\n".utf8))
            #expect(uploaded.inserted == 1)
            // A pipe would block the import for ever waiting for a writer; it is refused at once.
            let fifo = FileManager.default.temporaryDirectory.appending(path: "kokon-fifo-\(UUID().uuidString.prefix(8))").path
            #expect(mkfifo(fifo, 0o600) == 0)
            defer { unlink(fifo) }
            let piped = await Self.refusal { try await records.importFile(.households, path: fifo) }
            #expect(piped.contains("not a regular file"), "\(piped)")
            let folder = await Self.refusal { try await records.importFile(.households, path: FileManager.default.temporaryDirectory.path) }
            #expect(folder.contains("it is a folder"), "\(folder)")
            #expect(try await records.count(.households) == 4)
        }
    }
}
