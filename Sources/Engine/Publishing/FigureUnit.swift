/// What a published figure counts in; the database allows the same five
/// (`shared.aggregates.unit`).
public enum FigureUnit: String, Sendable, Codable, StoredWord {
    /// Persons, households, sessions: a whole number.
    case count
    /// A share, 0–100.
    case percent
    /// A score, such as fidelity 0–100.
    case score
    /// A rate, such as sessions per participant.
    case rate
    /// Złoty.
    case pln
}
