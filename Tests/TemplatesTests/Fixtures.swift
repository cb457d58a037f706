@testable import Templates

/// Builds catalogs from in-memory files, so each test states exactly what it loads.
enum Fixtures {
    static let valid = """
        id: test-programme
        version: 1.0.0
        name: Program testowy
        participation:
          unit: family
          minimum_duration: 18 months
        roles:
          - id: mentor
            name: mentor
            caseload: {max: 12}
        plans:
          - id: individual-development-plan
            name: indywidualny plan rozwoju
        components:
          - id: core-work
            name: Praca z rodziną
            roles: [mentor]
            requires_plan: individual-development-plan
        indicators:
          - id: families
            name: rodziny
            kind: output
            measure: {type: count, subject: families}

        """

    static func catalog(_ files: [(String, String)], components: [(String, String)] = [], tenants: [(String, String)] = []) -> ModelCatalog {
        catalog(bytes: files.map { ($0.0, Array($0.1.utf8)) }, components: components, tenants: tenants)
    }

    static func catalog(bytes files: [(String, [UInt8])], components: [(String, String)] = [], tenants: [(String, String)] = []) -> ModelCatalog {
        var catalog = ModelCatalog()
        for (path, text) in components { catalog.add(bytes: Array(text.utf8), path: path, kind: .component) }
        for (path, bytes) in files { catalog.add(bytes: bytes, path: path, kind: .programme) }
        for (path, text) in tenants { catalog.add(bytes: Array(text.utf8), path: path, kind: .tenant) }
        catalog.checkAll()
        return catalog
    }

    /// The first line of each rendered diagnostic: `file:line:column: severity: message`.
    static func headlines(_ catalog: ModelCatalog) -> [String] {
        catalog.diagnostics.sorted.map { catalog.render($0).split(separator: "\n")[0].description }
    }
}
