import Engine
import Templates

/// Setting up many municipalities at once, as a network administrator would.
public enum ProvisionBench {
    /// Migrates the catalogue, then sets up `count` example tenants, `parallel` at a time;
    /// returns the seconds the set-up took.
    public static func run(
        _ database: ThrowawayDatabase, models: String, count: Int, parallel: Int,
        progress: @escaping BenchProgress
    ) async throws -> Double {
        let catalog = try BenchTenants.catalog(models: models, count: count)
        try await Catalogue.migrate(database.pool)
        let done = Counter()
        let started = ContinuousClock.now
        let plans = try await TenantDirectory(pool: database.pool, catalog: catalog).apply(parallel: parallel) { _ in
            progress(done.increment(), count)
        }
        let seconds = started.secondsElapsed
        guard plans.count == count, plans.allSatisfy({ !$0.isEmpty }) else { throw BenchError("not every tenant was set up") }
        return seconds
    }
}
