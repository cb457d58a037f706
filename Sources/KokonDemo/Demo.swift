import Engine
public import Foundation
public import Postgres
import Reporting
public import Templates

/// The main job, as a library so tests can run it: every municipality set up, synthetic
/// records written, evaluated, published, and a report written for each municipality and
/// each model.
public struct Demo: Sendable {
    /// What was written where.
    public struct Outcome: Sendable {
        /// Network reports: model name, HTML file, municipalities compared.
        public let networkReports: [(model: String, file: URL, municipalities: Int)]
        /// Municipality reports: tenant id and HTML file.
        public let tenantReports: [(tenant: String, file: URL)]
    }

    /// The database (already migrated).
    public let pool: ConnectionPool
    /// Checked models and tenants.
    public let catalog: ModelCatalog
    /// Seed for the synthetic records.
    public let seed: UInt64
    /// How much to make.
    public let size: SyntheticRecords.Size
    /// The folder for reports.
    public let output: URL

    /// A demo run.
    public init(pool: ConnectionPool, catalog: ModelCatalog, seed: UInt64, size: SyntheticRecords.Size, output: URL) {
        self.pool = pool
        self.catalog = catalog
        self.seed = seed
        self.size = size
        self.output = output
    }

    /// Said at the top of every report the demo writes.
    var syntheticNotice: String { "Dane syntetyczne wygenerowane przez kokon demo (ziarno \(seed)) – nie opisują prawdziwych rodzin." }

    /// Runs it; `progress` receives one line per step.
    public func run(progress: (String) -> Void) async throws -> Outcome {
        progress("Setting up municipalities")
        let plans = try await TenantDirectory(pool: pool, catalog: catalog).apply(actor: "kokon demo", parallel: 2)
        progress("\(plans.filter { !$0.isEmpty }.count) set up or updated, \(plans.filter(\.isEmpty).count) already up to date")
        let programmes = Dictionary(uniqueKeysWithValues: catalog.programmes.map { ($0.reference, $0) })
        let tenantFolder = output.appending(path: "tenants")
        try FileManager.default.createDirectory(at: tenantFolder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var tenantReports: [(String, URL)] = []
        for tenant in catalog.tenants {
            let records = try await CaseRecords(pool: pool, tenant: tenant.id, actor: "kokon demo (synthetic data)")
            let written = try await SyntheticRecords(records: records, tenant: tenant, seed: seed, size: size).generate(programmes: programmes)
            let evaluations = try await Evaluator(records: records).evaluate()
            let file = tenantFolder.appending(path: "\(tenant.id).html")
            try Reporting.tenantHTML(tenant: tenant, evaluations: evaluations, notice: syntheticNotice).write(to: file, atomically: true, encoding: .utf8)
            try encoder.encode(evaluations).write(to: tenantFolder.appending(path: "\(tenant.id).json"))
            let published = try await Publisher(records: records, tenant: tenant).publish()
            let scores = evaluations.map { "\($0.adoption) \(Int($0.fidelity.score.rounded()))/100" }.joined(separator: ", ")
            progress("\(tenant.name): \(written) synthetic rows written; fidelity \(scores); \(published.cells) figures published, \(published.suppressed) hidden")
            tenantReports.append((tenant.id, file))
        }
        let networkFolder = output.appending(path: "network")
        try FileManager.default.createDirectory(at: networkFolder, withIntermediateDirectories: true)
        var networkReports: [(String, URL, Int)] = []
        for model in try await PublishedFigures.models(pool) {
            let report = NetworkReport(model: model.id, period: "all", figures: try await PublishedFigures.read(pool, model: model.id, period: "all"))
            let file = networkFolder.appending(path: "\(model.id).html")
            try report.html(notice: syntheticNotice).write(to: file, atomically: true, encoding: .utf8)
            try Data(report.csv().utf8).write(to: networkFolder.appending(path: "\(model.id).csv"))
            try report.json().write(to: networkFolder.appending(path: "\(model.id).json"), atomically: true, encoding: .utf8)
            networkReports.append((model.name, file, report.rows.count))
        }
        return Outcome(networkReports: networkReports, tenantReports: tenantReports)
    }
}
