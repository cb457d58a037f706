/// What `kokon tenant apply` would do for one tenant, step by step; empty when the database
/// already matches the tenant file.
public struct TenantPlan: Sendable {
    /// One change.
    public enum Step: Sendable, CustomStringConvertible {
        /// Create the tenant's NOLOGIN role.
        case createRole(String)
        /// Create the tenant's schema, owned by its role.
        case createSchema(String)
        /// Let the tenant's role write its own published aggregates to `shared`.
        case grantPublishing(String)
        /// Apply tenant migrations not yet applied in the schema.
        case migrate([String])
        /// Record a new tenant in the catalogue.
        case register(String)
        /// The tenant file changed (areas, partners, targets, staff or adaptations).
        case updateDefinition([String])
        /// Adopt a programme version for the first time.
        case adopt(String)
        /// Move an adoption to another version of its programme.
        case changeVersion(adoption: String, from: String, to: String, differences: [ModelDifference])
        /// Move an adoption to a newer version from a day: records before it stay under the
        /// old version.
        case upgrade(adoption: String, from: String, to: String, on: String, differences: [ModelDifference])
        /// The same version's content changed (a template corrected in place).
        case refresh(adoption: String, differences: [ModelDifference])
        /// An adoption no longer in the file: its records stay, nothing is deleted.
        case retain(String)

        public var description: String {
            switch self {
            case .createRole(let role): "create role \(role) (NOLOGIN, owns only the tenant's schema)"
            case .createSchema(let schema): "create schema \(schema)"
            case .grantPublishing(let role): "let \(role) publish its own aggregates to schema shared (and only its own), as a member of kokon_tenants"
            case .migrate(let names): "apply \(names.count) tenant migration\(names.count == 1 ? "" : "s"): " + names.joined(separator: ", ")
            case .register(let name): "register \(name) in the catalogue"
            case .updateDefinition(let parts): "update the tenant's " + parts.joined(separator: ", ")
            case .adopt(let reference): "adopt \(reference)"
            case .changeVersion(let adoption, let from, let to, let differences):
                "move \(adoption) from \(from) to \(to)" + Self.list(differences, empty: "(no differences that affect this tenant)")
            case .upgrade(let adoption, let from, let to, let on, let differences):
                "upgrade \(adoption) from \(from) to \(to) on \(on): records before \(on) stay under \(from) and are evaluated against it"
                    + Self.list(differences, empty: "(no differences that affect this tenant)")
            case .refresh(let adoption, let differences):
                "refresh \(adoption): the template changed without a new version" + Self.list(differences, empty: "(wording only)")
            case .retain(let adoption):
                "keep \(adoption): it is no longer in the tenant file, but its records stay; nothing is deleted"
            }
        }

        static func list(_ differences: [ModelDifference], empty: String) -> String {
            differences.isEmpty ? " " + empty : differences.map { "\n      - \($0)" }.joined()
        }
    }

    /// The tenant's id.
    public let tenant: String
    /// The steps, in the order `apply` takes them.
    public var steps: [Step]

    /// True when `apply` would change nothing.
    public var isEmpty: Bool { steps.isEmpty }
}
