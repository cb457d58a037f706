import ArgumentParser
import Engine
import Foundation

/// `kokon import`
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file of case records into a municipality: every row or none.",
        discussion: """
            KIND is one of: \(RecordKind.all.map(\.name).joined(separator: ", ")). Import them in \
            that order, since later kinds refer to earlier ones.

            The file is UTF-8 (with or without a byte-order mark), separated by , or ; and its \
            first line names the columns; `kokon import --columns KIND` lists them. Every row is \
            checked against the programme version the municipality adopted. If any row is wrong, \
            nothing is imported and the first 100 problems are listed with their row numbers as a \
            spreadsheet shows them (the header is row 1). Rows already recorded are left as they \
            are, so importing the same file again changes nothing. A row whose key (a code, or \
            a household's enrolment on a day) is already stored with other values is refused, \
            with the stored values and the file's side by side; --update lets such rows \
            replace the stored records, and says how many it replaced.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The tenant id, e.g. torun.")
    var tenant: String?

    @Argument(help: "The kind of record.")
    var kind: String?

    @Argument(help: "The CSV file.")
    var file: String?

    @Flag(help: "Check the file and report what would be added, without writing anything.")
    var dryRun = false

    @Flag(help: "Let rows whose key is already stored with other values replace the stored records (without it they are refused, both versions shown).")
    var update = false

    @Flag(help: "List the columns of KIND and exit.")
    var columns = false

    @Flag(help: "Print every kind's columns as markdown (docs/records.md) and exit.")
    var reference = false

    @Option(help: "Who is importing, for the audit log (default: your user name).")
    var actor: String = NSUserName()

    func run() async throws {
        if reference {
            print(RecordKind.reference(), terminator: "")
            return
        }
        guard let tenant, let kind else { throw ValidationError("Give the tenant, the kind of record and the file, e.g. kokon import torun households households.csv") }
        guard let recordKind = RecordKind.named(kind) else { throw RecordError.unknownKind(kind) }
        if columns {
            print("\(recordKind.name): \(recordKind.summary)")
            for column in recordKind.columns { print("  \(column.name)\(column.required ? " (required)" : "") – \(column.meaning)") }
            return
        }
        guard let file else { throw ValidationError("Give the CSV file to import, e.g. kokon import \(tenant) \(recordKind.name) \(recordKind.name).csv") }
        let progress = TerminalProgress(label: "importing \(URL(fileURLWithPath: file).lastPathComponent)")
        try await database.withPool(size: 1) { pool in
            // A database Kokon has never used gets its catalogue, so the answer is "not set up", not a missing table.
            _ = try await Catalogue.migrate(pool)
            let records = try await CaseRecords(pool: pool, tenant: tenant, actor: actor)
            do {
                let report = try await records.importFile(recordKind, path: file, dryRun: dryRun, update: update) { sent, total in progress.update(sent, of: total) }
                progress.finish()
                print(report.summary)
            } catch {
                progress.finish()
                throw error
            }
        }
    }
}
