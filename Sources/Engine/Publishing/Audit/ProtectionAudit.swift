import Foundation

/// What anyone holding a municipality's published figures could work out about each hidden
/// count: the least and the greatest value it can take, given every shown figure and every
/// relation the figures obey.
///
/// The relations are those suppression protects (parts add up to totals, periods to the
/// whole, target groups to participants), plus what the figures give away besides: a shown
/// share's numerator and denominator, and that a period's enrolment is at most its enclosing
/// period's. Each bound is the optimum of a linear programme over the hidden counts (whole
/// numbers, at least 0). A hidden count is protected when its range holds at least k values.
public struct ProtectionAudit: Sendable, Encodable {
    /// The range of one hidden count.
    public struct Range: Sendable, Hashable, Codable {
        /// The period of the count.
        public let period: String
        /// Its measure.
        public let measure: String
        /// The least value it can take.
        public let lowest: Int
        /// The greatest, or nil when the published figures set no upper bound.
        public let highest: Int?

        /// How many values it can take, or nil for unboundedly many.
        public var values: Int? { highest.map { $0 - lowest + 1 } }

        /// Whether the range holds at least k values.
        public func holds(_ k: Int) -> Bool { values.map { $0 >= k } ?? true }
    }

    /// The linear programme the ranges come from, for checking them with another solver:
    /// `equations`·x = `rhs`, x ≥ 0 and whole; the first `counts` unknowns are hidden counts
    /// (named in `unknowns`), the rest slack.
    public struct Problem: Sendable, Codable {
        /// Each unknown: `period measure` for a hidden count, `slack …` for the rest.
        public let unknowns: [String]
        /// How many of the unknowns are hidden counts.
        public let counts: Int
        /// The rows of the equations.
        public let equations: [[Double]]
        /// Their right-hand sides.
        public let rhs: [Double]
    }

    /// The threshold.
    public let k: Int
    /// Every hidden count any published figure bears on.
    public let ranges: [Range]
    /// The programme they were computed from.
    public let problem: Problem

    /// Whether the published figures agree with each other (some values satisfy every
    /// relation); figures that do not were not made by Kokon, and give no ranges.
    public let consistent: Bool
    /// Positions of cells whose values bind each other: each sum, each enclosing (outer
    /// first), each shown share with the count it gives away.
    let groups: [[Int]]

    enum CodingKeys: String, CodingKey { case k, ranges, problem, consistent }

    /// The hidden counts whose range holds fewer than k values.
    public var exposed: [Range] { ranges.filter { !$0.holds(k) } }

    /// Shares whose shown numerator or denominator is a count published beside them.
    static let shares: [String: (numerator: String?, denominator: String?)] = [
        "retention": ("retained", "enrolled"), "completion": ("completed", "enrolled"), "reach": ("enrolled", nil),
    ]

    /// Measures counting everyone active in a period: a period's figure is at most its
    /// enclosing period's.
    static let enclosed: Set<String> = ["enrolled"]

    /// Audits one adoption's figures as published: suppressed cells are unknown, the rest are
    /// what anyone can read. `spans`, `relations` and `overTime` are those suppression used;
    /// `zeros` names the counts anyone can tell are 0 from the programme
    /// alone, such as completions before the minimum participation can have passed: hidden,
    /// they are known all the same, so they bind the others and need no range of their own.
    public init(
        _ cells: [AggregateCell], k: Int, relations: [AdditiveRelation] = AdditiveRelation.standard, spans: [Suppression.Span] = [],
        overTime: Set<String> = AdditiveRelation.overTime, zeros: Set<CellKey> = []
    ) {
        self.k = k
        let layout = Suppression.Layout(cells, relations: relations, spans: spans, overTime: overTime)
        func shown(_ index: Int) -> Double? {
            guard !cells[index].suppressed, let value = cells[index].value else { return nil }
            return NSDecimalNumber(decimal: value).doubleValue
        }
        // The unknowns: every hidden count in a sum or an enclosing.
        var enclosings: [(part: Int, whole: Int)] = []
        for (whole, parts) in Suppression.tilings(spans) {
            for part in parts {
                for measure in Self.enclosed.sorted() {
                    if let inner = layout.position[part]?[measure], let outer = layout.position[whole]?[measure] { enclosings.append((inner, outer)) }
                }
            }
        }
        var hidden: [Int] = []
        var unknown: [Int: Int] = [:]
        for index in (layout.sums.flatMap { $0 } + enclosings.flatMap { [$0.part, $0.whole] }) where shown(index) == nil && unknown[index] == nil {
            unknown[index] = hidden.count
            hidden.append(index)
        }
        let slacks = enclosings.filter { unknown[$0.part] != nil || unknown[$0.whole] != nil }
        var program = LinearProgram(unknowns: hidden.count + slacks.count)
        for members in layout.sums where members.contains(where: { unknown[$0] != nil }) {
            var coefficients: [Int: Double] = [:]
            var value = 0.0
            for (place, member) in members.enumerated() {
                let sign: Double = place == 0 ? -1 : 1
                if let variable = unknown[member] { coefficients[variable, default: 0] += sign } else { value -= sign * (shown(member) ?? 0) }
            }
            program.require(coefficients, equal: value)
        }
        for (offset, enclosing) in slacks.enumerated() {
            // part + slack = whole
            var coefficients: [Int: Double] = [hidden.count + offset: 1]
            var value = 0.0
            if let part = unknown[enclosing.part] { coefficients[part, default: 0] += 1 } else { value -= shown(enclosing.part) ?? 0 }
            if let whole = unknown[enclosing.whole] { coefficients[whole, default: 0] -= 1 } else { value += shown(enclosing.whole) ?? 0 }
            program.require(coefficients, equal: value)
        }
        var groups = layout.sums + enclosings.map { [$0.whole, $0.part] }
        for (index, cell) in cells.enumerated() where !cell.suppressed {
            guard let share = Self.shares[cell.measure] else { continue }
            for (measure, value) in [(share.numerator, cell.numerator), (share.denominator, cell.denominator)] {
                if let measure, let value, let target = layout.position[cell.period]?[measure], let variable = unknown[target] {
                    program.require([variable: 1], equal: Double(value))
                    groups.append([target, index])
                }
            }
        }
        self.groups = groups
        for (variable, index) in hidden.enumerated() where zeros.contains(cells[index].key) {
            program.require([variable: 1], equal: 0)
        }
        var ranges: [Range] = []
        let start = program.start()
        self.consistent = start != nil
        if let start {
            for (variable, index) in hidden.enumerated() where !zeros.contains(cells[index].key) {
                let cell = cells[index]
                guard case .optimum(let least) = program.maximise([variable: -1], from: start) else { continue }
                let lowest = Int((-least - 1e-6).rounded(.up))
                var highest: Int?
                if case .optimum(let most) = program.maximise([variable: 1], from: start) { highest = Int((most + 1e-6).rounded(.down)) }
                ranges.append(Range(period: cell.period, measure: cell.measure, lowest: max(0, lowest), highest: highest))
            }
        }
        self.ranges = ranges
        let names =
            hidden.map { cells[$0].key.description } + slacks.map { "slack \(cells[$0.part].period) ≤ \(cells[$0.whole].period) \(cells[$0.part].measure)" }
        self.problem = Problem(unknowns: names, counts: hidden.count, equations: program.equations, rhs: program.rhs)
    }
}
