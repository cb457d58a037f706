import Templates

/// The fixed words case records use, kept in one place so checks, help and docs agree.
public enum RecordVocabulary {
    /// A person's relation to the head of the household.
    public static let relations = ["head", "partner", "child", "parent", "grandparent", "grandchild", "sibling", "other-relative", "other"]
    /// Labour-market status, with the unemployment profile (I, II, III) of the labour office.
    public static let labourStatuses = [
        "employed", "self-employed", "unemployed-profile-i", "unemployed-profile-ii", "unemployed-profile-iii",
        "unemployed-unregistered", "inactive", "pupil", "student", "retired", "child-under-school-age",
    ]
    /// Degree of disability.
    public static let disabilities = ["none", "mild", "moderate", "severe"]
    /// Why an enrolment ended.
    public static let exitReasons = ["completed", "dropped-out", "moved-away", "referred-elsewhere", "no-longer-eligible", "died", "other"]
    /// The state of a plan's goal.
    public static let goalStatuses = ["open", "achieved", "partly-achieved", "abandoned"]
    /// Attendance at a session.
    public static let attendance = ["present", "excused", "unexcused"]
    /// Sectors of network members.
    public static let sectors = TenantSchema.sectors
    /// Kinds of network action.
    public static let actionTypes = ProgrammeSchema.actionTypes
}
