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
    }

    /// One published figure.
    public struct Figure: Sendable, Codable, Hashable {
        public let tenant: String
        public let adoption: String
        public let measure: String
        public let label: String
        public let kind: String?
        public let unit: String
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
                    SELECT tenant, tenant_name, example, adoption, model_id, model_version, model_name, k, as_of
                    FROM publications WHERE model_id = \(model) OR \(model) = ANY(lineage) ORDER BY tenant_name, adoption
                    """
                ).rows.map {
                    Publication(
                        tenant: try $0.decode("tenant"), tenantName: try $0.decode("tenant_name"), example: try $0.decode("example"),
                        adoption: try $0.decode("adoption"), modelID: try $0.decode("model_id"), modelVersion: try $0.decode("model_version"),
                        modelName: try $0.decode("model_name"), k: try $0.decode("k", as: Int32.self).int, asOf: try $0.decode("as_of", as: CalendarDate.self).description)
                }
                let figures = try await session.query(
                    """
                    SELECT a.tenant, a.adoption, a.measure, a.label, a.kind, a.unit, a.value, a.numerator, a.denominator, a.target, a.status, a.suppressed
                    FROM aggregates a JOIN publications p ON p.tenant = a.tenant AND p.adoption = a.adoption
                    WHERE (p.model_id = \(model) OR \(model) = ANY(p.lineage)) AND a.period = \(period)
                    ORDER BY a.tenant, a.adoption, a.measure
                    """
                ).rows.map {
                    Figure(
                        tenant: try $0.decode("tenant"), adoption: try $0.decode("adoption"), measure: try $0.decode("measure"), label: try $0.decode("label"),
                        kind: try $0.decode("kind", as: String?.self), unit: try $0.decode("unit"), value: try $0.decode("value", as: Decimal?.self),
                        numerator: try $0.decode("numerator", as: Int?.self), denominator: try $0.decode("denominator", as: Int?.self),
                        target: try $0.decode("target", as: String?.self), status: try $0.decode("status", as: String?.self), suppressed: try $0.decode("suppressed"))
                }
                return PublishedFigures(publications: publications, figures: figures)
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
