extension Suppression {
    /// Suppresses (``apply(_:k:relations:spans:overTime:)``), then audits the result and hides
    /// more until every hidden count lies in a range of at least k values.
    ///
    /// The rules of `apply` are quick and cover the usual patterns; the audit sees what they
    /// miss (a count pinned by several sums at once, by an enclosing period, by a shown share).
    /// Each round hides the smallest shown figure bound up with an exposed count, so it ends.
    /// Figures `settled` by an earlier publication are never chosen: what was shown is known.
    public static func protect(
        _ cells: [AggregateCell], k: Int, relations: [AdditiveRelation] = AdditiveRelation.standard, spans: [Span] = [],
        overTime: Set<String> = AdditiveRelation.overTime, zeros: Set<CellKey> = [], settled: Set<CellKey> = []
    ) -> [AggregateCell] {
        var cells = apply(cells, k: k, relations: relations, spans: spans, overTime: overTime, settled: settled)
        for _ in cells.indices {
            let audit = ProtectionAudit(cells, k: k, relations: relations, spans: spans, overTime: overTime, zeros: zeros)
            let exposed = Set(audit.exposed.map { CellKey(period: $0.period, measure: $0.measure) })
            guard !exposed.isEmpty else { break }
            let weak = cells.indices.filter { exposed.contains(cells[$0].key) }
            let candidates = audit.groups.filter { !Set($0).isDisjoint(with: weak) }.flatMap { $0 }.filter {
                !cells[$0].suppressed && !settled.contains(cells[$0].key)
            }
            guard let next = candidates.min(by: { (cells[$0].sensitiveCounts.first ?? 0) < (cells[$1].sensitiveCounts.first ?? 0) }) else { break }
            cells[next].suppress()
            cells = apply(cells, k: k, relations: relations, spans: spans, overTime: overTime, settled: settled)
        }
        return cells
    }
}
