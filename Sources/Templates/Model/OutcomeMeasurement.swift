public import Foundation

/// How an outcome is measured: the instrument (or definition), the scale it scores on and the
/// score that counts as success, when it is taken and who rates it. With a scale, a result
/// indicator counts the subjects whose latest measurement after entry reaches success, and a
/// change indicator compares each subject's entry score with their latest later one.
public struct OutcomeMeasurement: Sendable, Codable, Hashable {
    /// The instrument or the definition the rater applies.
    public var instrument: LocalizedText
    /// The scores the instrument gives; nil for a yes/no observation.
    public var scale: ScoreScale?
    /// The score that counts as success.
    public var success: ScoreThreshold?
    /// When the outcome is measured.
    public var when: [MeasurementOccasion]
    /// For a follow-up: how long after the end of participation.
    public var followUp: Duration?
    /// The role whose worker rates or administers it.
    public var ratedBy: String?
    /// The participant fills it in themselves (the role then administers it).
    public var selfReport: Bool?

    /// Whether the outcome is scored rather than observed.
    public var isScored: Bool { scale != nil }
}

/// The lowest and highest score an instrument gives.
public struct ScoreScale: Sendable, Codable, Hashable {
    /// The lowest score.
    public var min: Int
    /// The highest score.
    public var max: Int

    /// Whether a score lies on the scale.
    public func contains(_ score: Decimal) -> Bool { score >= Decimal(min) && score <= Decimal(max) }
}

/// The score that counts as success: at least one value, at most another, or both.
public struct ScoreThreshold: Sendable, Codable, Hashable {
    /// Success from this score up (a plain number; lint refuses a percentage).
    public var atLeast: Quantity?
    /// Success up to this score.
    public var atMost: Quantity?

    /// Whether a score counts as success.
    public func isMet(by score: Decimal) -> Bool {
        (atLeast.map { score >= $0.value } ?? true) && (atMost.map { score <= $0.value } ?? true)
    }

    /// "co najmniej 30 pkt", "najwyżej 3 pkt", "od 3 do 5 pkt".
    public var polish: String {
        switch (atLeast?.value, atMost?.value) {
        case (let low?, let high?): "od \(PolishWords.number(low)) do \(PolishWords.number(high)) pkt"
        case (let low?, nil): "co najmniej \(PolishWords.number(low)) pkt"
        case (nil, let high?): "najwyżej \(PolishWords.number(high)) pkt"
        case (nil, nil): ""
        }
    }
}
