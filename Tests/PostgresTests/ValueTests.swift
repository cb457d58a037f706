import Foundation
import Testing

@testable import Postgres

@Suite("Encoding and decoding values without a server")
struct ValueTests {
    func row(_ values: [String?], _ types: [PostgresType]) -> Row {
        let columns = types.enumerated().map { QueryResult.Column(name: "c\($0.offset)", type: $0.element) }
        return QueryResult(columns: columns, cells: [values], affectedRows: nil, commandTag: "SELECT 1").first!
    }

    @Test func decodesEverySupportedType() throws {
        let r = row(
            [
                "Toruń", "42", "1239061.22", "t", "2024-02-29", "2024-01-02 10:11:12.5+01",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", #"{"a": 1}"#, #"{a,"b,c","d\"e",""}"#, nil,
            ],
            [.text, .int8, .numeric, .bool, .date, .timestamptz, .uuid, .jsonb, .textArray, .text])
        #expect(try r.decode("c0", as: String.self) == "Toruń")
        #expect(try r.decode("c1", as: Int.self) == 42)
        #expect(try r.decode("c2", as: Decimal.self) == Decimal(string: "1239061.22")!)
        #expect(try r.decode("c3", as: Bool.self) == true)
        #expect(try r.decode("c4", as: CalendarDate.self) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(try r.decode("c5", as: Date.self) == Date(timeIntervalSince1970: 1_704_186_672.5))
        #expect(try r.decode("c6", as: UUID.self) == UUID(uuidString: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"))
        #expect(try r.decode("c7", as: JSONB.self).decode([String: Int].self) == ["a": 1])
        #expect(try r.decode("c8", as: [String].self) == ["a", "b,c", "d\"e", ""])
        #expect(try r.decode("c9", as: String?.self) == nil)
        #expect(try r.decode("c0", as: String?.self) == "Toruń")
    }

    @Test func nullIntoNonOptionalNamesTheColumn() {
        let r = row([nil], [.int4])
        let error = #expect(throws: PostgresDecodingError.self) { try r.decode("c0", as: Int.self) }
        #expect(error?.column == "c0")
        #expect(error?.description.contains("NULL") == true)
    }

    @Test func wrongTextNamesColumnAndType() {
        let r = row(["abc"], [.text])
        let error = #expect(throws: PostgresDecodingError.self) { try r.decode("c0", as: Int.self) }
        #expect(error?.description == "cannot read column 'c0' (text) as Int: expected a whole number")
        #expect(throws: PostgresDecodingError.self) { try r.decode("missing", as: String.self) }
    }

    @Test func rejectsImpossibleDates() {
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
        #expect(CalendarDate(iso: "24-01-01") == nil)
        #expect(CalendarDate(iso: "2024-02-29")?.adding(days: 1) == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(CalendarDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
    }

    @Test func encodesValuesInPostgresTextFormat() {
        #expect(Decimal(string: "1239061.22")!.postgresText == "1239061.22")
        #expect(Date(timeIntervalSince1970: 1_704_186_672.5).postgresText == "2024-01-02 09:11:12.500000+00")
        #expect(Date(timeIntervalSince1970: -1).postgresText == "1969-12-31 23:59:59.000000+00")
        #expect(["a", "b,c", "d\"e\\"].postgresText == #"{"a","b,c","d\"e\\"}"#)
        #expect(["Łódź", ""].postgresText == #"{"Łódź",""}"#)
        #expect(CalendarDate(year: 2017, month: 1, day: 2).postgresText == "2017-01-02")
        #expect(true.postgresText == "true")
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func copyEncodingEscapesFields() {
        var csv: [UInt8] = []
        CopyWriter.encode("a,\"b\"", format: .csv, into: &csv)
        #expect(String(decoding: csv, as: UTF8.self) == "\"a,\"\"b\"\"\"")
        var text: [UInt8] = []
        CopyWriter.encode("x\ty\\z\n", format: .text, into: &text)
        #expect(String(decoding: text, as: UTF8.self) == "x\\ty\\\\z\\n")
        var null: [UInt8] = []
        CopyWriter.encode(nil, format: .text, into: &null)
        #expect(String(decoding: null, as: UTF8.self) == "\\N")
    }
}
