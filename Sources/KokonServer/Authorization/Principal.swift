public import Engine

/// Who a request comes from: an account, signed in through a browser session or an API token.
public struct Principal: Sendable {
    /// How the request proved who it is.
    public enum Credential: Sendable {
        /// A browser session: its id hash (to end it) and its CSRF token.
        case browser(idHash: String, csrfToken: String)
        /// An API token, possibly narrowed to one municipality and to reading.
        case token(id: Int64, tenant: String?, scope: APITokens.Scope)
    }

    /// The account, with its roles as they are now.
    public let account: Account
    /// The credential.
    public let credential: Credential

    /// A principal.
    public init(account: Account, credential: Credential) {
        self.account = account
        self.credential = credential
    }
}
