/// Which of a municipality's households a tenant transaction may see and change.
///
/// The server decides the scope from the signed-in account; row-level-security policies in
/// the tenant schema (migration `tenant/0002`) enforce it again. A transaction that states
/// no scope sees no household at all.
public enum RecordScope: Sendable, Hashable {
    /// Every household: coordinators, imports, evaluation, publishing, the command line.
    case all
    /// A caseworker: the households assigned to this staff code now, and those they registered.
    case caseworker(staff: String)
}
