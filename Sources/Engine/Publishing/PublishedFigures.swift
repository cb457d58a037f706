public import Foundation
public import Postgres
public import Templates

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
        /// For a real municipality: the parts of its data made up for demonstrations.
        public var illustrative: [IllustrativePart] = []
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

    /// Nothing published.
    public static let empty = PublishedFigures(publications: [], figures: [])

    /// Reads what was published for `model` and the period (`all`, a year or a quarter).
    public static func read(_ pool: ConnectionPool, model: String, period: String) async throws -> PublishedFigures {
        try await read(pool, model: model, periods: [period])[period] ?? .empty
    }

    /// Reads what was published for `model` in each of `periods` at once (a period named twice
    /// is read once): the publications once, the figures in one statement.
    public static func read(_ pool: ConnectionPool, model: String, periods: [String]) async throws -> [String: PublishedFigures] {
        try await pool.withSession { session in
            try await session.transaction(as: DatabaseRoles.reporting, searchPath: [Identifier("shared")]) { session in
                let publications = try await session.query(
                    """
                    SELECT tenant, tenant_name, example, adoption, model_id, model_version, model_name, k, as_of, previous_version, upgraded_on,
                           illustrative
                    FROM publications WHERE model_id = \(model) OR \(model) = ANY(lineage) ORDER BY tenant_name, adoption
                    """
                ).rows.map { row -> Publication in
                    let parts = try row.decode("illustrative", as: [String].self).compactMap(IllustrativePart.init(rawValue:))
                    return Publication(
                        tenant: try row.decode("tenant"), tenantName: try row.decode("tenant_name"), example: try row.decode("example"),
                        adoption: try row.decode("adoption"), modelID: try row.decode("model_id"), modelVersion: try row.decode("model_version"),
                        modelName: try row.decode("model_name"), k: try row.decode("k", as: Int32.self).int, asOf: try row.decode("as_of", as: CalendarDate.self).description,
                        previousVersion: try row.decode("previous_version"), upgradedOn: try row.decode("upgraded_on", as: CalendarDate?.self)?.description,
                        illustrative: parts)
                }
                var figures: [String: [Figure]] = [:]
                for row in try await session.query(
                    """
                    SELECT a.tenant, a.adoption, a.measure, a.label, a.kind, a.unit, a.value, a.numerator, a.denominator, a.target, a.status, a.suppressed, a.period
                    FROM aggregates a JOIN publications p ON p.tenant = a.tenant AND p.adoption = a.adoption
                    WHERE (p.model_id = \(model) OR \(model) = ANY(p.lineage)) AND a.period = ANY(\(periods))
                    ORDER BY a.tenant, a.adoption, a.measure
                    """
                ).rows {
                    // By position, in the order of the SELECT: a report reads tens of thousands of rows.
                    figures[try row.decode(12, as: String.self), default: []].append(
                        Figure(
                            tenant: try row.decode(0), adoption: try row.decode(1), measure: try row.decode(2), label: try row.decode(3),
                            kind: try row.decode(4, as: String?.self), unit: try row.decode(5), value: try row.decode(6, as: Decimal?.self),
                            numerator: try row.decode(7, as: Int?.self), denominator: try row.decode(8, as: Int?.self),
                            target: try row.decode(9, as: String?.self), status: try row.decode(10, as: String?.self), suppressed: try row.decode(11)))
                }
                return Dictionary(periods.map { ($0, PublishedFigures(publications: publications, figures: figures[$0, default: []])) }) { first, _ in first }
            }
        }
    }

    /// The periods published for `model` (and models built on it): the whole period, then by
    /// time, each year before its quarters.
    public static func periods(_ pool: ConnectionPool, model: String) async throws -> [FigurePeriod] {
        try await pool.withSession { session in
            try await session.transaction(as: DatabaseRoles.reporting, searchPath: [Identifier("shared")]) { session in
                try await session.query(
                    """
                    SELECT DISTINCT a.period FROM aggregates a JOIN publications p ON p.tenant = a.tenant AND p.adoption = a.adoption
                    WHERE p.model_id = \(model) OR \(model) = ANY(p.lineage)
                    """
                ).rows.compactMap { FigurePeriod(try $0.decode("period", as: String.self)) }.sorted()
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
