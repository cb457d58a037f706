import Foundation
import Postgres

/// Kokon's own statements as a pgbench script, so pgbench can replay what the server sends
/// for a request without the server: the same text, the same values bound as parameters
/// (pgbench's `:name` variables, given with `-D`), a pipeline where the server pipelines.
struct PgbenchScript {
    /// The script's text.
    private(set) var text = ""
    /// The `-D name=value` arguments that give the variables their values.
    private(set) var definitions: [String] = []

    /// Adds one statement, sent and answered on its own.
    mutating func add(_ sql: SQL) throws {
        text += try command(sql) + "\n"
    }

    /// Adds statements sent together in one pipeline ended by one `Sync`, as
    /// `Session.query(_:inTransactionAs:…)` sends them.
    mutating func pipeline(_ statements: [SQL]) throws {
        text += "\\startpipeline\n"
        for sql in statements { try add(sql) }
        text += "\\endpipeline\n"
    }

    /// The statement with each `$n` turned into a variable of its own, ended by `;`.
    private mutating func command(_ sql: SQL) throws -> String {
        let (statement, bindings) = sql.rendered
        var names: [String] = []
        for binding in bindings {
            guard let value = binding.text else { throw BenchError("pgbench cannot bind NULL; the replayed statement binds one") }
            let name = "p\(definitions.count + 1)"
            definitions.append("\(name)=\(value)")
            names.append(name)
        }
        var result = ""
        var characters = statement[...]
        // `$` appears in these statements only as a parameter: none quotes with dollars.
        while let dollar = characters.firstIndex(of: "$") {
            result += characters[..<dollar]
            let digits = characters[characters.index(after: dollar)...].prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits), (1...names.count).contains(number) else {
                throw BenchError("the replayed statement has a `$` that is not a parameter: \(statement)")
            }
            result += ":" + names[number - 1]
            characters = characters[digits.endIndex...]
        }
        result += characters
        // One command per line for pgbench; the statements hold no string spanning lines.
        let line = result.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return line + ";"
    }
}
