import Engine

/// Everything a request can ask to do, as the authorization policy sees it.
public enum Action: Sendable, Hashable {
    /// Read programme templates, versions and handbooks.
    case readProgrammes
    /// List the municipalities the account belongs to.
    case listMunicipalities
    /// Read case records of a kind in a municipality.
    case readRecords(tenant: String, kind: String)
    /// Create, change or delete case records of a kind in a municipality.
    case writeRecords(tenant: String, kind: String)
    /// Evaluate a municipality's adoptions (its own, unsuppressed figures).
    case evaluate(tenant: String)
    /// Publish a municipality's suppressed aggregates to the network.
    case publish(tenant: String)
    /// Record an adaptation in a municipality's register.
    case adapt(tenant: String)
    /// See what moving a municipality's adoption to a newer programme version would mean.
    case planUpgrade(tenant: String)
    /// Read a network report (published figures only): of `model`, run by the municipalities
    /// `runningIn`; with no model, whether the account may read any.
    case readNetworkReport(model: String?, runningIn: Set<String>)

    /// Whether the action changes anything.
    public var writes: Bool {
        switch self {
        case .writeRecords, .publish, .adapt: true
        default: false
        }
    }

    /// The municipality the action concerns, if one.
    public var tenant: String? {
        switch self {
        case .readRecords(let tenant, _), .writeRecords(let tenant, _), .evaluate(let tenant), .publish(let tenant), .adapt(let tenant),
            .planUpgrade(let tenant):
            tenant
        default: nil
        }
    }
}
