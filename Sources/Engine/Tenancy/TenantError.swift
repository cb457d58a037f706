/// What can go wrong with a tenant, in words a coordinator can act on.
public enum TenantError: Error, Sendable, CustomStringConvertible {
    /// The id is not a valid tenant id.
    case invalidID(String, hint: String)
    /// No tenant file defines this id.
    case notDefined(String, known: [String])
    /// The tenant has not been applied to this database.
    case notApplied(String)
    /// The tenant's file has errors, so it cannot be applied.
    case invalidDefinition(String)
    /// `drop` was not confirmed with the same id.
    case notConfirmed(String)
    /// An upgrade was asked for to another programme.
    case upgradeToOtherProgramme(String, current: String, target: String)
    /// An upgrade was asked for to a version that is not newer.
    case upgradeNotNewer(String, current: String, target: String)
    /// An upgrade day outside the adoption's period.
    case upgradeOutsidePeriod(String, day: String, start: String, end: String)

    public var description: String {
        switch self {
        case .invalidID(let id, let hint):
            "'\(id)' is not a valid tenant id: \(hint)"
        case .notDefined(let id, let known):
            "no tenant file defines '\(id)'" + (known.isEmpty ? "; add tenants/\(id).yaml" : "; tenants defined: " + known.joined(separator: ", "))
        case .notApplied(let id):
            "tenant '\(id)' is not set up in this database; run `kokon tenant apply \(id)` first"
        case .invalidDefinition(let id):
            "tenants/\(id).yaml has errors; run `kokon lint` to see them, fix them, then apply again"
        case .notConfirmed(let id):
            "dropping '\(id)' deletes all of its case records; to go ahead, repeat the id: --confirm \(id)"
        case .upgradeToOtherProgramme(let adoption, let current, let target):
            "adoption \(adoption) runs \(current); it can move only to a newer version of the same programme, not to \(target)"
        case .upgradeNotNewer(let adoption, let current, let target):
            "adoption \(adoption) runs \(current); \(target) is not newer, so there is nothing to upgrade to"
        case .upgradeOutsidePeriod(let adoption, let day, let start, let end):
            "the upgrade day \(day) lies outside the period of \(adoption) (\(start) to \(end)); choose a day inside it"
        }
    }
}
