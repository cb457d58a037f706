/// A linear programme in equality form, A·x = b with x ≥ 0, solved by the simplex method.
///
/// The protection audit asks it for the least and the greatest value a hidden count can take
/// given the published figures. Its problems are small (one adoption's hidden counts, with
/// coefficients 0 and ±1), so a dense tableau and Bland's rule, which cannot cycle, are enough.
struct LinearProgram: Sendable {
    /// The rows of A.
    var equations: [[Double]]
    /// b.
    var rhs: [Double]
    /// How many unknowns x has.
    let unknowns: Int

    /// An empty programme over `unknowns` unknowns.
    init(unknowns: Int) {
        self.equations = []
        self.rhs = []
        self.unknowns = unknowns
    }

    /// Adds Σ coefficient·x = value.
    mutating func require(_ coefficients: [Int: Double], equal value: Double) {
        var row = [Double](repeating: 0, count: unknowns)
        for (unknown, coefficient) in coefficients { row[unknown] += coefficient }
        equations.append(row)
        rhs.append(value)
    }

    /// What maximising an objective came to.
    enum Outcome: Sendable, Equatable {
        /// The greatest value.
        case optimum(Double)
        /// No greatest value.
        case unbounded
    }

    /// A feasible basis, found once (phase one) and reused for every objective.
    struct Start: Sendable {
        var tableau: [[Double]]
        var basis: [Int]
    }

    static let tolerance = 1e-9

    /// A feasible starting point, or nil when no x satisfies the equations.
    func start() -> Start? {
        let rows = equations.count
        // Columns: the unknowns, one artificial per row, then b.
        var tableau: [[Double]] = []
        for (index, equation) in equations.enumerated() {
            let sign: Double = rhs[index] < 0 ? -1 : 1
            var row = equation.map { $0 * sign }
            row += (0..<rows).map { $0 == index ? 1 : 0 }
            row.append(rhs[index] * sign)
            tableau.append(row)
        }
        var start = Start(tableau: tableau, basis: (0..<rows).map { unknowns + $0 })
        let costs = [Double](repeating: 0, count: unknowns) + [Double](repeating: -1, count: rows)
        guard case .optimum(let value) = Self.maximise(&start, costs: costs, columns: unknowns + rows), value > -1e-7 else { return nil }
        // Artificials still in the basis are at zero: swap each for an unknown of its row, or
        // drop the row, which then repeats the others.
        var row = 0
        while row < start.basis.count {
            if start.basis[row] >= unknowns {
                if let column = (0..<unknowns).first(where: { abs(start.tableau[row][$0]) > Self.tolerance }) {
                    Self.pivot(&start, row: row, column: column)
                } else {
                    start.tableau.remove(at: row)
                    start.basis.remove(at: row)
                    continue
                }
            }
            row += 1
        }
        return start
    }

    /// The greatest value of Σ objective·x from a feasible start.
    func maximise(_ objective: [Int: Double], from start: Start) -> Outcome {
        var state = start
        var costs = [Double](repeating: 0, count: unknowns + equations.count)
        for (unknown, coefficient) in objective { costs[unknown] += coefficient }
        return Self.maximise(&state, costs: costs, columns: unknowns)
    }

    /// Bland's rule: the lowest column that improves enters, the lowest basic one leaves on ties.
    static func maximise(_ state: inout Start, costs: [Double], columns: Int) -> Outcome {
        while true {
            let width = state.tableau.first?.count ?? 1
            var entering: Int?
            for column in 0..<columns where !state.basis.contains(column) {
                var reduced = costs[column]
                for (row, basic) in state.basis.enumerated() { reduced -= costs[basic] * state.tableau[row][column] }
                if reduced > tolerance {
                    entering = column
                    break
                }
            }
            guard let column = entering else {
                var value = 0.0
                for (row, basic) in state.basis.enumerated() { value += costs[basic] * state.tableau[row][width - 1] }
                return .optimum(value)
            }
            var leaving: Int?
            var best = Double.infinity
            for row in state.tableau.indices where state.tableau[row][column] > tolerance {
                let ratio = state.tableau[row][width - 1] / state.tableau[row][column]
                if ratio < best - tolerance || (abs(ratio - best) <= tolerance && state.basis[row] < state.basis[leaving!]) {
                    best = ratio
                    leaving = row
                }
            }
            guard let row = leaving else { return .unbounded }
            pivot(&state, row: row, column: column)
        }
    }

    static func pivot(_ state: inout Start, row: Int, column: Int) {
        let divisor = state.tableau[row][column]
        state.tableau[row] = state.tableau[row].map { $0 / divisor }
        let pivotRow = state.tableau[row]
        for other in state.tableau.indices where other != row {
            let factor = state.tableau[other][column]
            if abs(factor) > 0 {
                for index in pivotRow.indices { state.tableau[other][index] -= factor * pivotRow[index] }
            }
        }
        state.basis[row] = column
    }
}
