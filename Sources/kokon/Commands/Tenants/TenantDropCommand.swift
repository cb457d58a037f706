import ArgumentParser
import Engine

/// `kokon tenant drop`
struct TenantDropCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Delete a municipality's schema, every case record in it, and its role.",
        discussion: """
            This cannot be undone. Repeat the id with --confirm to go ahead, e.g. \
            `kokon tenant drop grudziadz --confirm grudziadz`. The tenant file is left alone; \
            `kokon tenant apply` would set the municipality up again, empty.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The tenant id.")
    var id: String

    @Option(help: "The same id again, to confirm.")
    var confirm: String = ""

    func run() async throws {
        let loaded = try catalog.load()
        try await database.withPool(size: 1) { pool in
            // A database Kokon has never used gets its catalogue, so the answer is "not set up", not a missing table.
            _ = try await Catalogue.migrate(pool)
            try await TenantDirectory(pool: pool, catalog: loaded).drop(id, confirm: confirm)
            print("Dropped \(id): its schema, case records and role are gone.")
        }
    }
}
