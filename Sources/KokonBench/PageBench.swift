import Engine
import Foundation
import KokonServer
public import Logging
import Postgres
public import Templates

/// The casework pages on a municipality's data: each page requested over and over by one
/// signed-in coordinator through `wrk` (one connection, so a request's latency is the time
/// the server takes to answer it), on a server on loopback.
public struct PageBench: Sendable {
    /// The programme and tenant templates the data was made from.
    public let catalog: ModelCatalog
    /// The municipality whose pages are measured.
    public let tenant: String
    /// Seconds per page.
    public let seconds: Int

    /// A bench of `tenant`'s pages.
    public init(catalog: ModelCatalog, tenant: String, seconds: Int) {
        self.catalog = catalog
        self.tenant = tenant
        self.seconds = seconds
    }

    /// One page's figures.
    public struct Result: Sendable {
        /// The page's address, with the household's code replaced by `{code}`.
        public let page: String
        /// Requests answered per second.
        public let rate: Double
        /// Median and 99th-percentile latency, in milliseconds (wrk reports these; the 99th
        /// is an upper bound of the 95th the target names).
        public let p50: Double
        public let p99: Double
        /// The page's size in bytes.
        public let bytes: Int
        /// The first view's time, in milliseconds: figures the server keeps until the records
        /// change (dashboard, household, publishing) are made on this one.
        public let first: Double
        /// Answers that were not 200.
        public let failures: Int
    }

    /// Serves the database's data, signs a coordinator in and times every page in turn.
    public func run(_ database: ThrowawayDatabase, logger: Logger, progress: (String) -> Void) async throws -> [Result] {
        let wrk = try APIBench.requireTools().wrk
        let hash = try await PasswordHasher.hash("bench password \(UUID().uuidString)")
        let accounts = AccountDirectory(pool: database.pool)
        let account = try await accounts.create(
            email: "coordinator@pages.bench", displayName: "Koordynator (pomiar)", passwordHash: hash, grant: RoleGrant(role: .coordinator, tenant: tenant))
        let cookie = Secrets.random()
        try await BrowserSessions(pool: database.pool).start(
            idHash: Secrets.digest(cookie), account: account.id, csrfToken: Secrets.random(), awaitingSecondFactor: false, replacing: nil)
        // The household whose members attended most sessions: the longest household page.
        let schema = try database.boundary(of: tenant).schema
        guard
            let household = try await database.pool.query(
                """
                SELECT p.household FROM \(try schema.appending("attendance")) a JOIN \(try schema.appending("person")) p ON p.code = a.person
                GROUP BY p.household ORDER BY count(*) DESC, p.household LIMIT 1
                """
            ).first.map({ try $0.decode("household", as: String.self) })
        else { throw BenchError("\(tenant) has no household with sessions to show") }

        return try await LoopbackServer.serving(database, catalog: catalog, connections: 4, logger: logger) { port in
            let escaped = household.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? household
            let pages = [
                ("/m/\(tenant)/households", "/m/\(tenant)/households"), ("/m/\(tenant)/households/{code}", "/m/\(tenant)/households/\(escaped)"),
                ("/m/\(tenant)/households/new", "/m/\(tenant)/households/new"), ("/m/\(tenant)/dashboard", "/m/\(tenant)/dashboard"),
                ("/m/\(tenant)/adaptations", "/m/\(tenant)/adaptations"), ("/m/\(tenant)/import", "/m/\(tenant)/import"),
                ("/m/\(tenant)/publish", "/m/\(tenant)/publish"), ("/", "/"),
            ]
            var results: [Result] = []
            for (name, path) in pages {
                progress("\(name): \(seconds) s")
                let url = "http://127.0.0.1:\(port)\(path)"
                let (bytes, first) = try await Self.firstView(of: url, cookie: cookie)
                let output = try await APIBench.execute(
                    wrk, ["-t", "1", "-c", "1", "-d", "\(seconds)s", "--latency", "-H", "Cookie: kokon_session=\(cookie)", url])
                guard let rate = APIBench.number(after: "Requests/sec:", in: output), let p50 = APIBench.latency(percentile: "50%", in: output),
                    let p99 = APIBench.latency(percentile: "99%", in: output)
                else { throw BenchError("wrk printed no rate or latency for \(name):\n\(output)") }
                let failures = APIBench.number(after: "Non-2xx or 3xx responses:", in: output).map { Int($0) } ?? 0
                results.append(Result(page: name, rate: rate, p50: p50, p99: p99, bytes: bytes, first: first, failures: failures))
            }
            return results
        }
    }

    /// The page's size and how long it took, fetched once by curl before any other request.
    static func firstView(of url: String, cookie: String) async throws -> (bytes: Int, milliseconds: Double) {
        let output = try await APIBench.execute(
            "/usr/bin/env", ["curl", "-s", "-o", "/dev/null", "-w", "%{size_download} %{time_total}", "-H", "Cookie: kokon_session=\(cookie)", url])
        let parts = output.split(separator: " ")
        guard parts.count == 2, let bytes = Int(parts[0]), let seconds = Double(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("curl printed '\(output)' for \(url)")
        }
        return (bytes, seconds * 1000)
    }
}
