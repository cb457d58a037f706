public import Postgres

/// What a published figure counts in; the database allows the same five
/// (`shared.aggregates.unit`).
public enum FigureUnit: String, Sendable, Codable, CaseIterable, PostgresEncodable, PostgresDecodable {
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

    public static var postgresType: PostgresType { .unknown }
    public var postgresText: String { rawValue }

    public init(postgresText text: String, type: PostgresType) throws(PostgresValueError) {
        guard let unit = Self(rawValue: text) else { throw PostgresValueError("expected a unit: count, percent, score, rate or pln") }
        self = unit
    }
}
