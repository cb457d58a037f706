public import Engine
import Foundation
public import Postgres
import Synchronization
public import Templates

/// What the server's handlers share: the database (as the application's login role), the
/// programme catalogue, and the account stores built on them.
public struct ServerServices: Sendable {
    /// Connections as `kokon_app`, which reaches tenant data only through `SET LOCAL ROLE`.
    public let pool: ConnectionPool
    /// Programme templates and tenant files, as loaded and checked at start.
    public let catalog: ModelCatalog
    /// The database's name, which tenant role names carry.
    public let database: String
    /// How the server runs.
    public let configuration: ServerConfiguration
    /// Accounts and roles.
    public let accounts: AccountDirectory
    /// Browser sessions.
    public let sessions: BrowserSessions
    /// API tokens.
    public let tokens: APITokens
    /// Sign-in, with its throttle.
    public let signIn: SignIn
    /// Remembered answers to retried POSTs.
    public let idempotency: IdempotentRequests
    /// Request and pool metrics.
    public let metrics: ServerMetrics
    /// Token uses and household reads, written once a second.
    public let audit: AuditRecorder
    /// Evaluations kept until a municipality's records change (dashboard, household pages,
    /// publishing preview).
    public let evaluations = EvaluationCache()

    /// Services on `pool`, which must log in as the application role.
    public init(pool: ConnectionPool, catalog: ModelCatalog, configuration: ServerConfiguration) async throws {
        self.pool = pool
        self.catalog = catalog
        self.configuration = configuration
        database = try await TenantDirectory.database(pool)
        accounts = AccountDirectory(pool: pool)
        sessions = BrowserSessions(pool: pool)
        tokens = APITokens(pool: pool)
        signIn = SignIn(accounts: accounts, throttle: SignInThrottle(pool: pool, window: configuration.signInLockWindow), sessions: sessions)
        idempotency = IdempotentRequests(pool: pool)
        metrics = ServerMetrics(pool: pool)
        audit = AuditRecorder(tokens: tokens, reads: ReadAudit(pool: pool))
    }

    /// The municipalities set up in the database, looked up again when one is not among them.
    let applied = AppliedTenants()

    /// The case records of `tenant`, as the principal may see them.
    func records(_ tenant: String, principal: Principal, scope: RecordScope) async throws -> CaseRecords {
        guard try await applied.contains(tenant, pool: pool) else {
            throw Problem.notFound("municipality '\(tenant)' is not set up here; an administrator sets it up with `kokon tenant apply`")
        }
        let boundary = try TenantBoundary(id: tenant, database: database)
        return CaseRecords(pool: pool, boundary: boundary, actor: "account:\(principal.account.id)", scope: scope)
    }
}

/// The ids of the municipalities set up in the database, so a request for one that is not
/// costs no failed transaction, and one that is costs no lookup.
final class AppliedTenants: Sendable {
    private let ids = Mutex<Set<String>>([])

    func contains(_ id: String, pool: ConnectionPool) async throws -> Bool {
        if ids.withLock({ $0.contains(id) }) { return true }
        guard TenantID.isValid(id) else { return false }
        let fresh = Set(try await TenantDirectory(pool: pool, catalog: ModelCatalog()).list().filter { $0.appliedAt != nil }.map(\.id))
        ids.withLock { $0 = fresh }
        return fresh.contains(id)
    }
}
