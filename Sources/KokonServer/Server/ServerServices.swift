public import Engine
import Foundation
public import Postgres
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
    }

    /// The case records of `tenant`, as the principal may see them.
    func records(_ tenant: String, principal: Principal, scope: RecordScope) throws -> CaseRecords {
        let boundary = try TenantBoundary(id: tenant, database: database)
        return CaseRecords(pool: pool, boundary: boundary, actor: "account:\(principal.account.id)", scope: scope)
    }
}
