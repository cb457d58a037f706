import ArgumentParser
import Engine
import Foundation

/// `kokon tenant export`
struct TenantExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one municipality, whole, to one archive file for another installation.",
        discussion: """
            The archive holds the tenant file, every table of the municipality's schema (its \
            case records, plans, sessions, audit log, adoption history) and its catalogue \
            history, read in one consistent snapshot while the server keeps running. \
            `kokon tenant import FILE` restores it, exactly, into another installation of the \
            same Kokon version. The file holds the municipality's (pseudonymous) case records: \
            keep it as safe as the database, and delete it once it has been imported.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The tenant id.")
    var id: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the archive (default: <id>.kokon-archive.json).", valueName: "file"))
    var output: String?

    func run() async throws {
        let loaded = try catalog.load()
        let path = output ?? "\(id).kokon-archive.json"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandRefusal(description: "\(path) already exists; give another file with -o, or move it away first")
        }
        try await database.withPool(size: 1) { pool in
            // A database Kokon has never used gets its catalogue, so the answer is "not set up", not a missing table.
            _ = try await Catalogue.migrate(pool)
            let archive = try await TenantDirectory(pool: pool, catalog: loaded).export(id)
            do {
                try archive.encoded().write(to: URL(fileURLWithPath: path), options: [.withoutOverwriting])
            } catch {
                throw CommandRefusal(description: "cannot write \(path): check that its folder exists and may be written to")
            }
            let rows = archive.tables.map(\.rows).reduce(0, +)
            print(
                "Exported \(archive.name) (\(id)): \(archive.tables.count) tables, \(rows) rows, to \(path). "
                    + "It holds the municipality's case records: keep it safe, and delete it once imported.")
        }
    }
}
