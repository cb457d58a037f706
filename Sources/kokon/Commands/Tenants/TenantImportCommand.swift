import ArgumentParser
import Engine
import Foundation
import Templates

/// `kokon tenant import`
struct TenantImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Set a municipality up from an archive made by kokon tenant export.",
        discussion: """
            Restores the municipality exactly as it was exported — every table of its schema, \
            its audit log and its catalogue history — in one transaction: all of it, or nothing. \
            Its tenant file is written to the tenants folder if it is not there yet (and must \
            then pass this installation's checks: its programmes must be in models/). The \
            municipality must not be set up in this database already, and both installations \
            must run the same Kokon version (the same tenant migrations). Needs a superuser's \
            connection, as the local database has.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The archive file.")
    var file: String

    func run() async throws {
        let type = try? FileManager.default.attributesOfItem(atPath: file)[.type] as? FileAttributeType
        guard type == .typeRegular, let data = FileManager.default.contents(atPath: file) else {
            throw CommandRefusal(
                description:
                    type == nil ? "\(file) does not exist; give the path of the archive kokon tenant export wrote" : "\(file) is not a regular file; give the archive itself")
        }
        let archive = try TenantArchive.read(data, from: file)
        var loaded = try catalog.load()
        // The tenant file: the one here if it says the same, else the archive's, written here.
        let destination = URL(fileURLWithPath: catalog.tenants).appending(path: "\(archive.tenant).yaml").path
        var written = false
        if let existing = loaded.files.first(where: { $0.kind == .tenant && $0.id == archive.tenant }) {
            guard existing.source == archive.tenantFile else { throw TenantArchiveError.otherTenantFile(archive.tenant, path: existing.path) }
        } else {
            guard !FileManager.default.fileExists(atPath: destination) else { throw TenantArchiveError.otherTenantFile(archive.tenant, path: destination) }
            try Data(archive.tenantFile.utf8).write(to: URL(fileURLWithPath: destination), options: [.withoutOverwriting])
            written = true
            loaded = try catalog.load()
        }
        do {
            let problems = loaded.diagnostics.errors.filter { $0.file.hasSuffix("/\(archive.tenant).yaml") || $0.file == destination }
            guard problems.isEmpty, loaded.tenant(archive.tenant) != nil else {
                throw TenantArchiveError.tenantFileRefused(archive.tenant, problems: problems.map { loaded.render($0) }.joined(separator: "\n"))
            }
            try await database.withPool(size: 1) { pool in
                try await Catalogue.migrate(pool)
                let tables = try await TenantDirectory(pool: pool, catalog: loaded).restore(archive)
                print(
                    "Imported \(archive.name) (\(archive.tenant)), exported \(archive.exportedAt): \(tables.count) tables, "
                        + "\(tables.map(\.rows).reduce(0, +)) rows\(written ? "; its tenant file is now \(destination)" : ""). "
                        + "Delete the archive file once you no longer need it: it holds case records.")
            }
        } catch {
            if written { try? FileManager.default.removeItem(atPath: destination) }
            throw error
        }
    }
}
