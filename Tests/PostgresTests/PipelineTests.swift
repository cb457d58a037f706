import Foundation
import KokonTestSupport
import Testing

@testable import Postgres

/// A request's read is one round trip: the switch to the tenant's role and the statement,
/// sent at once in one implicit transaction, prepared statements kept on the connection between sessions.
/// None of it may weaken the boundary or leave anything behind.
@Suite("One-statement transactions in one round trip, prepared statements kept")
struct PipelineTests {
    /// Two schemas holding a table of the same name, a role that may read both.
    static func twoSchemas(_ pool: ConnectionPool) async throws -> Identifier {
        let role = try Identifier(validating: "r_\(UUID().uuidString.prefix(8).lowercased())")
        try await pool.query("CREATE ROLE \(role) NOLOGIN")
        for (schema, text) in [("s_a", "note of a"), ("s_b", "note of b")] {
            let name = try Identifier(validating: schema)
            try await pool.query("CREATE SCHEMA \(name)")
            try await pool.query("CREATE TABLE \(name).note (text text)")
            try await pool.query("INSERT INTO \(name).note VALUES (\(text))")
            try await pool.query("GRANT USAGE ON SCHEMA \(name) TO \(role)")
            try await pool.query("GRANT SELECT, INSERT ON \(name).note TO \(role)")
        }
        return role
    }

    static let read: SQL = SQL(
        stringLiteral: "SELECT to_jsonb(n) ->> 'text' AS text, current_user AS who, current_setting('kokon.actor') AS actor FROM note n"
    ).prepared()

    @Test func theSameStatementReadsEachSchemaItIsSwitchedTo() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let role = try await Self.twoSchemas(pool)
            try await pool.withSession { session in
                for (schema, text) in [("s_a", "note of a"), ("s_b", "note of b"), ("s_a", "note of a")] {
                    let row = try await session.query(
                        Self.read, inTransactionAs: role, searchPath: [Identifier(validating: schema)], settings: [("kokon.actor", "tester")]
                    ).first!
                    #expect(try row.decode("text", as: String.self) == text)
                    #expect(try row.decode("who", as: String.self) == role.parts[0])
                    #expect(try row.decode("actor", as: String.self) == "tester")
                    #expect(!session.connection.isInTransaction)
                    let after = try await session.query("SELECT current_user AS who, current_setting('kokon.actor', true) AS actor").first!
                    #expect(try after.decode("who", as: String.self) == "postgres")
                    #expect(try after.decode("actor", as: String?.self) ?? "" == "")
                }
                // Prepared once, then reused for both schemas: PostgreSQL re-plans it for the other one.
                let prepared = try await session.query("SELECT count(*) FROM pg_prepared_statements WHERE statement = \(Self.read.rendered.text)")
                #expect(try prepared.scalar(Int.self) == 1)
            }
        }
    }

    @Test func aFailedStatementRollsBackItsWholeTransaction() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let role = try await Self.twoSchemas(pool)
            let failing = SQL(stringLiteral: "INSERT INTO note VALUES ('written') RETURNING 1 / 0 AS broken").prepared()
            try await pool.withSession { session in
                await #expect(throws: PostgresError.self) {
                    try await session.query(failing, inTransactionAs: role, searchPath: [Identifier(validating: "s_a")])
                }
                #expect(!session.connection.isInTransaction)
                let notes = try await session.query("SELECT count(*) FROM s_a.note").scalar(Int.self)
                #expect(notes == 1)
            }
            // A statement that does not exist fails before it runs, and the connection is still usable.
            let wrong = SQL(stringLiteral: "SELECT missing FROM note").prepared()
            try await pool.withSession { session in
                await #expect(throws: PostgresError.self) {
                    try await session.query(wrong, inTransactionAs: role, searchPath: [Identifier(validating: "s_a")])
                }
                #expect(!session.connection.isInTransaction)
                let rows = try await session.query(Self.read, inTransactionAs: role, searchPath: [Identifier(validating: "s_b")], settings: [("kokon.actor", "x")]).count
                #expect(rows == 1)
            }
        }
    }

    @Test func insideAnOpenTransactionItRunsThere() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let role = try await Self.twoSchemas(pool)
            let insert = SQL(stringLiteral: "INSERT INTO note VALUES ('inner')").prepared()
            try await pool.withSession { session in
                try? await session.transaction { inner in
                    _ = try await inner.query(insert, inTransactionAs: role, searchPath: [Identifier(validating: "s_a")])
                    #expect(inner.connection.isInTransaction)
                    throw CancellationError()
                }
                let notes = try await session.query("SELECT count(*) FROM s_a.note").scalar(Int.self)
                #expect(notes == 1)
            }
        }
    }

    @Test func preparedStatementsOutliveTheSessionButNothingElseDoes() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let count = SQL(stringLiteral: "SELECT count(*) FROM pg_prepared_statements").prepared()
            let first = try await pool.withSession { session in
                _ = try await session.query(SQL(stringLiteral: "SELECT 1 AS one").prepared())
                return session.connection.backendProcessID
            }
            // Only prepared statements ran: the connection came back as it was, no reset.
            try await pool.withSession { session in
                #expect(session.connection.backendProcessID == first)
                let kept = try await session.query(count).scalar(Int.self)
                #expect(kept == 2)
                try await session.query("SET application_name TO 'leaky'")
            }
            // Anything else ran: the connection was reset, settings and prepared statements alike.
            try await pool.withSession { session in
                #expect(session.connection.backendProcessID == first)
                let applicationName = try await session.query("SELECT current_setting('application_name') AS name").scalar(String.self)
                #expect(applicationName != "leaky")
                let afterReset = try await session.query(count).scalar(Int.self)
                #expect(afterReset == 1)
            }
            // A transaction left open, even by prepared statements alone, is rolled back.
            try await pool.withSession { session in
                try await session.query(Session.begin)
            }
            try await pool.withSession { session in
                #expect(!session.connection.isInTransaction)
            }
        }
    }

    /// The server gone under a request's read (a crash closes the socket without a word): the
    /// error says the connection was lost, so the server answers 503, not 500.
    @Test func aConnectionLostUnderTheRoundTripIsReportedAsLost() async throws {
        try await TestCluster.withPool(size: 1) { pool in
            let role = try await Self.twoSchemas(pool)
            let schema = try Identifier(validating: "s_a")
            try await pool.withSession { session in
                let before = try await session.query(Self.read, inTransactionAs: role, searchPath: [schema], settings: [("kokon.actor", "x")])
                #expect(before.count == 1)
                // What a crash does to the client's end: nothing more can be sent or read.
                #expect(shutdown(session.connection.socket, Int32(SHUT_RDWR)) == 0)
                do {
                    _ = try await session.query(Self.read, inTransactionAs: role, searchPath: [schema], settings: [("kokon.actor", "x")])
                    Issue.record("a read on a closed connection succeeded")
                } catch let error as PostgresError {
                    #expect(error.kind == .connection, "\(error.kind): \(error.message)")
                }
            }
            // The pool let the broken connection go and serves the next request.
            let one = try await pool.query("SELECT 1 AS one").scalar(Int.self)
            #expect(one == 1)
        }
    }
}
