import ArgumentParser
import Engine
import Foundation
import FoundationEssentials

/// `kokon tenant list`
struct TenantListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List municipalities: those set up in the database and those only in tenants/."
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let loaded = try catalog.load()
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            let summaries = try await TenantDirectory(pool: pool, catalog: loaded).list()
            for summary in summaries {
                let state = summary.appliedAt.map { "applied \($0.formatted(.iso8601))" } ?? "not applied (run `kokon tenant apply \(summary.id)`)"
                let file = summary.hasFile ? "" : ", no tenant file"
                print("\(summary.id.padding(toLength: 12, withPad: " ", startingAt: 0)) \(summary.name)\(summary.example ? " (example)" : "")")
                print("             \(summary.adoptions.joined(separator: ", ")); \(state)\(file)")
            }
            if summaries.isEmpty { print("No tenants yet: add a file to tenants/ and run `kokon tenant apply`.") }
        }
    }
}
