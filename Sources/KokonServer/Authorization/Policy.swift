public import Engine

/// The one place that decides whether a request may do what it asks.
///
/// Handlers ask ``decide(_:_:)`` before they touch anything, and act only on ``Decision/allow(_:)``.
/// PostgreSQL is the second wall: tenant data is reached only as the tenant's role, and a
/// caseworker's scope is enforced again by row-level security.
public enum Policy {
    /// The answer.
    public enum Decision: Sendable, Equatable {
        /// Go ahead; for case records, with this scope.
        case allow(RecordScope?)
        /// Not signed in: 401.
        case unauthenticated
        /// Signed in but not allowed: 403, with the reason in the user's terms.
        case forbidden(String)
    }

    /// Record kinds a caseworker works with. Everything else (staff, networks, expenditure)
    /// belongs to the coordinator.
    public static let caseworkerKinds: Set<String> = [
        "households", "persons", "events", "enrolments", "assignments", "plans", "goals", "sessions", "attendance", "outcomes",
    ]

    /// Kinds a caseworker may read but not write: assignments are made by the coordinator.
    public static let caseworkerReadOnlyKinds: Set<String> = ["assignments"]

    /// Whether `principal` may do `action` (for showing a link or a button only; the handler
    /// still asks ``decide(_:_:)``).
    public static func allows(_ principal: Principal?, _ action: Action) -> Bool {
        if case .allow = decide(principal, action) { return true }
        return false
    }

    /// Decides `action` for `principal`.
    public static func decide(_ principal: Principal?, _ action: Action) -> Decision {
        guard let principal else { return .unauthenticated }
        let account = principal.account
        guard !account.disabled else { return .unauthenticated }
        // A token is narrowed first: to its municipality, and to reading.
        if case .token(_, let tokenTenant, let scope) = principal.credential {
            if action.writes && scope == .read {
                return .forbidden("this API token may only read; create a token with --scope write to make changes")
            }
            if let tokenTenant, let tenant = action.tenant, tenant != tokenTenant {
                return .forbidden("this API token is limited to municipality '\(tokenTenant)'")
            }
        }
        switch action {
        case .readProgrammes, .listMunicipalities:
            return .allow(nil)
        case .readNetworkReport(let model, let runningIn):
            if account.grants.contains(where: { [.analyst, .networkAdministrator, .methodologist].contains($0.role) }) { return .allow(nil) }
            // A coordinator compares the networks their municipality belongs to.
            let coordinated = Set(account.grants.filter { $0.role == .coordinator }.compactMap(\.tenant))
            if !coordinated.isEmpty && (model == nil || !coordinated.isDisjoint(with: runningIn)) { return .allow(nil) }
            return .forbidden(
                coordinated.isEmpty
                    ? "network reports are for analysts, network administrators and the coordinators of municipalities running the programme"
                    : "your municipality does not run \(model ?? "this programme"); its network report is for analysts and the coordinators of municipalities running it")
        case .evaluate(let tenant):
            return account.holds(.coordinator, in: tenant)
                ? .allow(.all) : .forbidden("only the coordinator of '\(tenant)' may evaluate its adoptions")
        case .adapt(let tenant):
            return account.holds(.coordinator, in: tenant)
                ? .allow(.all) : .forbidden("only the coordinator of '\(tenant)' keeps its adaptation register")
        case .planUpgrade(let tenant):
            // The plan shows counts, never a household: administrators set the upgrade up.
            if account.holds(.coordinator, in: tenant) || account.holds(.networkAdministrator) { return .allow(.all) }
            return .forbidden("only the coordinator of '\(tenant)' or a network administrator may plan its upgrades")
        case .publish(let tenant):
            if account.holds(.coordinator, in: tenant) || account.holds(.networkAdministrator) { return .allow(.all) }
            return .forbidden("only the coordinator of '\(tenant)' or a network administrator may publish its figures")
        case .readRecords(let tenant, let kind), .writeRecords(let tenant, let kind):
            if account.holds(.coordinator, in: tenant) { return .allow(.all) }
            if let grant = account.grants.first(where: { $0.role == .caseworker && $0.tenant == tenant }), let staff = grant.staff {
                guard caseworkerKinds.contains(kind) else {
                    return .forbidden("a caseworker does not work with \(kind); ask the coordinator of '\(tenant)'")
                }
                if action.writes && caseworkerReadOnlyKinds.contains(kind) {
                    return .forbidden("assignments are made by the coordinator of '\(tenant)'")
                }
                return .allow(.caseworker(staff: staff))
            }
            return .forbidden("you have no role in municipality '\(tenant)' that gives access to its case records")
        }
    }
}
