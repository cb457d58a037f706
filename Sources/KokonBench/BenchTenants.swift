public import Templates

/// Example municipalities for the benchmarks: `bench_0001`, `bench_0002`, … adopting the
/// Toruń model, each a complete tenant file checked like any other.
public enum BenchTenants {
    /// The id of the `index`th example tenant.
    public static func id(_ index: Int) -> String {
        "bench_" + String(repeating: "0", count: max(0, 4 - String(index).count)) + String(index)
    }

    /// The shipped models in `models` plus `count` example tenants.
    public static func catalog(models: String, count: Int) throws(BenchError) -> ModelCatalog {
        try catalog(models: models, ids: (1...max(count, 1)).map(id))
    }

    /// The shipped models in `models` plus example tenants with the given ids.
    public static func catalog(models: String, ids: [String]) throws(BenchError) -> ModelCatalog {
        var catalog = ModelCatalog.load(paths: [models])
        for id in ids {
            catalog.add(bytes: Array(file(id: id).utf8), path: "tenants/\(id).yaml", kind: .tenant)
        }
        catalog.checkAll()
        if catalog.diagnostics.hasErrors {
            throw BenchError(catalog.diagnostics.errors.map { catalog.render($0) }.joined(separator: "\n"))
        }
        return catalog
    }

    /// One example tenant file.
    public static func file(id: String) -> String {
        """
        id: \(id)
        name: Gmina testowa \(id)
        teryt: "0462011"
        voivodeship: kujawsko-pomorskie
        example: true
        areas: [{id: centrum, name: Centrum}, {id: osiedle, name: Osiedle}]
        partners: [{id: ops, name: Ośrodek Pomocy Społecznej, sector: public}]
        adoptions:
          - model: wygrana-rodzina@1
            period: {start: 2025-01-01, end: 2026-12-31}
            targets: {families: 30}
            staff: [{role: family-assistant, count: 2, organisation: ops}]

        """
    }
}

/// A benchmark that could not be set up or whose result is wrong.
public struct BenchError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// An error with its message.
    public init(_ description: String) { self.description = description }
}

/// Progress of a long step: how many of how many are done.
public typealias BenchProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// Which build the figures come from: a deployment runs a release build.
public enum BuildConfiguration {
    /// `release` or `debug`.
    public static var name: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }
}
