import ArgumentParser
import Foundation
import KokonBench

/// `kokon bench provision`
struct BenchProvisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provision",
        abstract: "Set up many municipalities at once and compare the time with the 60-second target.",
        discussion: """
            Makes TENANTS example tenants that adopt the Toruń model, each with its own role, \
            schema, tenant migrations and model elements, exactly as `kokon tenant apply` does, \
            several at a time. Target: 300 tenants in under 60 seconds.
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"
    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many tenants.")
    var tenants = 300

    @Option(help: "How many tenants are set up at once.")
    var parallel = 4

    func run() async throws {
        guard tenants > 0 else { throw ValidationError("--tenants must be at least 1") }
        let progress = TerminalProgress(label: "provisioning")
        let seconds = try await ThrowawayDatabase.with(database, poolSize: parallel) { database in
            try await ProvisionBench.run(database, models: models, count: tenants, parallel: parallel, progress: progress.update)
        }
        progress.finish()
        let target = 60.0 * Double(tenants) / 300
        print(
            String(format: "%d tenants, %d at a time: %.1f s, %.0f ms per tenant (%@ build)", tenants, parallel, seconds, seconds * 1000 / Double(tenants), BuildConfiguration.name)
        )
        print(String(format: "provision: %.2fx of the %.0f s target for %d tenants (target <= 1.0x)", seconds / target, target, tenants))
    }
}
