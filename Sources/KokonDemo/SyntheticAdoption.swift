import Engine
import Foundation
import Postgres
import Templates

/// The synthetic records of one adoption, made step by step: households and persons, staff,
/// enrolments, assignments, plans, sessions with attendance, networks, outcomes and
/// expenditure. Each step writes what it made and leaves for the next what that one needs.
/// The steps draw from one seeded generator in a fixed order, so a seed always gives the
/// same records.
struct SyntheticAdoption {
    let generator: SyntheticRecords
    let adoption: Adoption
    let programme: Programme
    let prefix: String
    var random: SeededRandom
    let strength: Double
    let start: CalendarDate
    let periodEnd: CalendarDate
    let span: Int
    let family: Bool
    let size: SyntheticRecords.Size
    let areas: [String]

    var households: [HouseholdRecord] = []
    var persons: [PersonRecord] = []
    var members: [String: [PersonRecord]] = [:]
    var staff: [StaffRecord] = []
    var enrolments: [EnrolmentRecord] = []
    /// Each household's days in the programme, from the adoption's start.
    var spans: [String: (Int, Int)] = [:]
    /// Rows written so far.
    var written = 0

    var records: CaseRecords { generator.records }
    var tenant: Tenant { generator.tenant }
    var dropped: Set<String> { Set((adoption.adaptations ?? []).filter { $0.change == .dropComponent }.compactMap(\.component)) }

    /// Nil when the adoption has no past to make records for.
    init?(generator: SyntheticRecords, adoption: Adoption, programme: Programme, prefix: String) {
        self.generator = generator
        self.adoption = adoption
        self.programme = programme
        self.prefix = prefix
        random = SeededRandom(seed: generator.seed, name: generator.tenant.id + "/" + adoption.id)
        strength = SyntheticRecords.strength(of: generator.tenant.id, seed: generator.seed)
        start = CalendarDate(adoption.period.start)
        periodEnd = CalendarDate(adoption.period.end)
        let end = min(periodEnd, start.adding(days: 730), CalendarDate.today.adding(days: -1))
        guard start < end else { return nil }
        span = end.daysSinceEpoch - start.daysSinceEpoch
        family = programme.participation?.unit != .person
        size = generator.size
        areas = generator.tenant.areas.map(\.id)
    }

    /// Makes and writes every kind of record; returns how many rows were written.
    mutating func run() async throws -> Int {
        try await makeHouseholds()
        try await makeStaff()
        try await makeEnrolments()
        try await makeAssignments()
        try await makePlans()
        try await makeSessions()
        try await makeNetworks()
        try await makeOutcomes()
        try await makeExpenditure()
        return written
    }

    func code(_ kind: String, _ n: Int) -> String { "\(prefix)-\(kind)\(n)" }
    func date(_ offset: Int) -> Day { Day(start.adding(days: offset)) }

    /// Households and persons.
    mutating func makeHouseholds() async throws {
        let target = family ? (adoption.targets?.families ?? 30) : (adoption.targets?.participants ?? 40)
        let count = size == .small ? min(target, 8) : Int((Double(target) * (0.45 + 0.6 * strength)).rounded())
        // Households and persons: one or two adults and up to four children. The adult who is
        // enrolled (the head) meets what the group requires and its quota asks; others carry
        // one criterion each, in turn.
        let flags = (programme.criteria ?? []).map(\.id)
        let householdGroup = (programme.targetGroups ?? []).first { $0.unit == .family }?.id
        for h in 1...max(count, 1) {
            let enrolledInto = family ? householdGroup : personGroup(for: h - 1)
            let turn = flags.isEmpty ? [] : [flags[h % flags.count]]
            let adults = random.chance(0.45) ? 1 : 2
            let children = family ? Int.random(in: 1...4, using: &random) : Int.random(in: 0...2, using: &random)
            let household = HouseholdRecord(code: code("H", h), area: areas[h % areas.count], size: adults + children)
            households.append(household)
            let startYear = start.year
            for a in 0..<adults {
                let statuses = ["unemployed-profile-ii", "unemployed-profile-iii", "inactive", "employed", "unemployed-profile-i"]
                persons.append(
                    PersonRecord(
                        code: code("P", h * 10 + a), household: household.code, birthYear: startYear - Int.random(in: 24...58, using: &random),
                        relation: a == 0 ? "head" : "partner", labourStatus: statuses.randomElement(using: &random),
                        disability: random.chance(0.12) ? "moderate" : "none",
                        flags: a == 0 ? Self.flags(meeting: enrolledInto, in: programme, besides: turn) : turn))
            }
            for c in 0..<children {
                persons.append(
                    PersonRecord(
                        code: code("P", h * 10 + 2 + c), household: household.code, birthYear: startYear - Int.random(in: 3...17, using: &random),
                        relation: "child", labourStatus: "pupil"))
            }
            members[household.code] = persons.filter { $0.household == household.code }
        }
        written += try await records.write(households).inserted
        written += try await records.write(persons).inserted
    }

    /// Staff as the tenant file plans them.
    mutating func makeStaff() async throws {
        // Staff as the tenant file plans them.
        for plan in adoption.staff ?? [] {
            for n in 1...plan.count { staff.append(StaffRecord(code: "\(prefix)-S-\(plan.role)-\(n)", adoption: adoption.id, role: plan.role, organisation: plan.organisation)) }
        }
        if !staff.isEmpty { written += try await records.write(staff).inserted }
    }

    /// Enrolments of households (and their children) or persons.
    mutating func makeEnrolments() async throws {
        let minimumMonths = (adoption.adaptations?.last { $0.change == .minimumDuration }?.duration ?? programme.participation?.minimumDuration)?.months
        let groups = programme.targetGroups ?? []
        let householdGroup = groups.first { $0.unit == .family }?.id
        let familyGroups = Set(groups.filter { $0.unit == .family }.map(\.id))
        // Children join the family's related group for persons, one with an age range first (the
        // young people a programme names), and only at an age the range allows.
        let related = groups.filter { group in group.unit == .person && group.relatedTo.map(familyGroups.contains) == true }
        let childGroupDefinition = related.first { $0.age?.unit == .years } ?? related.first
        let childGroup = childGroupDefinition?.id
        // Enrolments: recruitment over the first half year; weaker cities lose more families.
        let dropOut = 0.06 + 0.6 * (1 - strength)
        for (index, household) in households.enumerated() {
            let from = Int.random(in: 0...min(180, span / 3), using: &random)
            var to: Int? = nil
            var reason: String? = nil
            if random.chance(dropOut) {
                to = min(span, from + Int.random(in: 60...420, using: &random))
                reason = ["dropped-out", "dropped-out", "moved-away", "no-longer-eligible"].randomElement(using: &random)
            } else if let minimumMonths, from + minimumMonths * 31 < span, random.chance(0.8) {
                to = from + minimumMonths * 31 - 1
                reason = "completed"
            }
            spans[household.code] = (from, to ?? span)
            if family {
                enrolments.append(
                    EnrolmentRecord(
                        adoption: adoption.id, household: household.code, targetGroup: householdGroup,
                        start: date(from), end: to.map(date), exitReason: reason))
            } else {
                let group = personGroup(for: index)
                let adult = members[household.code]!.first!
                enrolments.append(EnrolmentRecord(adoption: adoption.id, person: adult.code, targetGroup: group, start: date(from), end: to.map(date), exitReason: reason))
            }
        }
        written += try await records.write(enrolments).inserted
        if family, let childGroup {
            var children: [EnrolmentRecord] = []
            for household in households {
                let (from, to) = spans[household.code]!
                for child in members[household.code]! where child.relation == "child" && random.chance(0.7) {
                    if let age = childGroupDefinition?.age, age.unit == .years {
                        let year = date(from + 14).year - child.birthYear
                        guard year - 1 <= age.max && year >= age.min else { continue }
                    }
                    children.append(
                        EnrolmentRecord(
                            adoption: adoption.id, person: child.code, targetGroup: childGroup, start: date(from + 14),
                            end: to < span ? date(max(from + 14, to)) : nil, exitReason: to < span ? "other" : nil))
                }
            }
            children.removeAll { $0.end != nil && $0.end! < $0.start }
            if !children.isEmpty { written += try await records.write(children).inserted }
        }
        // The family programme's other groups of persons without rules of enrolment (adults in
        // self-help groups, residents in community actions): adults of enrolled households
        // join one each, in turn, while their household takes part.
        let others = groups.filter { $0.unit == .person && $0.id != childGroup && $0.requires == nil && $0.excludes == nil && $0.age == nil && $0.quotas == nil }
        if family, !others.isEmpty {
            var adults: [EnrolmentRecord] = []
            for household in households {
                let (from, to) = spans[household.code]!
                guard to >= from + 21 else { continue }
                for adult in members[household.code]! where adult.relation != "child" && random.chance(0.4 + 0.5 * strength) {
                    adults.append(
                        EnrolmentRecord(
                            adoption: adoption.id, person: adult.code, targetGroup: others[adults.count % others.count].id, start: date(from + 21),
                            end: to < span ? date(max(from + 21, to)) : nil, exitReason: to < span ? "other" : nil))
                }
            }
            if !adults.isEmpty { written += try await records.write(adults).inserted }
        }
    }

    /// The target group (or quota) the demo enrols the `index`th person into, in a programme
    /// for persons: the first group's quotas in turn, or else the groups in turn.
    func personGroup(for index: Int) -> String? {
        let groups = (programme.targetGroups ?? []).filter { $0.unit == .person || $0.unit == nil }
        guard let first = groups.first else { return nil }
        if let quotas = first.quotas, !quotas.isEmpty { return quotas[index % quotas.count].id }
        return groups[index % groups.count].id
    }

    /// The flags of a person who meets every criterion a target group (or quota) requires or
    /// asks for, and none it excludes, with `others` they hold besides.
    static func flags(meeting group: String?, in programme: Programme, besides others: [String] = []) -> [String] {
        guard let group else { return others }
        let flagCriteria = Set((programme.criteria ?? []).filter { $0.kind == .flag }.map(\.id))
        for target in programme.targetGroups ?? [] {
            let quota = target.quotas?.first { $0.id == group }
            guard target.id == group || quota != nil else { continue }
            var wanted: [String] = target.requires ?? []
            wanted += quota?.criteria ?? []
            wanted += (quota?.anyOfCriteria ?? []).prefix(1)
            wanted += others
            var seen: Set<String> = []
            return wanted.filter { flagCriteria.contains($0) && !(target.excludes ?? []).contains($0) && seen.insert($0).inserted }
        }
        return others
    }

    /// Assignments of workers to households.
    mutating func makeAssignments() async throws {
        // Assignments of the first role's workers to households.
        if let firstRole = staff.first?.role {
            let workers = staff.filter { $0.role == firstRole }
            let assignments = households.enumerated().map { index, household in
                AssignmentRecord(
                    staff: workers[index % workers.count].code, household: household.code, start: date(spans[household.code]!.0),
                    end: spans[household.code]!.1 < span ? date(spans[household.code]!.1) : nil)
            }
            written += try await records.write(assignments).inserted
        }
    }

    /// Required plans and their goals.
    mutating func makePlans() async throws {
        // Required plans; weaker cities miss some.
        var plans: [PlanRecord] = []
        for component in programme.components ?? [] where !dropped.contains(component.id) {
            guard let planID = component.requiresPlan else { continue }
            for enrolment in try await generator.enrolledPersons(adoption.id, groups: component.targetGroups ?? []) where random.chance(0.55 + 0.45 * strength) {
                plans.append(PlanRecord(code: "\(prefix)-PL-\(plans.count + 1)", adoption: adoption.id, plan: planID, person: enrolment.0, drawnUp: date(enrolment.1 + 20)))
            }
        }
        if !plans.isEmpty {
            written += try await records.write(plans).inserted
            written += try await records.write(plans.map { GoalRecord(plan: $0.code, number: 1, domain: "edukacja", status: random.chance(strength * 0.7) ? "achieved" : "open") })
                .inserted
        }
    }

    /// Sessions and attendance.
    mutating func makeSessions() async throws {
        // Sessions every two weeks per activity (a month for small), with attendance.
        var sessions: [SessionRecord] = []
        var attendance: [AttendanceRecord] = []
        let step = size == .small ? 30 : 14
        let rolesStaff = Dictionary(grouping: staff, by: \.role)
        // A weaker city may leave one core component undelivered; the rest it delivers.
        let cores = (programme.components ?? []).filter { $0.isCore && !dropped.contains($0.id) }
        let undelivered = random.chance(0.75 - 0.85 * strength) ? cores.randomElement(using: &random)?.id : nil
        for component in programme.components ?? [] where !dropped.contains(component.id) {
            if component.id == undelivered { continue }
            // An activity held as a number of groups takes its sessions in turn, each under its group's code.
            // One held a number of times (8 community actions) is held that often over the period.
            var activities: [(id: String?, groups: Int?, times: Int?)] = (component.activities ?? []).map {
                ($0.id, $0.groupSize == nil ? nil : $0.count, $0.groupSize == nil ? $0.count : nil)
            }
            for adaptation in adoption.adaptations ?? [] where adaptation.change == .addActivity && adaptation.component == component.id {
                activities.append((adaptation.activity?.id, nil, nil))
            }
            if activities.isEmpty { activities = [(nil, nil, nil)] }
            let leader = (component.roles ?? []).compactMap { rolesStaff[$0]?.first?.code }.first
            for activity in activities {
                var day = Int.random(in: 7...21, using: &random)
                var held = 0
                while day < span {
                    let session = SessionRecord(
                        code: "\(prefix)-SES\(sessions.count + 1)", adoption: adoption.id, component: component.id, activity: activity.id,
                        date: date(day), minutes: [60, 90, 120].randomElement(using: &random)!, staff: leader,
                        group: activity.groups.map { "\(prefix)-GR\(held % $0 + 1)" })
                    held += 1
                    sessions.append(session)
                    let active = households.filter {
                        let s = spans[$0.code]!
                        return s.0 <= day && day <= s.1
                    }
                    for household in active.shuffled(using: &random).prefix(size == .small ? 3 : 8) {
                        guard let person = members[household.code]!.randomElement(using: &random) else { continue }
                        let present = random.chance(0.45 + 0.5 * strength)
                        attendance.append(
                            AttendanceRecord(
                                session: session.code, person: person.code,
                                status: present ? "present" : random.chance(0.5) ? "excused" : "unexcused"))
                    }
                    day += activity.times.map { max(step, span / max(1, $0)) } ?? step
                }
            }
        }
        if !sessions.isEmpty { written += try await records.write(sessions).inserted }
        // Person enrolments (person programmes) count only for the person enrolled.
        if !family {
            let enrolled = Set(enrolments.compactMap(\.person))
            attendance.removeAll { !enrolled.contains($0.person) }
        }
        var seen = Set<String>()
        attendance.removeAll { !seen.insert($0.session + "/" + $0.person).inserted }
        if !attendance.isEmpty { written += try await records.write(attendance).inserted }
    }

    /// Networks, their members and actions.
    mutating func makeNetworks() async throws {
        // Networks and their actions: strong cities several a year, weak ones fewer.
        for network in programme.networks ?? [] {
            let networkCode = "\(prefix)-N-\(network.id)"
            written += try await records.write([NetworkRecord(code: networkCode, adoption: adoption.id, network: network.id, area: areas.first, formed: date(10))]).inserted
            let memberRecords = (tenant.partners ?? []).map { NetworkMemberRecord(network: networkCode, member: $0.id, sector: $0.sector, joined: date(10)) }
            if !memberRecords.isEmpty { written += try await records.write(memberRecords).inserted }
            let types = network.obligations?.first?.actionTypes ?? ["meeting"]
            var actions: [NetworkActionRecord] = []
            var day = 30
            while day < span {
                if random.chance(0.25 + 0.75 * strength) {
                    actions.append(
                        NetworkActionRecord(
                            code: "\(networkCode)-A\(actions.count + 1)", network: networkCode, actionType: types.randomElement(using: &random)!,
                            date: date(day), participants: Int.random(in: 12...80, using: &random)))
                }
                day += Int(365 / (1 + 2 * strength))
            }
            if !actions.isEmpty { written += try await records.write(actions).inserted }
        }
    }

    /// Outcomes observed in participants.
    mutating func makeOutcomes() async throws {
        // Outcomes: a share of households or persons, larger in stronger cities.
        var outcomes: [OutcomeRecord] = []
        for outcome in programme.outcomes ?? [] {
            for enrolment in enrolments {
                let (from, to) = spans[enrolment.household ?? households.first { h in members[h.code]!.contains { $0.code == enrolment.person } }!.code]!
                if outcome.id == "participation-completed" {
                    if enrolment.exitReason == "completed" {
                        outcomes.append(OutcomeRecord(adoption: adoption.id, outcome: outcome.id, household: enrolment.household, person: enrolment.person, date: date(to)))
                    }
                } else if random.chance(0.12 + 0.45 * strength) {
                    let observed = min(to, from + Int.random(in: 90...400, using: &random))
                    outcomes.append(OutcomeRecord(adoption: adoption.id, outcome: outcome.id, household: enrolment.household, person: enrolment.person, date: date(observed)))
                }
            }
        }
        if !outcomes.isEmpty { written += try await records.write(outcomes).inserted }
    }

    /// Expenditure over the months.
    mutating func makeExpenditure() async throws {
        // Expenditure: the budget spread over the months, or a modest monthly sum.
        let months = max(1, span / 30)
        let monthly =
            (programme.budget?.total?.amount ?? programme.budget?.grant?.amount).map { $0 / Decimal(max(1, (periodEnd.daysSinceEpoch - start.daysSinceEpoch) / 30)) } ?? 20_000
        var expenditures: [ExpenditureRecord] = []
        let lines = programme.budget?.lines?.map(\.id) ?? ["staff", "activities", "materials"]
        for month in 0..<months {
            for (index, line) in lines.enumerated() {
                let share = index == 0 ? Decimal(0.6) : Decimal(0.4) / Decimal(max(1, lines.count - 1))
                var amount = monthly * share
                var rounded = Decimal()
                NSDecimalRound(&rounded, &amount, 2, .plain)
                expenditures.append(
                    ExpenditureRecord(code: "\(prefix)-E\(month + 1)-\(line)", adoption: adoption.id, budgetLine: line, date: date(month * 30 + 27), amount: rounded))
            }
        }
        written += try await records.write(expenditures).inserted
    }
}
