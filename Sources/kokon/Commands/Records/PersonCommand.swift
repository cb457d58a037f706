import ArgumentParser
import Engine
import Foundation

/// `kokon person`
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Act on one person's records in a municipality.",
        subcommands: [Erase.self]
    )

    /// `kokon person erase`
    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Remove every record of one person (the right to erasure).",
            discussion: """
                Removes, in one step, the person's attendance, the outcomes observed for them, \
                their plans with the plans' goals, their enrolments and the person, and says how \
                many rows of each went. Without --confirm it only counts them. The audit log \
                records each removal with its kind, count and the codes removed, never their \
                contents. Figures already published keep counting the person until the \
                municipality publishes again.

                Example: kokon person erase torun P-17 --confirm P-17
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The tenant id, e.g. torun.")
        var tenant: String

        @Argument(help: "The person's code, e.g. P-17.")
        var code: String

        @Option(help: "The same code again, to remove the records; without it they are only counted.")
        var confirm: String?

        func run() async throws {
            if let confirm, confirm != code {
                throw CommandRefusal(description: "--confirm \(confirm.prefix(40)) is not the code given (\(code.prefix(40))); repeat the same code to erase")
            }
            try await database.withPool(size: 1) { pool in
                try await Catalogue.migrate(pool)
                let records = try await CaseRecords(pool: pool, tenant: tenant, actor: NSUserName())
                let erasure = try await records.erasePerson(code, dryRun: confirm == nil)
                print(erasure)
                if !erasure.done { print("Nothing was removed. To remove these records: kokon person erase \(tenant) \(code) --confirm \(code)") }
            }
        }
    }
}
