/// Small-cell suppression with complementary suppression, per adoption and period.
///
/// Primary: a figure that reveals a count of fewer than k persons or households is stored
/// without its numbers. Complementary: wherever a total is the sum of parts (enrolled =
/// retained + dropped out), hiding exactly one of them would let anyone work it out from the
/// others, so a second one (the smallest remaining part, or the total) is hidden too, and
/// figures derived from a hidden count (a percentage of it, a cost per household) follow it.
/// Repeated until nothing changes.
public enum Suppression {
    /// The values k may take: below 2 a figure could single out one family, above 100 a
    /// municipality's figures would almost all be hidden. The database enforces the same range
    /// (`k_in_range` on `shared.publications`).
    public static let kRange = 2...100

    /// Refuses a k outside ``kRange`` with a message that says what to use instead.
    public static func check(k: Int) throws(SuppressionError) {
        guard kRange.contains(k) else { throw SuppressionError(k: k) }
    }

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

/// A k outside ``Suppression/kRange``.
public struct SuppressionError: Error, Sendable, CustomStringConvertible {
    /// The k given.
    public let k: Int

    public var description: String {
        "k = \(k) is outside \(Suppression.kRange.lowerBound)...\(Suppression.kRange.upperBound): "
            + "use a k between \(Suppression.kRange.lowerBound) and \(Suppression.kRange.upperBound) (5 is the usual choice)"
    }
}
