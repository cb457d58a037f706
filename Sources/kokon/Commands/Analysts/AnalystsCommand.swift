import ArgumentParser
import Engine
import Foundation

/// `kokon analysts`
struct AnalystsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysts",
        abstract: "A database of published figures only, for analysts' own SQL tools.",
        discussion: """
            Analysts who open the figures in a spreadsheet or a BI tool (Power BI, Metabase) \
            connect to a database of their own, in the same cluster, holding nothing but the \
            published figures (tables published.publications and published.aggregates, the \
            columns of shared.*), through a login that may only read them. No municipality's \
            schema, role or record exists there, so nothing its catalogue shows is about one. \
            Every publish copies the municipality's new figures there.
            """,
        subcommands: [AnalystsSetUpCommand.self, AnalystsSyncCommand.self]
    )
}

/// `kokon analysts setup`
struct AnalystsSetUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Create (or renew) the analysts' database and its read-only login; print how to connect.",
        discussion: """
            Creates the database if it is missing, its tables, and the login <name>_reader with a \
            new password, shown once here and stored nowhere (run setup again for a new one); \
            then copies everything published so far. From then on every publish copies there too.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The analysts' database (default: the main database's name followed by _analysts).")
    var name: String?

    func validate() throws {
        if let name, name.range(of: #"^[a-z_][a-z0-9_]{0,55}$"#, options: .regularExpression) == nil {
            throw ValidationError("--name must be lowercase letters, digits and _, at most 56 characters, not starting with a digit (e.g. kokon_analysts)")
        }
    }

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            let chosen = if let name { name } else { try await AnalystsDatabase.defaultName(pool) }
            let access = try await AnalystsDatabase.setUp(pool, name: chosen)
            print("The analysts' database \(access.database.name) holds the \(access.figures) published figures; every publish copies there from now on.")
            print("Analysts connect as \(access.database.reader), read-only (the password is shown only now):")
            print(access.url)
        }
    }
}

/// `kokon analysts sync`
struct AnalystsSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Copy everything published to the analysts' database again.",
        discussion: """
            For when a publish could not reach the analysts' database (it says so): replaces \
            everything there with what is published now, in one transaction.
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            guard let analysts = try await AnalystsDatabase.configured(pool) else {
                throw CommandRefusal(description: "there is no analysts' database yet; create it with kokon analysts setup")
            }
            let rows = try await analysts.copyAll(from: pool)
            print("Copied the \(rows) published figures to \(analysts.name).")
        }
    }
}
