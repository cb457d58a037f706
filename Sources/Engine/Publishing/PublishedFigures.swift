public import Foundation
public import Postgres

/// Published figures as network reports read them: only from schema `shared`, only as the
/// reporting role, which can read nothing else.
public struct PublishedFigures: Sendable, Codable {
    /// One municipality's adoption of the model.
    public struct Publication: Sendable, Codable, Hashable {
        public let tenant: String
        public let tenantName: String
        public let example: Bool
        public let adoption: String
        public let modelID: String
        public let modelVersion: String
        public let modelName: String
        public let k: Int
        public let asOf: String
        /// For an adoption upgraded during its period: the version run before, and the first
        /// day of the current one.
        public var previousVersion: String? = nil
        public var upgradedOn: String? = nil
    }

    /// One published figure.
    public struct Figure: Sendable, Codable, Hashable {
        public let tenant: String
        public let adoption: String
        public let measure: String
        public let label: String
        public let kind: String?
        public let unit: FigureUnit
        public let value: Decimal?
        public let numerator: Int?
        public let denominator: Int?
        public let target: String?
        public let status: String?
        public let suppressed: Bool
    }

    /// The adoptions of the model (and of models built on it).
    public let publications: [Publication]
    /// Their figures for the period.
    public let figures: [Figure]

    /// Reads what was published for `model` and the period (`all` or a year).
    public static func read(_ pool: ConnectionPool, model: String, period: String) async throws -> PublishedFigures {
        try await pool.withSession { session in
            try await session.transaction(as: DatabaseRoles.reporting, searchPath: [Identifier("shared")]) { session in
                let publications = try await session.query(
                    """
                    SELECT tenant, tenant_name, example, adoption, model_id, model_version, model_name, k, as_of, previous_version, upgraded_on
                    FROM publications WHERE model_id = \(model) OR \(model) = ANY(lineage) ORDER BY tenant_name, adoption
                    """
                ).rows.map {
                    Publication(
                        tenant: try $0.decode("tenant"), tenantName: try $0.decode("tenant_name"), example: try $0.decode("example"),
                        adoption: try $0.decode("adoption"), modelID: try $0.decode("model_id"), modelVersion: try $0.decode("model_version"),
                        modelName: try $0.decode("model_name"), k: try $0.decode("k", as: Int32.self).int, asOf: try $0.decode("as_of", as: CalendarDate.self).description,
                        previousVersion: try $0.decode("previous_version"), upgradedOn: try $0.decode("upgraded_on", as: CalendarDate?.self)?.description)
                }
                let figures = try await session.query(
                    """
                    SELECT a.tenant, a.adoption, a.measure, a.label, a.kind, a.unit, a.value, a.numerator, a.denominator, a.target, a.status, a.suppressed
                    FROM aggregates a JOIN publications p ON p.tenant = a.tenant AND p.adoption = a.adoption
                    WHERE (p.model_id = \(model) OR \(model) = ANY(p.lineage)) AND a.period = \(period)
                    ORDER BY a.tenant, a.adoption, a.measure
                    """
                ).rows.map {
                    // By position, in the order of the SELECT: a report reads tens of thousands of rows.
                    Figure(
                        tenant: try $0.decode(0), adoption: try $0.decode(1), measure: try $0.decode(2), label: try $0.decode(3),
                        kind: try $0.decode(4, as: String?.self), unit: try $0.decode(5), value: try $0.decode(6, as: Decimal?.self),
                        numerator: try $0.decode(7, as: Int?.self), denominator: try $0.decode(8, as: Int?.self),
                        target: try $0.decode(9, as: String?.self), status: try $0.decode(10, as: String?.self), suppressed: try $0.decode(11))
                }
                return PublishedFigures(publications: publications, figures: figures)
            }
        }
    }

    /// The periods published for `model` (and models built on it): `all`, then years, oldest first.
    public static func periods(_ pool: ConnectionPool, model: String) async throws -> [String] {
        try await pool.withSession { session in
            try await session.transaction(as: DatabaseRoles.reporting, searchPath: [Identifier("shared")]) { session in
                let periods: [String] = try await session.query(
                    """
                    SELECT DISTINCT a.period FROM aggregates a JOIN publications p ON p.tenant = a.tenant AND p.adoption = a.adoption
                    WHERE p.model_id = \(model) OR \(model) = ANY(p.lineage)
                    """
                ).rows.map { try $0.decode("period") }
                return periods.sorted { ($0 == "all" ? 0 : 1, $0) < ($1 == "all" ? 0 : 1, $1) }
            }
        }
    }

    /// Every model with at least one publication, by id, with its Polish name.
    public static func models(_ pool: ConnectionPool) async throws -> [(id: String, name: String)] {
        try await pool.withSession { session in
            try await session.transaction(as: DatabaseRoles.reporting, searchPath: [Identifier("shared")]) { session in
                try await session.query("SELECT DISTINCT ON (model_id) model_id, model_name FROM publications ORDER BY model_id, model_version_order DESC").rows.map {
                    (try $0.decode("model_id", as: String.self), try $0.decode("model_name", as: String.self))
                }
            }
        }
    }
}

extension Int32 {
    var int: Int { Int(self) }
}
