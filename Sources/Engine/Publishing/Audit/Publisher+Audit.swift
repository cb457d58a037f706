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

    /// Audits the municipality's figures as they stand in schema `shared`, together with
    /// every earlier publication kept in `shared.publication_history`: which figures were
    /// shown and which hidden, read as a network reader could, each period's days, and the
    /// programme. A shown figure is taken at today's value of its period (see
    /// ``assemble(_:closing:published:history:evaluator:on:)``). Publishing runs the same audit
    /// before it writes, so a failure here means figures written by something else, or by an
    /// older Kokon.
    public func audit() async throws -> [AdoptionAudit] {
        try await records.transaction { session in
            let evaluator = Evaluator(records: records)
            let history = try await Self.history(on: session, tenant: tenant.id)
            var audits: [AdoptionAudit] = []
            let publications = try await session.query(
                "SELECT adoption, model_id || '@' || model_version AS programme, as_of, k FROM shared.publications WHERE tenant = \(tenant.id) ORDER BY adoption"
            ).rows
            for publication in publications {
                let adoption: String = try publication.decode("adoption")
                let asOf: CalendarDate = try publication.decode("as_of")
                let versions = try await evaluator.contexts(adoption: adoption, today: asOf, on: session).filter { $0.start <= $0.asOf }
                guard !versions.isEmpty else { continue }
                let stored = try await Self.stored(adoption, tenant: tenant.id, on: session)
                audits.append(
                    AdoptionAudit(
                        tenant: tenant.id, adoption: adoption, programme: try publication.decode("programme"), figures: stored.count,
                        hidden: stored.filter(\.suppressed).count,
                        audit: try await Self.audit(
                            stored, versions: versions, closing: asOf, k: try publication.decode("k"), history: history[adoption] ?? [], evaluator: evaluator,
                            on: session)))
            }
            return audits
        }
    }

    /// Audits one publication of an adoption (`published`: its figures, shown or hidden, as of
    /// `closing`) together with the earlier ones in `history`.
    static func audit(
        _ published: [AggregateCell], versions: [AdoptionContext], closing: CalendarDate, k: Int, history: [Published], evaluator: Evaluator,
        on session: Session
    ) async throws -> ProtectionAudit {
        let shown = Set(published.filter { !$0.suppressed }.map(\.key))
        let listed = Set(published.map(\.key))
        let periods = Set(published.map(\.period))
        let assembly = try await assemble(versions, closing: closing, published: { periods.contains($0) }, history: history, evaluator: evaluator, on: session)
        // Today's figures as the publication holds them, shown or hidden; a figure an earlier
        // publication showed is known whatever this one does.
        var cells: [AggregateCell] = []
        for (index, cell) in assembly.cells.enumerated() {
            guard index >= assembly.current || listed.contains(cell.key) else { continue }
            var cell = cell
            if index < assembly.current, !shown.contains(cell.key), !assembly.shownBefore.contains(cell.key) { cell.suppress() }
            cells.append(cell)
        }
        let (bound, audited) = (assembly.bound, cells)
        return try await AuditThread.run {
            ProtectionAudit(audited, k: k, relations: bound.relations, spans: bound.spans, overTime: bound.overTime, zeros: bound.zeros)
        }
    }

    /// An adoption's figures as they stand in `shared.aggregates`, the whole period first.
    static func stored(_ adoption: String, tenant: String, on session: Session) async throws -> [AggregateCell] {
        var cells: [AggregateCell] = []
        for row in try await session.query(
            """
            SELECT measure, label, kind, period, unit, value, numerator, denominator, target, status, suppressed, model_version FROM shared.aggregates
            WHERE tenant = \(tenant) AND adoption = \(adoption) ORDER BY measure
            """
        ).rows {
            var cell = AggregateCell(
                measure: try row.decode("measure"), label: try row.decode("label"), kind: try row.decode("kind"), period: try row.decode("period"),
                unit: try row.decode("unit"), value: try row.decode("value"), numerator: try row.decode("numerator"), denominator: try row.decode("denominator"),
                target: try row.decode("target"), status: try row.decode("status"), sensitiveCounts: [])
            cell.modelVersion = try row.decode("model_version")
            if try row.decode("suppressed", as: Bool.self) { cell.suppress() }
            cells.append(cell)
        }
        // In the order publishing makes them: by period, standard measures in report order,
        // then the programme's indicators.
        let rank = Dictionary(uniqueKeysWithValues: StandardMeasure.all.enumerated().map { ($1.id, $0) })
        return cells.sorted {
            let (left, right) = (FigurePeriod($0.period) ?? .whole, FigurePeriod($1.period) ?? .whole)
            return left != right ? left < right : (rank[$0.measure] ?? rank.count, $0.measure) < (rank[$1.measure] ?? rank.count, $1.measure)
        }
    }
}
