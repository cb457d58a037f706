public import Foundation
public import Postgres

/// The time zone in which Kokon's users live their days: Europe/Warsaw unless the
/// `KOKON_TIME_ZONE` variable names another.
///
/// "Today" decides what users see ("as of") and rules that depend on the day (18 months
/// reached). Taken in UTC, the hour after midnight in Poland would still be yesterday.
public enum ReferenceTimeZone {
    /// The environment variable that overrides the time zone.
    public static let variable = "KOKON_TIME_ZONE"
    /// The time zone used when the variable is not set.
    public static let standard = "Europe/Warsaw"

    /// The time zone the environment asks for, or a clear error for a name that is not one.
    public static func resolve(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(ReferenceTimeZoneError) -> TimeZone {
        let name = environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? standard
        guard let zone = TimeZone(identifier: name) else { throw ReferenceTimeZoneError(name: name) }
        return zone
    }

    /// The process's reference time zone. The command line checks the variable before any
    /// command runs (``resolve(_:)``), so the fallback to the standard zone is never silent.
    public static var current: TimeZone {
        (try? resolve()) ?? TimeZone(identifier: standard)!
    }
}

/// A `KOKON_TIME_ZONE` that names no time zone.
public struct ReferenceTimeZoneError: Error, Sendable, CustomStringConvertible {
    /// The name given.
    public let name: String

    public var description: String {
        "\(ReferenceTimeZone.variable)='\(name)' is not a time zone name: use one like Europe/Warsaw (the default when the variable is unset)"
    }
}

extension CalendarDate {
    /// Today in the reference time zone (``ReferenceTimeZone``).
    public static var today: CalendarDate { day(of: Date(), in: ReferenceTimeZone.current) }

    /// The calendar day an instant falls on in a time zone.
    public static func day(of instant: Date, in zone: TimeZone) -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: zone, from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
