public import Foundation
import Templates

/// One municipality, whole, in one file: its tenant file, every table of its schema and its
/// catalogue history, for moving it to another installation (`kokon tenant export` and
/// `kokon tenant import`).
///
/// The file holds the municipality's case records (pseudonymous, as Kokon keeps them) and is
/// to be kept as carefully as the database. Tables travel as JSON rows, read and written by
/// PostgreSQL itself (`json_agg`, `json_populate_recordset`), so every type round-trips as
/// the database stores it.
public struct TenantArchive: Codable, Sendable, Equatable {
    /// What every archive says it is, so another file is refused at once.
    public static let kind = "kokon-tenant-archive"
    /// The layout of this file; a later Kokon may read older ones.
    public static let layout = 1

    /// ``kind``.
    public let format: String
    /// ``layout`` when written.
    public let version: Int
    /// The tenant id.
    public let tenant: String
    /// Its name, for messages.
    public let name: String
    /// When it was exported (UTC, ISO 8601).
    public let exportedAt: String
    /// The tenant migrations its schema had, in order: an installation restores it only with
    /// exactly these, so every table has the columns its rows were written with.
    public let migrations: [String]
    /// The tenant file (YAML) as the exporting installation had it.
    public let tenantFile: String
    /// Every table of its schema.
    public let tables: [Table]
    /// Its programme version changes from the catalogue (JSON rows).
    public let adoptionChanges: String

    /// One table of the tenant's schema.
    public struct Table: Codable, Sendable, Equatable {
        /// The table's name inside the schema.
        public let name: String
        /// How many rows it had.
        public let rows: Int
        /// The rows, a JSON array of objects.
        public let data: String
    }

    /// Reads an archive, refusing anything that is not one, with what to do instead.
    public static func read(_ data: Data, from path: String) throws(TenantArchiveError) -> TenantArchive {
        let archive: TenantArchive
        do {
            archive = try JSONDecoder().decode(TenantArchive.self, from: data)
        } catch {
            throw .notAnArchive(path)
        }
        guard archive.format == kind else { throw .notAnArchive(path) }
        guard archive.version <= layout else { throw .newerLayout(path, archive.version) }
        guard TenantID.isValid(archive.tenant) else { throw .notAnArchive(path) }
        return archive
    }

    /// The archive as written to its file.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}

/// An archive that cannot be restored here.
public enum TenantArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not an archive Kokon wrote.
    case notAnArchive(String)
    /// Written by a newer Kokon.
    case newerLayout(String, Int)
    /// Its schema is at other migrations than this Kokon's.
    case otherMigrations(tenant: String, archive: [String], here: [String])
    /// The municipality is already set up here.
    case alreadyHere(String)
    /// The tenant file in the archive does not pass this installation's checks.
    case tenantFileRefused(String, problems: String)
    /// A tenant file of that id exists here with other content.
    case otherTenantFile(String, path: String)
    /// The schema to export has migrations still to run.
    case pendingMigrations(String)
    /// Restoring rows as they were needs a superuser's connection.
    case needsSuperuser
    /// The archive's tables are not the schema's.
    case otherTables(String)
    /// A table took other rows than the archive lists (a damaged archive).
    case rowsDiffer(String, table: String, archived: Int, restored: Int)

    public var description: String {
        switch self {
        case .notAnArchive(let path):
            "\(path) is not a municipality archive written by `kokon tenant export`; give the file that command wrote"
        case .newerLayout(let path, let version):
            "\(path) was written by a newer Kokon (archive layout \(version), this one reads up to \(TenantArchive.layout)); import it with that Kokon or a newer one"
        case .otherMigrations(let tenant, let archive, let here):
            "the archive of '\(tenant)' was exported at \(archive.count) tenant migrations (last: \(archive.last ?? "none")), this Kokon has \(here.count) "
                + "(last: \(here.last ?? "none")); export and import with the same Kokon version, upgrading the other installation first"
        case .alreadyHere(let tenant):
            "'\(tenant)' is already set up in this database; import into another database, or drop it here first with `kokon tenant drop \(tenant) --confirm \(tenant)`"
        case .tenantFileRefused(let tenant, let problems):
            "the tenant file of '\(tenant)' in the archive does not pass this installation's checks (are its programmes in models/?):\n\(problems)"
        case .otherTenantFile(let tenant, let path):
            "\(path) already defines '\(tenant)' differently from the archive; move it away, or make it the archive's, and import again"
        case .pendingMigrations(let tenant):
            "'\(tenant)' has tenant migrations still to run; run `kokon tenant apply \(tenant)` and export again"
        case .needsSuperuser:
            "restoring a municipality needs a superuser's connection (the local database has one); connect as one and import again"
        case .otherTables(let tenant):
            "the archive of '\(tenant)' lists other tables than its migrations make here, so it was damaged or edited; export it again"
        case .rowsDiffer(let tenant, let table, let archived, let restored):
            "the archive of '\(tenant)' lists \(archived) rows of \(table) but holds \(restored), so it was damaged or edited; export it again (nothing was restored)"
        }
    }
}
