public import Engine
import Foundation

/// Signing in with an e-mail address and a password, then a second-factor code where the
/// account has one.
///
/// Every refusal looks the same to the caller — a wrong password, an unknown address, a
/// disabled or locked account — and takes about as long (an unknown address is checked
/// against a decoy hash), so the answer never tells whether an account exists.
public struct SignIn: Sendable {
    /// The accounts.
    public let accounts: AccountDirectory
    /// Failed attempts, per account and per address.
    public let throttle: SignInThrottle
    /// Browser sessions.
    public let sessions: BrowserSessions

    /// The service.
    public init(accounts: AccountDirectory, throttle: SignInThrottle, sessions: BrowserSessions) {
        self.accounts = accounts
        self.throttle = throttle
        self.sessions = sessions
    }

    /// What came of an attempt.
    public enum Outcome: Sendable {
        /// A session was started; `cookie` is its id, for the browser only.
        case started(cookie: String, account: Account, awaitingSecondFactor: Bool)
        /// The password was right, but a network administrator must set up a second factor first.
        case secondFactorRequired
        /// Refused, for a reason the caller is not told.
        case refused
    }

    /// The one message every refused sign-in gets.
    public static let refusal = "Nieprawidłowy adres e-mail lub hasło albo logowanie jest chwilowo zablokowane. Spróbuj ponownie za kilka minut."

    /// Checks a password and starts a session; `previous` is the id hash of a session the
    /// browser already had, which ends so the id changes.
    public func attempt(email: String, password: String, address: String?, previous: String?) async throws -> Outcome {
        let subjects = SignInThrottle.subjects(email: email, address: address)
        switch try await throttle.verdict(subjects: subjects) {
        case .locked:
            _ = try await PasswordHasher.verify(password, hash: nil)
            return .refused
        case .delay(let wait):
            try await Task.sleep(for: wait)
        case .allow:
            break
        }
        let credentials = try await accounts.credentials(email: email)
        let matches = try await PasswordHasher.verify(password, hash: credentials?.passwordHash)
        guard matches, let credentials, !credentials.account.disabled else {
            try await throttle.recordFailure(subjects: subjects)
            return .refused
        }
        try await throttle.clear(email: email)
        let account = credentials.account
        if account.holds(.networkAdministrator) && credentials.secondFactor == nil { return .secondFactorRequired }
        let cookie = Secrets.random()
        let awaiting = credentials.secondFactor != nil
        try await sessions.start(
            idHash: Secrets.digest(cookie), account: account.id, csrfToken: Secrets.random(), awaitingSecondFactor: awaiting, replacing: previous)
        if !awaiting { try await accounts.recordSignIn(account: account.id) }
        return .started(cookie: cookie, account: account, awaitingSecondFactor: awaiting)
    }

    /// Checks the second-factor code of a session that is waiting for it; a wrong code counts
    /// as a failed sign-in.
    public func confirmSecondFactor(code: String, cookie: String, address: String?) async throws -> Bool {
        let idHash = Secrets.digest(cookie)
        guard let live = try await sessions.resume(idHash: idHash), live.awaitingSecondFactor,
            let credentials = try await accounts.credentials(email: live.account.email), let secret = credentials.secondFactor
        else { return false }
        let subjects = SignInThrottle.subjects(email: live.account.email, address: address)
        guard try await throttle.verdict(subjects: subjects) != .locked, SecondFactor.verify(code, secret: secret) else {
            try await throttle.recordFailure(subjects: subjects)
            return false
        }
        try await sessions.completeSecondFactor(idHash: idHash)
        try await accounts.recordSignIn(account: live.account.id)
        return true
    }
}
