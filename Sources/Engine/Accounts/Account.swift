public import Foundation

/// A person who signs in to Kokon's server: staff of a municipality, a methodologist, an
/// analyst or an administrator. Never a family member.
public struct Account: Sendable, Hashable {
    /// The account's number.
    public let id: Int64
    /// The e-mail address it signs in with (unique whatever its case).
    public let email: String
    /// The name shown on pages.
    public let displayName: String
    /// A disabled account cannot sign in, and its sessions and tokens stop working at once.
    public let disabled: Bool
    /// Whether a second factor (TOTP) is set up.
    public let hasSecondFactor: Bool
    /// When it was created.
    public let createdAt: Date
    /// When it last signed in, if ever.
    public let lastSignInAt: Date?
    /// What it may do.
    public let grants: [RoleGrant]

    /// Whether the account holds `role` (in `tenant`, for roles of one municipality).
    public func holds(_ role: AccountRole, in tenant: String? = nil) -> Bool {
        grants.contains { $0.role == role && (tenant == nil || $0.tenant == tenant) }
    }
}

/// One role held by an account.
public struct RoleGrant: Sendable, Hashable, Codable {
    /// The role.
    public let role: AccountRole
    /// The municipality, for coordinators and caseworkers.
    public let tenant: String?
    /// A caseworker's staff code in that municipality.
    public let staff: String?

    /// A grant; ``AccountDirectory/grant(_:to:)`` checks that its parts fit together.
    public init(role: AccountRole, tenant: String? = nil, staff: String? = nil) {
        self.role = role
        self.tenant = tenant
        self.staff = staff
    }

    /// "coordinator in torun", "analyst".
    public var summary: String {
        var text = role.rawValue
        if let tenant { text += " in \(tenant)" }
        if let staff { text += " as staff \(staff)" }
        return text
    }
}
