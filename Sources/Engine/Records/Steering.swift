public import Postgres

/// What a coordinator steers the programme by, beside the evaluation: who carries which
/// families against their role's limit, and what the networks do.
extension CaseRecords {
    /// One worker's current caseload.
    public struct Caseload: Sendable {
        /// The worker's pseudonymous code.
        public let staff: String
        /// The adoption they work in.
        public let adoption: String
        /// Their role's id in the programme.
        public let role: String
        /// The role's name in Polish, from the programme.
        public let roleName: String
        /// Their organisation's name, if recorded.
        public let organisation: String?
        /// Households assigned to them today.
        public let households: [String]
        /// The role's caseload limit, after the municipality's adaptations; nil if none.
        public let limit: Int?

        /// Whether they carry more households than the limit.
        public var isOverLimit: Bool { limit.map { households.count > $0 } ?? false }
    }

    /// One network's members and how many actions it held each year.
    public struct NetworkActivity: Sendable {
        /// The network's code in the municipality.
        public let code: String
        /// The adoption it belongs to.
        public let adoption: String
        /// The programme's name for the kind of network, in Polish.
        public let name: String
        /// Its area, if it serves one.
        public let area: String?
        /// When it was formed.
        public let formedOn: CalendarDate
        /// Members and their sectors.
        public let members: [(member: String, sector: String)]
        /// Actions held, per year, oldest first.
        public let actionsByYear: [(year: Int, actions: Int)]
    }

    /// Every worker with their households today and their role's limit, by adoption and code.
    public func caseloads(today: CalendarDate = .today) async throws -> [Caseload] {
        try await transaction { session in
            let contexts = try await Evaluator(records: self).contexts(adoption: nil, today: today, on: session)
            let rows = try await session.query(
                """
                SELECT s.code, s.adoption, s.role, o.name AS organisation,
                       coalesce(array_agg(a.household ORDER BY a.household) FILTER (WHERE a.household IS NOT NULL), '{}') AS households
                FROM staff s
                LEFT JOIN organisation o ON o.id = s.organisation
                LEFT JOIN assignment a ON a.staff = s.code AND a.starts_on <= \(today) AND (a.ends_on IS NULL OR a.ends_on >= \(today))
                GROUP BY s.code, s.adoption, s.role, o.name
                ORDER BY s.adoption, s.code
                """
            ).rows
            return try rows.map { row in
                let adoption: String = try row.decode("adoption")
                let role: String = try row.decode("role")
                let context = contexts.first { $0.id == adoption }
                return Caseload(
                    staff: try row.decode("code"), adoption: adoption, role: role, roleName: context?.names[role] ?? role,
                    organisation: try row.decode("organisation", as: String?.self), households: try row.decode("households", as: [String].self),
                    limit: context?.caseloadLimit(role))
            }
        }
    }

    /// Every network with its members and its actions per year.
    public func networkActivity() async throws -> [NetworkActivity] {
        try await transaction { session in
            // The kind's Polish name from the adopted programme's elements, without decoding it.
            let networks = try await session.query(
                """
                SELECT n.code, n.adoption, coalesce(me.name, n.network) AS name, n.area, n.formed_on FROM network n
                LEFT JOIN model_element me ON me.adoption = n.adoption AND me.kind = 'network' AND me.id = n.network
                ORDER BY n.adoption, n.code
                """
            ).rows
            let members = try await session.query("SELECT network, member, sector FROM network_member ORDER BY network, member").rows
            let actions = try await session.query(
                """
                SELECT network, extract(year FROM held_on)::integer AS year, count(*)::integer AS actions
                FROM network_action GROUP BY network, year ORDER BY network, year
                """
            ).rows
            return try networks.map { row in
                let code: String = try row.decode("code")
                return NetworkActivity(
                    code: code, adoption: try row.decode("adoption"), name: try row.decode("name"),
                    area: try row.decode("area", as: String?.self), formedOn: try row.decode("formed_on"),
                    members: try members.filter { try $0.decode("network", as: String.self) == code }.map {
                        (member: try $0.decode("member", as: String.self), sector: try $0.decode("sector", as: String.self))
                    },
                    actionsByYear: try actions.filter { try $0.decode("network", as: String.self) == code }.map {
                        (year: try $0.decode("year", as: Int.self), actions: try $0.decode("actions", as: Int.self))
                    })
            }
        }
    }

    /// The household each of `codes` belongs to (a household's code is its own; a person's is
    /// their household's), for linking findings; codes the scope does not show are left out.
    public func householdsOf(_ codes: [String]) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        return try await transaction { session in
            let rows = try await session.query(
                """
                SELECT code, code AS household FROM household WHERE code = ANY(\(codes))
                UNION ALL SELECT code, household FROM person WHERE code = ANY(\(codes))
                """
            ).rows
            var result: [String: String] = [:]
            for row in rows { result[try row.decode("code")] = try row.decode("household") }
            return result
        }
    }
}
