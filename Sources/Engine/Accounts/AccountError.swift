/// Why an account could not be created or changed; each case says what to do.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No account has this e-mail address.
    case unknownAccount(String)
    /// An account with this e-mail address exists already.
    case duplicateEmail(String)
    /// The e-mail address is not one.
    case invalidEmail(String)
    /// The grant's parts do not fit the role.
    case invalidGrant(String)
    /// The municipality has not been set up in this database.
    case unknownTenant(String)
    /// The caseworker's staff code is not recorded in the municipality.
    case unknownStaff(tenant: String, staff: String)
    /// The account does not hold the grant to revoke.
    case notGranted(String)
    /// The password does not meet the rules.
    case weakPassword(String)

    public var description: String {
        switch self {
        case .unknownAccount(let email):
            "there is no account '\(email)'; `kokon account list` shows the accounts"
        case .duplicateEmail(let email):
            "an account '\(email)' exists already; grant it another role with `kokon account grant`"
        case .invalidEmail(let email):
            "'\(email)' is not an e-mail address (expected name@domain.pl, at most 254 characters)"
        case .invalidGrant(let problem):
            problem
        case .unknownTenant(let tenant):
            "municipality '\(tenant)' is not set up in this database; see `kokon tenant list`, then `kokon tenant apply`"
        case .unknownStaff(let tenant, let staff):
            "staff code '\(staff)' is not recorded in \(tenant); import the staff member first (kokon import \(tenant) staff FILE.csv)"
        case .notGranted(let grant):
            "the account does not hold '\(grant)'; `kokon account list` shows its roles"
        case .weakPassword(let problem):
            problem
        }
    }
}
