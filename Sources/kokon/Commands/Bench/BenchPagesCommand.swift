import ArgumentParser
import Engine
import Foundation
import KokonBench
import KokonDemo
import Templates

/// `kokon bench pages`
struct BenchPagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Time the casework pages on the demo's data.",
        discussion: """
            Makes the demo's data in a throwaway database (the same municipalities, records and \
            publications as `kokon demo`), signs a coordinator of TENANT in, serves the pages on a \
            free loopback port, and requests each page with wrk on one connection for SECONDS \
            seconds: the households list, the busiest household's page, the registration form, \
            the dashboard, the adaptation register, the import and publishing pages and the start \
            page. Prints each page's first view (the dashboard, household and publishing pages \
            keep their figures until the records change, and make them on the first view), then \
            its median and 99th-percentile latency, and its size. Targets: \
            every page under 100 ms at the 95th percentile (the 99th is printed, an upper bound) \
            and under 100 KB. Needs wrk (`sudo apt-get install wrk`) and curl.
            """
    )

    @OptionGroup var catalog: CatalogOptions

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The municipality whose pages are timed.")
    var tenant = "torun"

    @Option(help: "Seconds per page.")
    var seconds = 3

    func run() async throws {
        _ = try APIBench.requireTools()
        let loaded = try catalog.load()
        guard loaded.tenant(tenant) != nil else { throw ValidationError("there is no tenant file for '\(tenant)' in \(catalog.tenants)") }
        let output = FileManager.default.temporaryDirectory.appending(path: "kokon-bench-pages-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: output) }
        let results = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            print("… making the demo's data")
            try await Catalogue.migrate(database.pool)
            _ = try await Demo(pool: database.pool, catalog: loaded, seed: 2026, size: .full, output: output).run { _ in }
            return try await PageBench(catalog: loaded, tenant: tenant, seconds: seconds).run(database, logger: self.database.logger) { print("… \($0)") }
        }
        for result in results {
            print(
                String(
                    format: "%@: first view %.1f ms, then median %.1f ms, p99 %.1f ms, %.0f pages/s, %.1f KB%@", result.page, result.first, result.p50,
                    result.p99, result.rate, Double(result.bytes) / 1024, result.failures > 0 ? " (\(result.failures) not answered with 200)" : ""))
        }
        guard results.allSatisfy({ $0.failures == 0 }) else { throw ValidationError("some pages did not answer with 200; see above") }
        let slowest = results.max { $0.p99 < $1.p99 }
        let heaviest = results.map(\.bytes).max() ?? 0
        print(
            String(
                format: "pages: slowest p99 %.1f ms (%@), %.2fx of the 100 ms target; largest page %.1f KB (target < 100 KB), %@ build", slowest?.p99 ?? 0,
                slowest?.page ?? "-", (slowest?.p99 ?? 0) / 100, Double(heaviest) / 1024, BuildConfiguration.name))
    }
}
