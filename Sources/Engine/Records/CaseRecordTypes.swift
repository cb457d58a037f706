public import Foundation
public import Templates

// One typed record per record kind; their values go through the same staged write as a CSV
// import, so they are checked in exactly the same way.

/// A household. See ``RecordKind/households``.
public struct HouseholdRecord: CaseRecord, Hashable {
    public var code: String
    public var area: String
    public var size: Int
    /// A record.
    public init(code: String, area: String, size: Int) {
        self.code = code
        self.area = area
        self.size = size
    }
    public static var kind: RecordKind { .households }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["code"] = "\(code)"
        values["area"] = "\(area)"
        values["size"] = "\(size)"
        return values
    }
}

/// A member of a household. See ``RecordKind/persons``.
public struct PersonRecord: CaseRecord, Hashable {
    public var code: String
    public var household: String
    public var birthYear: Int
    public var relation: String
    public var labourStatus: String?
    public var disability: String?
    public var flags: [String]
    /// A record.
    public init(code: String, household: String, birthYear: Int, relation: String, labourStatus: String? = nil, disability: String? = nil, flags: [String] = []) {
        self.code = code
        self.household = household
        self.birthYear = birthYear
        self.relation = relation
        self.labourStatus = labourStatus
        self.disability = disability
        self.flags = flags
    }
    public static var kind: RecordKind { .persons }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["code"] = "\(code)"
        values["household"] = "\(household)"
        values["birth_year"] = "\(birthYear)"
        values["relation"] = "\(relation)"
        if let labourStatus { values["labour_status"] = "\(labourStatus)" }
        if let disability { values["disability"] = "\(disability)" }
        if !flags.isEmpty { values["flags"] = flags.joined(separator: "|") }
        return values
    }
}

/// A worker in a role of an adopted programme. See ``RecordKind/staff``.
public struct StaffRecord: CaseRecord, Hashable {
    public var code: String
    public var adoption: String
    public var role: String
    public var organisation: String?
    /// A record.
    public init(code: String, adoption: String, role: String, organisation: String? = nil) {
        self.code = code
        self.adoption = adoption
        self.role = role
        self.organisation = organisation
    }
    public static var kind: RecordKind { .staff }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["code"] = "\(code)"
        values["adoption"] = "\(adoption)"
        values["role"] = "\(role)"
        if let organisation { values["organisation"] = "\(organisation)" }
        return values
    }
}

/// A household or person taking part in an adoption. See ``RecordKind/enrolments``.
public struct EnrolmentRecord: CaseRecord, Hashable {
    public var adoption: String
    public var household: String?
    public var person: String?
    public var targetGroup: String?
    public var start: Day
    public var end: Day?
    public var exitReason: String?
    /// A record.
    public init(adoption: String, household: String? = nil, person: String? = nil, targetGroup: String? = nil, start: Day, end: Day? = nil, exitReason: String? = nil) {
        self.adoption = adoption
        self.household = household
        self.person = person
        self.targetGroup = targetGroup
        self.start = start
        self.end = end
        self.exitReason = exitReason
    }
    public static var kind: RecordKind { .enrolments }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["adoption"] = "\(adoption)"
        if let household { values["household"] = "\(household)" }
        if let person { values["person"] = "\(person)" }
        if let targetGroup { values["target_group"] = "\(targetGroup)" }
        values["start"] = "\(start)"
        if let end { values["end"] = "\(end)" }
        if let exitReason { values["exit_reason"] = "\(exitReason)" }
        return values
    }
}

/// A worker assigned to a household. See ``RecordKind/assignments``.
public struct AssignmentRecord: CaseRecord, Hashable {
    public var staff: String
    public var household: String
    public var start: Day
    public var end: Day?
    /// A record.
    public init(staff: String, household: String, start: Day, end: Day? = nil) {
        self.staff = staff
        self.household = household
        self.start = start
        self.end = end
    }
    public static var kind: RecordKind { .assignments }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["staff"] = "\(staff)"
        values["household"] = "\(household)"
        values["start"] = "\(start)"
        if let end { values["end"] = "\(end)" }
        return values
    }
}

/// A plan drawn up for a household or person. See ``RecordKind/plans``.
public struct PlanRecord: CaseRecord, Hashable {
    public var code: String
    public var adoption: String
    public var plan: String
    public var household: String?
    public var person: String?
    public var drawnUp: Day
    /// A record.
    public init(code: String, adoption: String, plan: String, household: String? = nil, person: String? = nil, drawnUp: Day) {
        self.code = code
        self.adoption = adoption
        self.plan = plan
        self.household = household
        self.person = person
        self.drawnUp = drawnUp
    }
    public static var kind: RecordKind { .plans }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["code"] = "\(code)"
        values["adoption"] = "\(adoption)"
        values["plan"] = "\(plan)"
        if let household { values["household"] = "\(household)" }
        if let person { values["person"] = "\(person)" }
        values["drawn_up"] = "\(drawnUp)"
        return values
    }
}

/// A goal of a plan. See ``RecordKind/goals``.
public struct GoalRecord: CaseRecord, Hashable {
    public var plan: String
    public var number: Int
    public var domain: String
    public var status: String
    public var due: Day?
    /// A record.
    public init(plan: String, number: Int, domain: String, status: String, due: Day? = nil) {
        self.plan = plan
        self.number = number
        self.domain = domain
        self.status = status
        self.due = due
    }
    public static var kind: RecordKind { .goals }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["plan"] = "\(plan)"
        values["number"] = "\(number)"
        values["domain"] = "\(domain)"
        values["status"] = "\(status)"
        if let due { values["due"] = "\(due)" }
        return values
    }
}

/// A session of an activity. See ``RecordKind/sessions``.
public struct SessionRecord: CaseRecord, Hashable {
    public var code: String
    public var adoption: String
    public var component: String
    public var activity: String?
    public var date: Day
    public var minutes: Int
    public var staff: String?
    /// The group the session belongs to, for a group that meets many times.
    public var group: String?
    /// A record.
    public init(
        code: String, adoption: String, component: String, activity: String? = nil, date: Day, minutes: Int, staff: String? = nil, group: String? = nil
    ) {
        self.code = code
        self.adoption = adoption
        self.component = component
        self.activity = activity
        self.date = date
        self.minutes = minutes
        self.staff = staff
        self.group = group
    }
    public static var kind: RecordKind { .sessions }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["code"] = "\(code)"
        values["adoption"] = "\(adoption)"
        values["component"] = "\(component)"
        if let activity { values["activity"] = "\(activity)" }
        values["date"] = "\(date)"
        values["minutes"] = "\(minutes)"
        if let staff { values["staff"] = "\(staff)" }
        if let group { values["group"] = "\(group)" }
        return values
    }
}

/// A person's attendance at a session. See ``RecordKind/attendance``.
public struct AttendanceRecord: CaseRecord, Hashable {
    public var session: String
    public var person: String
    public var status: String
    /// A record.
    public init(session: String, person: String, status: String) {
        self.session = session
        self.person = person
        self.status = status
    }
    public static var kind: RecordKind { .attendance }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["session"] = "\(session)"
        values["person"] = "\(person)"
        values["status"] = "\(status)"
        return values
    }
}

/// An event in a person's life, to the month. See ``RecordKind/events``.
public struct EventRecord: CaseRecord, Hashable {
    public var person: String
    public var event: String
    /// The month, as YYYY-MM.
    public var month: String
    /// A record.
    public init(person: String, event: String, month: String) {
        self.person = person
        self.event = event
        self.month = month
    }
    public static var kind: RecordKind { .events }
    public var values: [String: String] { ["person": person, "event": event, "month": month] }
}

/// A local cooperation network. See ``RecordKind/networks``.
public struct NetworkRecord: CaseRecord, Hashable {
    public var code: String
    public var adoption: String
    public var network: String
    public var area: String?
    public var formed: Day
    /// A record.
    public init(code: String, adoption: String, network: String, area: String? = nil, formed: Day) {
        self.code = code
        self.adoption = adoption
        self.network = network
        self.area = area
        self.formed = formed
    }
    public static var kind: RecordKind { .networks }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["code"] = "\(code)"
        values["adoption"] = "\(adoption)"
        values["network"] = "\(network)"
        if let area { values["area"] = "\(area)" }
        values["formed"] = "\(formed)"
        return values
    }
}

/// An organisation in a network. See ``RecordKind/networkMembers``.
public struct NetworkMemberRecord: CaseRecord, Hashable {
    public var network: String
    public var member: String
    public var sector: String
    public var joined: Day
    /// A record.
    public init(network: String, member: String, sector: String, joined: Day) {
        self.network = network
        self.member = member
        self.sector = sector
        self.joined = joined
    }
    public static var kind: RecordKind { .networkMembers }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["network"] = "\(network)"
        values["member"] = "\(member)"
        values["sector"] = "\(sector)"
        values["joined"] = "\(joined)"
        return values
    }
}

/// Something a network did. See ``RecordKind/networkActions``.
public struct NetworkActionRecord: CaseRecord, Hashable {
    public var code: String
    public var network: String
    public var actionType: String
    public var date: Day
    public var participants: Int?
    /// A record.
    public init(code: String, network: String, actionType: String, date: Day, participants: Int? = nil) {
        self.code = code
        self.network = network
        self.actionType = actionType
        self.date = date
        self.participants = participants
    }
    public static var kind: RecordKind { .networkActions }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["code"] = "\(code)"
        values["network"] = "\(network)"
        values["action_type"] = "\(actionType)"
        values["date"] = "\(date)"
        if let participants { values["participants"] = "\(participants)" }
        return values
    }
}

/// An outcome observed for a household or person. See ``RecordKind/outcomes``.
public struct OutcomeRecord: CaseRecord, Hashable {
    public var adoption: String
    public var outcome: String
    public var household: String?
    public var person: String?
    public var date: Day
    /// For an outcome measured with an instrument: when.
    public var occasion: MeasurementOccasion?
    /// For an outcome scored on a scale: the score.
    public var score: Decimal?
    /// A record.
    public init(
        adoption: String, outcome: String, household: String? = nil, person: String? = nil, date: Day, occasion: MeasurementOccasion? = nil,
        score: Decimal? = nil
    ) {
        self.adoption = adoption
        self.outcome = outcome
        self.household = household
        self.person = person
        self.date = date
        self.occasion = occasion
        self.score = score
    }
    public static var kind: RecordKind { .outcomes }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["adoption"] = "\(adoption)"
        values["outcome"] = "\(outcome)"
        if let household { values["household"] = "\(household)" }
        if let person { values["person"] = "\(person)" }
        values["date"] = "\(date)"
        if let occasion { values["occasion"] = occasion.rawValue }
        if let score { values["score"] = "\(score)" }
        return values
    }
}

/// Money spent against a budget line. See ``RecordKind/expenditures``.
public struct ExpenditureRecord: CaseRecord, Hashable {
    public var code: String
    public var adoption: String
    public var budgetLine: String
    public var date: Day
    public var amount: Decimal
    /// A record.
    public init(code: String, adoption: String, budgetLine: String, date: Day, amount: Decimal) {
        self.code = code
        self.adoption = adoption
        self.budgetLine = budgetLine
        self.date = date
        self.amount = amount
    }
    public static var kind: RecordKind { .expenditures }
    public var values: [String: String] {
        var values: [String: String] = [:]
        values["code"] = "\(code)"
        values["adoption"] = "\(adoption)"
        values["budget_line"] = "\(budgetLine)"
        values["date"] = "\(date)"
        values["amount"] = "\(amount)"
        return values
    }
}
