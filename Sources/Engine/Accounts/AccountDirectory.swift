import Foundation
public import Postgres

/// The accounts in the catalogue, with their roles: created and changed by administrators
/// (`kokon account …`), read by the server on every sign-in.
///
/// Password hashes are made above this layer (bcrypt, in the server); this type only stores
/// them and never sees a password.
public struct AccountDirectory: Sendable {
    /// The database, as the application's login role or an administrator.
    public let pool: ConnectionPool

    /// The directory of the database `pool` reaches.
    public init(pool: ConnectionPool) { self.pool = pool }

    /// The longest e-mail address an account may have.
    public static let maximumEmailLength = 254

    /// Whether `email` looks like an address: one `@`, a dot in the domain, no spaces.
    public static func isEmail(_ email: String) -> Bool {
        guard email.count <= maximumEmailLength, !email.contains(where: \.isWhitespace) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    /// Creates an account with its first role; throws ``AccountError/duplicateEmail(_:)`` if
    /// the address (in any case) is taken. Nothing is written unless everything fits.
    @discardableResult
    public func create(email: String, displayName: String, passwordHash: String, grant: RoleGrant) async throws -> Account {
        guard Self.isEmail(email) else { throw AccountError.invalidEmail(email) }
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...120).contains(name.count) else { throw AccountError.invalidGrant("the display name must have 1 to 120 characters") }
        try await checkStaff(of: grant)
        return try await pool.transaction { session in
            let taken = try await session.query("SELECT EXISTS (SELECT 1 FROM kokon.accounts WHERE lower(email) = lower(\(email))) AS taken")
                .scalar(Bool.self)
            guard !taken else { throw AccountError.duplicateEmail(email) }
            let id = try await session.query(
                """
                INSERT INTO kokon.accounts (email, display_name, password_hash) VALUES (\(email), \(name), \(passwordHash)) RETURNING id
                """
            ).scalar(Int64.self)
            try await Self.insert(grant, account: id, on: session)
            return try await Self.load(id: id, on: session)!
        }
    }

    /// Every account, by e-mail address.
    public func list() async throws -> [Account] {
        try await pool.withSession { session in
            let ids = try await session.query("SELECT id FROM kokon.accounts ORDER BY lower(email)").rows.map { try $0.decode("id", as: Int64.self) }
            var accounts: [Account] = []
            for id in ids { if let account = try await Self.load(id: id, on: session) { accounts.append(account) } }
            return accounts
        }
    }

    /// The account with this address (in any case), or nil.
    public func find(email: String) async throws -> Account? {
        try await pool.withSession { session in
            guard let id = try await session.query("SELECT id FROM kokon.accounts WHERE lower(email) = lower(\(email))").first else { return nil }
            return try await Self.load(id: try id.decode("id", as: Int64.self), on: session)
        }
    }

    /// The account with this number, or nil.
    public func find(id: Int64) async throws -> Account? {
        try await pool.withSession { try await Self.load(id: id, on: $0) }
    }

    /// What sign-in needs: the account and its password hash and second-factor secret.
    public func credentials(email: String) async throws -> (account: Account, passwordHash: String, secondFactor: String?)? {
        try await pool.withSession { session in
            guard
                let row = try await session.query(
                    "SELECT id, password_hash, totp_secret FROM kokon.accounts WHERE lower(email) = lower(\(email))"
                ).first,
                let account = try await Self.load(id: try row.decode("id", as: Int64.self), on: session)
            else { return nil }
            return (account, try row.decode("password_hash"), try row.decode("totp_secret", as: String?.self))
        }
    }

    /// Disables or enables an account; disabling also ends its browser sessions.
    public func setDisabled(_ disabled: Bool, email: String) async throws {
        try await pool.transaction { session in
            let id = try await Self.id(of: email, on: session)
            try await session.query("UPDATE kokon.accounts SET disabled = \(disabled) WHERE id = \(id)")
            if disabled { try await session.query("DELETE FROM kokon.browser_sessions WHERE account = \(id)") }
        }
    }

    /// Replaces the password hash and ends every browser session of the account.
    public func setPasswordHash(_ hash: String, email: String) async throws {
        try await pool.transaction { session in
            let id = try await Self.id(of: email, on: session)
            try await session.query("UPDATE kokon.accounts SET password_hash = \(hash) WHERE id = \(id)")
            try await session.query("DELETE FROM kokon.browser_sessions WHERE account = \(id)")
        }
    }

    /// Sets (or with nil removes) the second factor's secret.
    public func setSecondFactor(_ secret: String?, account: Int64) async throws {
        try await pool.query("UPDATE kokon.accounts SET totp_secret = \(secret) WHERE id = \(account)")
    }

    /// Records a successful sign-in.
    public func recordSignIn(account: Int64) async throws {
        try await pool.query("UPDATE kokon.accounts SET last_sign_in_at = now() WHERE id = \(account)")
    }

    /// Adds a role; a grant held already is left as it is.
    public func grant(_ grant: RoleGrant, to email: String) async throws {
        try await checkStaff(of: grant)
        try await pool.transaction { session in
            let id = try await Self.id(of: email, on: session)
            try await Self.insert(grant, account: id, on: session)
        }
    }

    /// Removes a role.
    public func revoke(_ grant: RoleGrant, from email: String) async throws {
        try await pool.transaction { session in
            let id = try await Self.id(of: email, on: session)
            let removed = try await session.query(
                """
                DELETE FROM kokon.account_roles WHERE account = \(id) AND role = \(grant.role) AND tenant IS NOT DISTINCT FROM \(grant.tenant)
                """
            ).affectedRows
            guard removed == 1 else { throw AccountError.notGranted(grant.summary) }
        }
    }

    /// A caseworker's staff code must be recorded in their municipality: it is what decides
    /// which households they see.
    func checkStaff(of grant: RoleGrant) async throws {
        guard grant.role == .caseworker, let tenant = grant.tenant, let staff = grant.staff else { return }
        try await pool.withSession { try await Self.requireTenant(tenant, on: $0) }
        let records = try await CaseRecords(pool: pool, tenant: tenant, actor: "kokon account")
        let found = try await records.transaction { session in
            try await session.query("SELECT EXISTS (SELECT 1 FROM staff WHERE code = \(staff)) AS found").scalar(Bool.self)
        }
        guard found else { throw AccountError.unknownStaff(tenant: tenant, staff: staff) }
    }

    /// Throws ``AccountError/unknownTenant(_:)`` unless the municipality is set up here.
    static func requireTenant(_ tenant: String, on session: Session) async throws {
        guard try await session.query("SELECT EXISTS (SELECT 1 FROM kokon.tenants WHERE id = \(tenant)) AS found").scalar(Bool.self) else {
            throw AccountError.unknownTenant(tenant)
        }
    }

    static func id(of email: String, on session: Session) async throws -> Int64 {
        guard let row = try await session.query("SELECT id FROM kokon.accounts WHERE lower(email) = lower(\(email))").first else {
            throw AccountError.unknownAccount(email)
        }
        return try row.decode("id", as: Int64.self)
    }

    /// Checks a grant's parts and stores it.
    static func insert(_ grant: RoleGrant, account: Int64, on session: Session) async throws {
        switch (grant.role.isPerMunicipality, grant.tenant) {
        case (true, nil):
            throw AccountError.invalidGrant("a \(grant.role.rawValue) works in one municipality; add --tenant ID")
        case (false, .some):
            throw AccountError.invalidGrant("a \(grant.role.rawValue) is not tied to one municipality; leave out --tenant")
        default: break
        }
        if grant.role == .caseworker, grant.staff == nil {
            throw AccountError.invalidGrant("a caseworker is one of the municipality's staff; add --staff CODE (their staff code there)")
        }
        if grant.role != .caseworker, grant.staff != nil {
            throw AccountError.invalidGrant("only a caseworker has a staff code; leave out --staff")
        }
        if let tenant = grant.tenant { try await requireTenant(tenant, on: session) }
        try await session.query(
            """
            INSERT INTO kokon.account_roles (account, role, tenant, staff) VALUES (\(account), \(grant.role), \(grant.tenant), \(grant.staff))
            ON CONFLICT (account, role, tenant) DO UPDATE SET staff = EXCLUDED.staff
            """)
    }

    static func load(id: Int64, on session: Session) async throws -> Account? {
        let sql: SQL = "SELECT \(accountColumns) FROM kokon.accounts a WHERE a.id = \(id)"
        return try await session.query(sql.prepared()).first.map(account)
    }

    /// The columns ``account(_:)`` reads, for any query over `kokon.accounts a`: one round
    /// trip brings an account with its roles.
    ///
    /// The roles come as one text array, `role:tenant:staff` per role (neither a tenant id nor
    /// a pseudonymous code may hold a colon), read by one subquery and put in order here.
    /// Every API request reads them with its token, so the server parses no JSON for them,
    /// and PostgreSQL sorts nothing (docs/benchmarks.md).
    static let accountColumns: SQL = """
        a.id AS account_id, a.email, a.display_name, a.disabled, a.totp_secret IS NOT NULL AS second_factor, a.created_at, a.last_sign_in_at,
        ARRAY(SELECT r.role || ':' || coalesce(r.tenant, '') || ':' || coalesce(r.staff, '') FROM kokon.account_roles r WHERE r.account = a.id) AS grants
        """

    /// The account in a row selected with ``accountColumns``.
    static func account(_ row: Row) throws -> Account {
        Account(
            id: try row.decode("account_id"), email: try row.decode("email"), displayName: try row.decode("display_name"),
            disabled: try row.decode("disabled"), hasSecondFactor: try row.decode("second_factor"),
            createdAt: try row.decode("created_at"), lastSignInAt: try row.decode("last_sign_in_at", as: Date?.self),
            grants: try grants(row))
    }

    /// The roles in a row selected with ``accountColumns``, by role, then municipality; an
    /// empty tenant or staff code is none.
    private static func grants(_ row: Row) throws -> [RoleGrant] {
        try row.decode("grants", as: [String].self).map { text in
            let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let role = AccountRole(rawValue: String(parts[0])) else { throw PostgresValueError("expected role:tenant:staff, found '\(text)'") }
            return RoleGrant(role: role, tenant: parts[1].isEmpty ? nil : String(parts[1]), staff: parts[2].isEmpty ? nil : String(parts[2]))
        }.sorted { ($0.role.rawValue, $0.tenant ?? "") < ($1.role.rawValue, $1.tenant ?? "") }
    }
}
