import Foundation
import Postgres
import Templates

extension Publisher {
    /// The audit of one adoption's published figures.
    public struct AdoptionAudit: Sendable, Encodable {
        /// The municipality.
        public let tenant: String
        /// The adoption.
        public let adoption: String
        /// `id@version` of the programme.
        public let programme: String
        /// How many figures are published for it.
        public let figures: Int
        /// How many of them are hidden.
        public let hidden: Int
        /// The ranges of its hidden counts.
        public let audit: ProtectionAudit
    }

    /// Audits the municipality's figures as they stand in schema `shared`, reading nothing a
    /// network reader could not: the shown figures, the programme and each period's days (as
    /// of the day of the figures). Publishing runs the same audit before it writes, so a
    /// failure here means figures written by something else, or by an older Kokon.
    public func audit() async throws -> [AdoptionAudit] {
        try await records.transaction { session in
            let evaluator = Evaluator(records: records)
            var audits: [AdoptionAudit] = []
            let publications = try await session.query(
                "SELECT adoption, model_id || '@' || model_version AS programme, as_of, k FROM shared.publications WHERE tenant = \(tenant.id) ORDER BY adoption"
            ).rows
            for publication in publications {
                let adoption: String = try publication.decode("adoption")
                let asOf: CalendarDate = try publication.decode("as_of")
                let versions = try await evaluator.contexts(adoption: adoption, today: asOf, on: session)
                guard !versions.isEmpty else { continue }
                let periods = Self.periods(versions)
                let order = Dictionary(periods.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { first, _ in first })
                var cells: [AggregateCell] = []
                for row in try await session.query(
                    """
                    SELECT measure, period, unit, value, numerator, denominator, suppressed FROM shared.aggregates
                    WHERE tenant = \(tenant.id) AND adoption = \(adoption) ORDER BY measure
                    """
                ).rows {
                    var cell = AggregateCell(
                        measure: try row.decode("measure"), label: "", kind: nil, period: try row.decode("period"), unit: try row.decode("unit"),
                        value: try row.decode("value"), numerator: try row.decode("numerator"), denominator: try row.decode("denominator"), target: nil,
                        status: nil, sensitiveCounts: [])
                    if try row.decode("suppressed", as: Bool.self) { cell.suppress() }
                    cells.append(cell)
                }
                cells.sort { (order[$0.period] ?? .max) < (order[$1.period] ?? .max) }
                let bound = Self.relations(versions, periods)
                audits.append(
                    AdoptionAudit(
                        tenant: tenant.id, adoption: adoption, programme: try publication.decode("programme"), figures: cells.count, hidden: cells.filter(\.suppressed).count,
                        audit: ProtectionAudit(
                            cells, k: try publication.decode("k"), relations: bound.relations, spans: bound.spans, overTime: bound.overTime,
                            zeros: bound.zeros)))
            }
            return audits
        }
    }
}
