import Engine
import Foundation
import KokonServer
public import Postgres

/// One account per role for trying the server on the demo data: a coordinator and a
/// caseworker in Toruń, an analyst, a methodologist and a network administrator (with a
/// second factor, as that role requires). Every run gives them new passwords, printed once,
/// so a newcomer who lost them only runs the demo again. They live under `demo.kokon.pl`.
public struct DemoAccounts: Sendable {
    /// The database.
    public let pool: ConnectionPool

    /// Demo accounts on the database `pool` reaches.
    public init(pool: ConnectionPool) { self.pool = pool }

    /// An account made or refreshed by the demo.
    public struct Made: Sendable {
        /// Its e-mail address.
        public let email: String
        /// Its new password.
        public let password: String
        /// What it may do, in Polish.
        public let role: String
        /// The authenticator address of a second factor, for the administrator.
        public let secondFactor: String?
    }

    /// Creates the accounts, or gives existing ones new passwords; the caseworker works as the
    /// first family assistant of the municipality's synthetic staff.
    public func prepare(tenant: String = "torun") async throws -> [Made] {
        let records = try await CaseRecords(pool: pool, tenant: tenant, actor: "kokon demo")
        let staff = try await records.list(.staff, filters: ["role": "family-assistant"], limit: 1).records.first
        let staffCode = try staff.map { try $0.decode([String: String?].self)["code"].flatMap { $0 } } ?? nil
        var plan: [(String, RoleGrant)] = [
            ("koordynator.\(tenant)@demo.kokon.pl", RoleGrant(role: .coordinator, tenant: tenant)),
            ("analityk@demo.kokon.pl", RoleGrant(role: .analyst)),
            ("metodyk@demo.kokon.pl", RoleGrant(role: .methodologist)),
            ("administrator@demo.kokon.pl", RoleGrant(role: .networkAdministrator)),
        ]
        if let staffCode { plan.insert(("asystent.\(tenant)@demo.kokon.pl", RoleGrant(role: .caseworker, tenant: tenant, staff: staffCode)), at: 1) }
        let directory = AccountDirectory(pool: pool)
        var made: [Made] = []
        for (email, grant) in plan {
            let password = Self.passphrase()
            let hash = try await PasswordHasher.hash(password)
            if try await directory.find(email: email) == nil {
                try await directory.create(email: email, displayName: email.split(separator: "@")[0].capitalized, passwordHash: hash, grant: grant)
            } else {
                try await directory.setPasswordHash(hash, email: email)
                try await directory.grant(grant, to: email)
            }
            var secondFactor: String?
            if grant.role == .networkAdministrator, let account = try await directory.find(email: email) {
                let secret = Secrets.secondFactorSecret()
                try await directory.setSecondFactor(secret, account: account.id)
                secondFactor = SecondFactor.authenticatorURL(secret: secret, email: email)
            }
            made.append(Made(email: email, password: password, role: grant.role.polishName, secondFactor: secondFactor))
        }
        return made
    }

    /// Three random Polish-looking syllable groups: easy to type, hard to guess.
    static func passphrase() -> String {
        let syllables = ["ka", "to", "ru", "mi", "no", "le", "sa", "wi", "po", "ze", "da", "be", "go", "ju", "fi", "ty"]
        var generator = SystemRandomNumberGenerator()
        return (0..<3).map { _ in (0..<3).map { _ in syllables.randomElement(using: &generator)! }.joined() }.joined(separator: "-")
            + "-\(Int.random(in: 10...99, using: &generator))"
    }
}
