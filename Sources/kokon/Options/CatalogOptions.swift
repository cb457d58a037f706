import ArgumentParser
import Foundation
import Templates

/// Where a command finds programme templates and tenant files.
struct CatalogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"

    @Option(help: ArgumentHelp("Folder of tenant files.", valueName: "folder"))
    var tenants = "tenants"

    /// Loads and checks both folders; refuses to go on if either is missing.
    func load() throws -> ModelCatalog {
        for folder in [models, tenants] where !FileManager.default.fileExists(atPath: folder) {
            throw ValidationError("'\(folder)' does not exist. Run kokon from the project folder, or give --models and --tenants.")
        }
        return ModelCatalog.load(paths: [models], tenants: [tenants])
    }
}
