import Testing

@testable import Postgres

@Suite("SQL interpolation and identifiers")
struct SQLTests {
    @Test func valuesBecomeParametersNotText() {
        let attack = "Toruń'; DROP TABLE households; --"
        let sql: SQL = "SELECT * FROM t WHERE name = \(attack) AND year > \(2020)"
        let (text, bindings) = sql.rendered
        #expect(text == "SELECT * FROM t WHERE name = $1 AND year > $2")
        #expect(!text.contains("DROP"))
        #expect(bindings == [PostgresBinding(attack), PostgresBinding(2020)])
        #expect(bindings[0].text == attack)
        #expect(bindings[1].type == .int8)
    }

    @Test func nilBindsNull() {
        let missing: Int? = nil
        let sql: SQL = "SELECT \(missing)"
        #expect(sql.rendered.text == "SELECT $1")
        #expect(sql.rendered.bindings == [PostgresBinding(null: .int8)])
    }

    @Test func fragmentsKeepTheirValuesAndRenumber() {
        let first: SQL = "a = \(1)"
        let second: SQL = "b = \("x")"
        let combined: SQL = "SELECT 1 WHERE \(first) AND \(second) AND c = \(true)"
        #expect(combined.rendered.text == "SELECT 1 WHERE a = $1 AND b = $2 AND c = $3")
        #expect(combined.rendered.bindings.map(\.text) == ["1", "x", "true"])
        let joined = SQL.join([first, second], separator: " OR ")
        #expect(joined.rendered.text == "a = $1 OR b = $2")
    }

    @Test func identifiersAreQuoted() throws {
        #expect(Identifier("kokon").quoted == "\"kokon\"")
        #expect(Identifier("kokon", "schema_migrations").quoted == "\"kokon\".\"schema_migrations\"")
        let hostile = try Identifier(validating: "a\"; DROP SCHEMA b; --")
        #expect(hostile.quoted == "\"a\"\"; DROP SCHEMA b; --\"")
        let sql: SQL = "SELECT * FROM \(hostile)"
        #expect(sql.rendered.text == "SELECT * FROM \"a\"\"; DROP SCHEMA b; --\"")
        #expect(sql.rendered.bindings.isEmpty)
        let list: SQL = "SET search_path TO \([Identifier("t_torun"), Identifier("public")])"
        #expect(list.rendered.text == "SET search_path TO \"t_torun\", \"public\"")
    }

    @Test func unusableIdentifiersAreRefused() {
        #expect(throws: IdentifierError.self) { try Identifier(validating: "") }
        #expect(throws: IdentifierError.self) { try Identifier(validating: "a\u{0}b") }
        #expect(throws: IdentifierError.self) { try Identifier(validating: String(repeating: "ł", count: 32)) }
        #expect(throws: Never.self) { try Identifier(validating: String(repeating: "a", count: 63)) }
    }

    @Test func descriptionNeverShowsValues() {
        let sql: SQL = "SELECT \("ABC-123-secret")"
        #expect(!sql.description.contains("secret"))
    }

    @Test func connectionStringValuesAreQuoted() {
        #expect(ConnectionString.make(["host": "/tmp/a b", "user": "o'neil", "password": nil]) == "host='/tmp/a b' user='o\\'neil'")
    }
}
