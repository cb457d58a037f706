public import Foundation

/// One published figure: a measure of one adoption in one period, or its suppressed mark.
public struct AggregateCell: Sendable, Codable, Hashable {
    /// What is measured: a standard measure (`enrolled`, `retention`, …) or an indicator's id.
    public let measure: String
    /// Its Polish name.
    public let label: String
    /// For indicators: output, result, …
    public let kind: String?
    /// `all` or a year.
    public let period: String
    /// `count`, `percent`, `score`, `rate` or `pln`.
    public let unit: FigureUnit
    /// The value; nil when suppressed (or when there is none).
    public var value: Decimal?
    /// For shares: the part.
    public var numerator: Int?
    /// For shares: the whole.
    public var denominator: Int?
    /// The target in words.
    public let target: String?
    /// met, not-met, …
    public let status: String?
    /// Counts of persons or households this figure reveals; each must reach k.
    public internal(set) var sensitiveCounts: [Int]
    /// Stored without numbers because it, or a figure it could be worked out from, is small.
    public var suppressed = false
    /// The programme version the cell was evaluated against (an upgraded adoption publishes
    /// periods before the upgrade under the version run then); nil: the adoption's current one.
    public var modelVersion: String? = nil

    /// A figure, not yet suppressed.
    public init(
        measure: String, label: String, kind: String?, period: String, unit: FigureUnit, value: Decimal?, numerator: Int?, denominator: Int?,
        target: String?, status: String?, sensitiveCounts: [Int]
    ) {
        self.measure = measure
        self.label = label
        self.kind = kind
        self.period = period
        self.unit = unit
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.target = target
        self.status = status
        self.sensitiveCounts = sensitiveCounts
    }

    /// Which figure this is, whatever its value.
    public var key: CellKey { CellKey(period: period, measure: measure) }

    /// Removes the numbers, keeping the mark.
    mutating func suppress() {
        suppressed = true
        value = nil
        numerator = nil
        denominator = nil
    }
}

/// One figure of an adoption: its period and its measure.
public struct CellKey: Sendable, Hashable, CustomStringConvertible {
    /// The period's label.
    public let period: String
    /// The measure.
    public let measure: String

    /// A period's measure.
    public init(period: String, measure: String) {
        self.period = period
        self.measure = measure
    }

    /// `period measure`, as audits print it.
    public var description: String { "\(period) \(measure)" }
}

/// A sum published figures must keep: `total` = the sum of `parts`, all counts in one
/// adoption and period. If exactly one of them were hidden, the others would give it away.
public struct AdditiveRelation: Sendable, Hashable {
    /// The measure that is the sum.
    public let total: String
    /// The measures it is the sum of.
    public let parts: [String]
    /// Measures computed from one part, hidden with it (e.g. retention from `retained`).
    public let derived: [String: [String]]

    /// The relations between the standard measures.
    public static let standard: [AdditiveRelation] = [
        AdditiveRelation(total: "enrolled", parts: ["retained", "dropped-out"], derived: ["retained": ["retention"], "enrolled": ["reach", "cost-per-subject", "dose-months"]]),
        AdditiveRelation(
            total: "enrolled", parts: ["completed", "not-completed"], derived: ["completed": ["completion"], "enrolled": ["reach", "cost-per-subject", "dose-months"]]),
    ]

    /// The standard measures that count events dated inside a period, so a period's figure is
    /// the sum of its parts' (enrolment and completion count everyone active in a period, so
    /// they do not add up that way).
    public static let overTime: Set<String> = ["dropped-out"]
}
