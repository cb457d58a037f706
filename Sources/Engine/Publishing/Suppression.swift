/// Small-cell suppression with complementary suppression, per adoption and period.
///
/// Primary: a figure that reveals a count of fewer than k persons or households is stored
/// without its numbers. Complementary: wherever a total is the sum of parts (enrolled =
/// retained + dropped out), hiding exactly one of them would let anyone work it out from the
/// others, so a second one (the smallest remaining part, or the total) is hidden too, and
/// figures derived from a hidden count (a percentage of it, a cost per household) follow it.
/// Repeated until nothing changes.
public enum Suppression {
    /// Applies both steps to the cells of one adoption (all periods).
    public static func apply(_ cells: [AggregateCell], k: Int, relations: [AdditiveRelation] = AdditiveRelation.standard) -> [AggregateCell] {
        var cells = cells
        for index in cells.indices where cells[index].sensitiveCounts.contains(where: { $0 < k }) {
            cells[index].suppress()
        }
        let periods = Set(cells.map(\.period))
        var changed = true
        while changed {
            changed = false
            for period in periods {
                func index(_ measure: String) -> Int? { cells.firstIndex { $0.period == period && $0.measure == measure } }
                for relation in relations {
                    let members = ([relation.total] + relation.parts).compactMap(index)
                    guard members.count == relation.parts.count + 1 else { continue }
                    let hidden = members.filter { cells[$0].suppressed }
                    if hidden.count == 1 {
                        // Hide the smallest other part, or the total if every part is hidden but one.
                        let candidates = relation.parts.compactMap(index).filter { !cells[$0].suppressed }
                        let next = candidates.min { (cells[$0].sensitiveCounts.first ?? 0) < (cells[$1].sensitiveCounts.first ?? 0) } ?? index(relation.total)!
                        cells[next].suppress()
                        changed = true
                    }
                    for (source, derived) in relation.derived {
                        guard let source = index(source), cells[source].suppressed else { continue }
                        for measure in derived {
                            if let target = index(measure), !cells[target].suppressed {
                                cells[target].suppress()
                                changed = true
                            }
                        }
                    }
                }
            }
        }
        return cells
    }
}
