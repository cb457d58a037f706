import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KokonServer
import KokonTestSupport
import Postgres
import Templates

/// Toruń and Warszawa on a fresh database, with records, an account per role and API tokens,
/// served by the real router over the application's login role.
struct ServerFixture: Sendable {
    /// Every account signs in with this password.
    static let password = "Kokon test password 2026"
    /// Its bcrypt hash, worked out once for every fixture: dozens of fixtures hashing at once
    /// would queue the live tests' sign-ins behind them on the same few pool threads.
    static let passwordHash = Task { try await PasswordHasher.hash(password) }

    let tenancy: TenancyFixture
    let services: ServerServices
    /// API tokens by name: torunWrite, torunRead, torunAny, expired, revoked, analyst, caseworker1, caseworker2, warszawa.
    let tokens: [String: String]
    /// The network administrator's second-factor secret.
    let adminSecret: String

    /// Toruń and Warszawa set up with `applied` (the shipped templates unless a test changes
    /// what the municipalities adopt), served with `catalog` (the shipped one unless a test
    /// changes a template the server reads).
    static func with<Value>(
        configuration: ServerConfiguration = ServerConfiguration(port: 0), serving catalog: ModelCatalog = TenancyFixture.shipped,
        applying applied: ModelCatalog = TenancyFixture.shipped, _ body: (ServerFixture) async throws -> Value
    ) async throws -> Value {
        try await TenancyFixture.with(applying: ["torun", "warszawa"], catalog: applied) { tenancy in
            let admin = tenancy.admin
            let torun = try await CaseRecords(pool: admin, tenant: "torun", actor: "test")
            let examples = TenancyFixture.root.appending(path: "examples/records/torun")
            for kind in ["households", "persons", "staff", "enrolments", "assignments", "plans", "goals", "sessions", "attendance"] {
                try await torun.importFile(RecordKind.named(kind)!, path: examples.appending(path: "\(kind).csv").path)
            }
            let warszawa = try await CaseRecords(pool: admin, tenant: "warszawa", actor: "test")
            try await warszawa.write(.households, [["code": "W-1", "area": "nowa-praga", "size": "3"], ["code": "W-2", "area": "stara-praga", "size": "2"]])
            try await warszawa.write(.persons, [["code": "WP-1", "household": "W-1", "birth_year": "1990", "relation": "head"]])

            let directory = AccountDirectory(pool: admin)
            let hash = try await passwordHash.value
            let accounts: [(String, RoleGrant)] = [
                ("coordinator@torun.test", RoleGrant(role: .coordinator, tenant: "torun")),
                ("caseworker1@torun.test", RoleGrant(role: .caseworker, tenant: "torun", staff: "S-1")),
                ("caseworker2@torun.test", RoleGrant(role: .caseworker, tenant: "torun", staff: "S-2")),
                ("coordinator@warszawa.test", RoleGrant(role: .coordinator, tenant: "warszawa")),
                ("analyst@network.test", RoleGrant(role: .analyst)),
                ("methodologist@network.test", RoleGrant(role: .methodologist)),
                ("admin@network.test", RoleGrant(role: .networkAdministrator)),
            ]
            for (email, grant) in accounts {
                try await directory.create(email: email, displayName: String(email.split(separator: "@")[0]), passwordHash: hash, grant: grant)
            }
            let adminSecret = Secrets.secondFactorSecret()
            try await directory.setSecondFactor(adminSecret, account: try await directory.find(email: "admin@network.test")!.id)

            let store = APITokens(pool: admin)
            let later = Date().addingTimeInterval(86400)
            var tokens: [String: String] = [:]
            func make(_ name: String, _ email: String, tenant: String?, scope: APITokens.Scope, expires: Date = later) async throws -> Int64 {
                let token = Secrets.apiToken()
                tokens[name] = token
                return try await store.create(hash: Secrets.digest(token), email: email, tenant: tenant, scope: scope, expiresAt: expires)
            }
            _ = try await make("torunWrite", "coordinator@torun.test", tenant: "torun", scope: .write)
            _ = try await make("torunRead", "coordinator@torun.test", tenant: "torun", scope: .read)
            _ = try await make("torunAny", "coordinator@torun.test", tenant: nil, scope: .write)
            _ = try await make("expired", "coordinator@torun.test", tenant: "torun", scope: .write, expires: Date().addingTimeInterval(-60))
            let revoked = try await make("revoked", "coordinator@torun.test", tenant: "torun", scope: .write)
            try await store.revoke(id: revoked)
            _ = try await make("analyst", "analyst@network.test", tenant: nil, scope: .read)
            _ = try await make("caseworker1", "caseworker1@torun.test", tenant: "torun", scope: .write)
            _ = try await make("caseworker2", "caseworker2@torun.test", tenant: "torun", scope: .write)
            _ = try await make("warszawa", "coordinator@warszawa.test", tenant: "warszawa", scope: .write)
            _ = try await make("admin", "admin@network.test", tenant: nil, scope: .write)

            let services = try await ServerServices(pool: tenancy.app, catalog: catalog, configuration: configuration)
            return try await body(ServerFixture(tenancy: tenancy, services: services, tokens: tokens, adminSecret: adminSecret))
        }
    }

    /// The application on loopback (port chosen by the system).
    var application: some ApplicationProtocol {
        Application(router: KokonServer.router(services: services), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// Runs `body` against the application on loopback, taking turns with the other tests
    /// that do: each signs in through bcrypt at cost 12 on the machine's few pool threads, and
    /// all of them at once queue sign-ins past the test client's 20-second timeout.
    func onLoopback<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await LoopbackTurns.shared.take {
            try await application.test(.live, body)
        }
    }

    /// Headers with a bearer token.
    func bearer(_ name: String) -> HTTPFields {
        [.authorization: "Bearer \(tokens[name]!)"]
    }

    /// How many households Toruń holds, counted by the administrator.
    func count(_ table: String, in tenant: String = "torun") async throws -> Int {
        let records = try await CaseRecords(pool: tenancy.admin, tenant: tenant, actor: "test")
        let kind = RecordKind.named(table)!
        return try await records.count(kind)
    }

    /// Lets `minutes` pass for the sign-in throttle by moving every recorded failure back.
    func ageSignInFailures(minutes: Int) async throws {
        try await tenancy.admin.query("UPDATE kokon.sign_in_failures SET at = at - make_interval(mins => \(minutes)::integer)")
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}

/// JSON bodies for requests.
func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

let jsonHeaders: HTTPFields = [.contentType: "application/json"]

func merged(_ a: HTTPFields, _ b: HTTPFields) -> HTTPFields {
    var result = a
    for field in b { result.append(field) }
    return result
}

/// At most three real-server tests at a time.
actor LoopbackTurns {
    static let shared = LoopbackTurns(limit: 3)

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func take<Value: Sendable>(_ body: @Sendable () async throws -> Value) async throws -> Value {
        if running < limit {
            running += 1
        } else {
            // The one finishing hands its turn straight over, so `running` stays counted.
            await withCheckedContinuation { waiting.append($0) }
        }
        defer {
            if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
