/// What an account may do in Kokon; see docs/server.md for the full table.
///
/// Coordinators and caseworkers act in one municipality; the other roles across the
/// installation. An account may hold several (a coordinator in Toruń and a network analyst).
public enum AccountRole: String, Sendable, Hashable, Codable, CaseIterable, StoredWord {
    /// Sets up municipalities, adoptions and accounts, publishes for any municipality; never
    /// reads a municipality's case records.
    case networkAdministrator = "network-administrator"
    /// Reads every programme version, its handbook and lineage, and which cities run it.
    case methodologist
    /// Everything in one municipality: records, staff, adaptations, imports, evaluation, publishing.
    case coordinator
    /// Registers households and records work in one municipality, seeing only the households
    /// assigned to them and the ones they registered.
    case caseworker
    /// Reads published (suppressed) figures and network reports, nothing else.
    case analyst

    /// Whether the role belongs to one municipality.
    public var isPerMunicipality: Bool { self == .coordinator || self == .caseworker }

    /// The role's name in Polish, as users see it.
    public var polishName: String {
        switch self {
        case .networkAdministrator: "administrator sieci"
        case .methodologist: "metodyk"
        case .coordinator: "koordynator"
        case .caseworker: "pracownik (asystent rodziny)"
        case .analyst: "analityk sieci"
        }
    }
}
