public import Foundation
public import Postgres

/// What the casework pages show and offer: the choices a form needs (areas, the adopted
/// programmes' target groups, components and activities, staff) and everything recorded
/// about one household. Read inside the tenant's boundary, so a caseworker's scope applies.
extension CaseRecords {
    /// One choice in a form: its id and its name.
    public struct Choice: Sendable, Hashable, Codable {
        /// The id stored.
        public let id: String
        /// The name shown.
        public let name: String
        /// The component an activity belongs to.
        public let parent: String?
    }

    /// An adopted programme, as forms need it.
    public struct AdoptedProgramme: Sendable, Codable {
        /// The adoption's id (the programme's id).
        public let id: String
        /// `id@version` in force.
        public let version: String
        /// Target groups.
        public let targetGroups: [Choice]
        /// Components.
        public let components: [Choice]
        /// Activities, with their component as parent.
        public let activities: [Choice]
        /// Plans (such as an individual development plan).
        public let plans: [Choice]
        /// Roles of its staff.
        public let roles: [Choice]
        /// Outcomes it records.
        public let outcomes: [Choice]
        /// The yes/no criteria of eligibility a person may carry as flags.
        public let criteria: [Choice]
        /// The indicators whose target the programme lets the municipality set.
        public let localTargets: [Choice]
        /// The events in a person's life its eligibility windows count from.
        public let events: [Choice]
    }

    /// The choices of the municipality's forms.
    public struct Choices: Sendable {
        /// Its areas.
        public let areas: [Choice]
        /// What it adopted.
        public let adoptions: [AdoptedProgramme]
        /// Its staff (code, with the role as name).
        public let staff: [Choice]
    }

    /// The choices of the municipality's forms.
    ///
    /// Four statements whatever the number of adoptions: every page that has a form reads
    /// these. The programmes' elements, the indicators whose target the municipality may set
    /// (in the template's order) and the events its windows count from (by id) come in one.
    public func choices() async throws -> Choices {
        try await transaction { session in
            let areas = try await session.query("SELECT id, name, NULL::text AS parent FROM area ORDER BY name").rows.map(Self.choice)
            let staff = try await session.query("SELECT code AS id, role AS name, adoption AS parent FROM staff ORDER BY code").rows.map(Self.choice)
            let programmes = try await session.query("SELECT id, model_id || '@' || model_version AS version FROM adoption ORDER BY id").rows
            let elements = try await session.query(
                """
                SELECT adoption, kind, id, name, parent, name AS position FROM model_element WHERE active
                UNION ALL
                SELECT a.id, 'local-target', i.value->>'id', i.value->'name'->>'pl', NULL, lpad(i.position::text, 6, '0')
                FROM adoption a, jsonb_array_elements(coalesce(a.programme->'indicators', '[]'::jsonb)) WITH ORDINALITY AS i(value, position)
                WHERE coalesce(a.programme->'adaptation'->'localTargets', '[]'::jsonb) ? (i.value->>'id')
                UNION ALL
                SELECT * FROM (
                    SELECT DISTINCT ON (a.id, c->'window'->>'event') a.id, 'event', c->'window'->>'event', c->'window'->'eventName'->>'pl', NULL,
                           c->'window'->>'event'
                    FROM adoption a, jsonb_array_elements(coalesce(a.programme->'criteria', '[]'::jsonb)) c
                    WHERE c->'window' IS NOT NULL ORDER BY a.id, c->'window'->>'event') events
                ORDER BY adoption, kind, position
                """
            ).rows
            var byAdoption: [String: [String: [Choice]]] = [:]
            for row in elements {
                byAdoption[try row.decode("adoption"), default: [:]][try row.decode("kind"), default: []].append(try Self.choice(row))
            }
            let adoptions = try programmes.map { row in
                let id: String = try row.decode("id")
                let of = byAdoption[id] ?? [:]
                return AdoptedProgramme(
                    id: id, version: try row.decode("version"), targetGroups: of["target-group"] ?? [], components: of["component"] ?? [],
                    activities: of["activity"] ?? [], plans: of["plan"] ?? [], roles: of["role"] ?? [], outcomes: of["outcome"] ?? [],
                    criteria: of["criterion"] ?? [], localTargets: of["local-target"] ?? [], events: of["event"] ?? [])
            }
            return Choices(areas: areas, adoptions: adoptions, staff: staff)
        }
    }

    static func choice(_ row: Row) throws -> Choice {
        Choice(id: try row.decode("id"), name: try row.decode("name"), parent: try row.decode("parent", as: String?.self))
    }

    /// Everything recorded about one household.
    public struct HouseholdFile: Sendable {
        /// A member.
        public struct Person: Sendable {
            /// Code.
            public let code: String
            /// Year of birth.
            public let birthYear: Int
            /// Relation to the head of the household.
            public let relation: String
        }

        /// An enrolment of the household or a member.
        public struct Enrolment: Sendable {
            /// The adoption.
            public let adoption: String
            /// The person, if a member was enrolled rather than the household.
            public let person: String?
            /// Target group.
            public let targetGroup: String?
            /// From.
            public let startsOn: CalendarDate
            /// Until.
            public let endsOn: CalendarDate?
            /// Why it ended.
            public let exitReason: String?
        }

        /// A plan with its goals.
        public struct Plan: Sendable {
            /// Code.
            public let code: String
            /// Which plan of the programme.
            public let plan: String
            /// For a member, or nil for the household.
            public let person: String?
            /// When it was drawn up.
            public let drawnUpOn: CalendarDate
            /// Its goals: number, domain, status.
            public let goals: [(number: Int, domain: String, status: String)]
        }

        /// A session a member attended (or was expected at).
        public struct Attendance: Sendable {
            /// Session code.
            public let session: String
            /// Its day.
            public let heldOn: CalendarDate
            /// Component and activity.
            public let component: String
            /// The activity, if recorded.
            public let activity: String?
            /// Minutes.
            public let minutes: Int
            /// Who.
            public let person: String
            /// present, excused or unexcused.
            public let status: String
        }

        /// The household's code.
        public let code: String
        /// Its area.
        public let area: String
        /// How many live in it.
        public let size: Int
        /// Members.
        public let persons: [Person]
        /// Enrolments.
        public let enrolments: [Enrolment]
        /// Plans.
        public let plans: [Plan]
        /// Sessions attended, newest first.
        public let attendance: [Attendance]
        /// Outcomes observed, newest first.
        public let outcomes: [Outcome]
        /// Events recorded for members (person, event, month as YYYY-MM).
        public let events: [(person: String, event: String, month: String)]

        /// An outcome observed for the household or one of its members.
        public struct Outcome: Sendable {
            /// The adoption.
            public let adoption: String
            /// The outcome's id.
            public let outcome: String
            /// The member, or nil for the whole household.
            public let person: String?
            /// When it was observed.
            public let observedOn: CalendarDate
            /// For a measured outcome: entry, exit or follow-up.
            public let occasion: String?
            /// For a scored outcome: the score.
            public let score: Decimal?
        }
    }

    /// The household's file, or nil if there is none (or it is not one the scope shows).
    public func householdFile(code: String) async throws -> HouseholdFile? {
        try await transaction { session in
            guard let household = try await session.query("SELECT code, area, size FROM household WHERE code = \(code)").first else { return nil }
            let persons = try await session.query("SELECT code, birth_year, relation FROM person WHERE household = \(code) ORDER BY birth_year, code").rows.map {
                HouseholdFile.Person(code: try $0.decode("code"), birthYear: try $0.decode("birth_year"), relation: try $0.decode("relation"))
            }
            let enrolments = try await session.query(
                """
                SELECT adoption, person, target_group, starts_on, ends_on, exit_reason FROM enrolment
                WHERE household = \(code) OR person IN (SELECT p.code FROM person p WHERE p.household = \(code)) ORDER BY starts_on
                """
            ).rows.map {
                HouseholdFile.Enrolment(
                    adoption: try $0.decode("adoption"), person: try $0.decode("person", as: String?.self), targetGroup: try $0.decode("target_group", as: String?.self),
                    startsOn: try $0.decode("starts_on"), endsOn: try $0.decode("ends_on", as: CalendarDate?.self), exitReason: try $0.decode("exit_reason", as: String?.self))
            }
            var plans: [HouseholdFile.Plan] = []
            for row in try await session.query(
                """
                SELECT code, plan, person, drawn_up_on FROM plan
                WHERE household = \(code) OR person IN (SELECT p.code FROM person p WHERE p.household = \(code)) ORDER BY drawn_up_on, code
                """
            ).rows {
                let planCode: String = try row.decode("code")
                let goals = try await session.query("SELECT number, domain, status FROM goal WHERE plan = \(planCode) ORDER BY number").rows.map {
                    (number: try $0.decode("number", as: Int.self), domain: try $0.decode("domain", as: String.self), status: try $0.decode("status", as: String.self))
                }
                plans.append(
                    HouseholdFile.Plan(
                        code: planCode, plan: try row.decode("plan"), person: try row.decode("person", as: String?.self), drawnUpOn: try row.decode("drawn_up_on"),
                        goals: goals))
            }
            let attendance = try await session.query(
                """
                SELECT s.code, s.held_on, s.component, s.activity, s.minutes, a.person, a.status
                FROM attendance a JOIN session s ON s.code = a.session JOIN person p ON p.code = a.person
                WHERE p.household = \(code) ORDER BY s.held_on DESC, s.code, a.person LIMIT 200
                """
            ).rows.map {
                HouseholdFile.Attendance(
                    session: try $0.decode("code"), heldOn: try $0.decode("held_on"), component: try $0.decode("component"),
                    activity: try $0.decode("activity", as: String?.self), minutes: try $0.decode("minutes"), person: try $0.decode("person"),
                    status: try $0.decode("status"))
            }
            let outcomes = try await session.query(
                """
                SELECT adoption, outcome, person, observed_on, occasion, score FROM outcome
                WHERE household = \(code) OR person IN (SELECT p.code FROM person p WHERE p.household = \(code)) ORDER BY observed_on DESC, outcome
                """
            ).rows.map {
                HouseholdFile.Outcome(
                    adoption: try $0.decode("adoption"), outcome: try $0.decode("outcome"), person: try $0.decode("person", as: String?.self),
                    observedOn: try $0.decode("observed_on"), occasion: try $0.decode("occasion", as: String?.self),
                    score: try $0.decode("score", as: Decimal?.self))
            }
            let events = try await session.query(
                """
                SELECT e.person, e.event, to_char(e.month, 'YYYY-MM') AS month FROM person_event e
                WHERE e.person IN (SELECT p.code FROM person p WHERE p.household = \(code)) ORDER BY e.person, e.event
                """
            ).rows.map { (person: try $0.decode("person", as: String.self), event: try $0.decode("event", as: String.self), month: try $0.decode("month", as: String.self)) }
            return HouseholdFile(
                code: try household.decode("code"), area: try household.decode("area"), size: try household.decode("size"), persons: persons,
                enrolments: enrolments, plans: plans, attendance: attendance, outcomes: outcomes, events: events)
        }
    }
}
