public import Postgres

/// Small-cell suppression with complementary suppression, per adoption, within each period
/// and across periods that add up.
///
/// Primary: a figure that reveals a count of fewer than k persons or households is stored
/// without its numbers. Complementary: wherever a total is the sum of parts (enrolled =
/// retained + dropped out), hiding exactly one of them would let anyone work it out from the
/// others, so a second one (the smallest remaining part, or the total) is hidden too, and
/// figures derived from a hidden count (a percentage of it, a cost per household) follow it.
/// Repeated until nothing changes.
///
/// Where the total is shown, the hidden parts together must also count at least k: their sum
/// is the total less the shown parts, and a small sum would pin each of them to a few values.
public enum Suppression {
    /// The values k may take: below 3 two families could tell each other's figures apart,
    /// above 100 a municipality's figures would almost all be hidden. The database enforces
    /// the same range (`k_in_range` on `kokon.network_policy` and `shared.publications`).
    public static let kRange = 3...100

    /// Refuses a k outside ``kRange`` with a message that says what to use instead.
    public static func check(k: Int) throws(SuppressionError) {
        guard kRange.contains(k) else { throw SuppressionError(k: k) }
    }

    /// The days one published period covers (its first day and the day of its figures).
    public struct Span: Sendable, Hashable {
        /// The period's label: `all`, `2025` or `2025-Q1`.
        public let period: String
        /// Its first day.
        public let start: CalendarDate
        /// The day its figures describe.
        public let end: CalendarDate

        /// A period and its days.
        public init(period: String, start: CalendarDate, end: CalendarDate) {
            self.period = period
            self.start = start
            self.end = end
        }
    }

    /// Applies both steps to the cells of one adoption (all periods).
    ///
    /// Sums hold across periods too: the drop-outs of the quarters of a year add up to the
    /// year's, and the years' to the whole period's. Where periods inside another one
    /// (`spans`) cover its days exactly, each measure of `overTime` obeys that sum, and is
    /// protected like the parts of a total.
    ///
    /// `settled` names figures whose state is already decided: published before, shown or
    /// hidden, they stay as they are, and the rules hide something else instead.
    public static func apply(
        _ cells: [AggregateCell], k: Int, relations: [AdditiveRelation] = AdditiveRelation.standard, spans: [Span] = [],
        overTime: Set<String> = AdditiveRelation.overTime, settled: Set<CellKey> = []
    ) -> [AggregateCell] {
        var cells = cells
        let free = { (index: Int) in !settled.contains(cells[index].key) }
        for index in cells.indices where free(index) && cells[index].sensitiveCounts.contains(where: { $0 < k }) {
            cells[index].suppress()
        }
        let layout = Layout(cells, relations: relations, spans: spans, overTime: overTime)
        let (position, periods, sums) = (layout.position, layout.periods, layout.sums)
        var changed = true
        while changed {
            changed = false
            for members in sums {
                let hidden = members.filter { cells[$0].suppressed }
                // With the total shown, the hidden parts add up to the total less the shown
                // ones: that sum must not be small either, or each of them lies in a range of
                // fewer than k values. One hidden member alone would be known exactly.
                let hiddenSum = hidden.filter { $0 != members[0] }.map { cells[$0].sensitiveCounts.first ?? 0 }.reduce(0, +)
                let exposed = !cells[members[0]].suppressed && !hidden.isEmpty && hiddenSum < k
                guard hidden.count == 1 || exposed else { continue }
                // Hide the smallest shown part, or the total if every part is hidden.
                let candidates = members.dropFirst().filter { !cells[$0].suppressed && free($0) }
                let smallest = candidates.min { (cells[$0].sensitiveCounts.first ?? 0) < (cells[$1].sensitiveCounts.first ?? 0) }
                guard let next = smallest ?? (free(members[0]) ? members[0] : nil), !cells[next].suppressed else { continue }
                cells[next].suppress()
                changed = true
            }
            for period in periods {
                let measures = position[period] ?? [:]
                for relation in relations {
                    for (source, derived) in relation.derived.sorted(by: { $0.key < $1.key }) {
                        guard let source = measures[source], cells[source].suppressed else { continue }
                        for measure in derived {
                            if let target = position[period]?[measure], !cells[target].suppressed, free(target) {
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

    /// Where each cell sits and which sums they obey, as positions in the list of cells.
    struct Layout {
        /// Each period's cells by measure.
        var position: [String: [String: Int]] = [:]
        /// The periods in the order their cells came.
        var periods: [String] = []
        /// Each sum: the total first, then its parts.
        var sums: [[Int]] = []

        init(_ cells: [AggregateCell], relations: [AdditiveRelation], spans: [Span], overTime: Set<String>) {
            // Two publishes of the same figures must hide the same cells, or comparing them
            // would show what one hid. Sums of different periods share no cell, nor do sums
            // over time of different measures, so their order cannot change the outcome; the
            // loops still follow the cells' order, so nobody has to re-check that after a change.
            for (index, cell) in cells.enumerated() {
                if position[cell.period] == nil { periods.append(cell.period) }
                position[cell.period, default: [:]][cell.measure] = index
            }
            for period in periods {
                let measures = position[period] ?? [:]
                for relation in relations {
                    let members = ([relation.total] + relation.parts).compactMap { measures[$0] }
                    if members.count == relation.parts.count + 1 { sums.append(members) }
                }
            }
            for (whole, parts) in tilings(spans) {
                for measure in overTime.sorted() {
                    let members = ([whole] + parts).compactMap { position[$0]?[measure] }
                    if members.count == parts.count + 1 { sums.append(members) }
                }
            }
        }
    }

    /// Each period with the periods inside it that cover its days exactly, without gaps or
    /// overlaps: a year and its quarters; the whole period and its years (and the quarters of
    /// a year not over yet); the whole period as published today and as published at an
    /// earlier closing, with the quarters since. A period is cut from its first day on into
    /// the longest periods that fit, so each sum names its largest parts, and the smaller
    /// ones have sums of their own.
    public static func tilings(_ spans: [Span]) -> [(String, [String])] {
        spans.compactMap { whole in
            let inside = spans.filter { $0.period != whole.period && $0.start >= whole.start && $0.end <= whole.end }
            var parts: [Span] = []
            var day = whole.start
            while day <= whole.end {
                guard let part = inside.filter({ $0.start == day }).max(by: { $0.end < $1.end }) else { return nil }
                parts.append(part)
                day = part.end.adding(days: 1)
            }
            return parts.isEmpty ? nil : (whole.period, parts.map(\.period))
        }
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
