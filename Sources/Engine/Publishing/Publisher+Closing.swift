public import Postgres
import Templates

extension Publisher {
    /// The day figures are published as of on `today`: the last day of the last calendar
    /// quarter that has ended.
    ///
    /// Figures change only when a quarter closes, and then by a whole quarter's records, so
    /// comparing two publications never isolates one family: between two closings a
    /// municipality's publication stays the same however often it publishes.
    public static func closing(before today: CalendarDate) -> CalendarDate {
        CalendarDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1).adding(days: -1)
    }

    /// The first day figures as of the closing after `closing` can be published.
    public static func nextPublication(after closing: CalendarDate) -> CalendarDate {
        let next = closing.adding(days: 1)
        return CalendarDate(year: next.month >= 10 ? next.year + 1 : next.year, month: next.month >= 10 ? 1 : next.month + 3, day: 1)
    }

    /// Whether a period's days are over by `closing`: a quarter or a year that has ended. The
    /// whole period is published up to the closing, as a publication's own figure.
    static func isClosed(_ label: String, by closing: CalendarDate) -> Bool {
        guard let days = FigurePeriod(label)?.days else { return true }
        return days.upperBound <= closing
    }

    /// The network's k and what the municipality has published (each adoption with its
    /// closing and k, in one text): what a cached preview depends on besides the records.
    public func state() async throws -> (k: Int, published: String) {
        try await records.transaction { session in
            (
                try await NetworkPolicy.k(on: session),
                try await session.query(
                    """
                    SELECT coalesce(string_agg(adoption || ' ' || as_of || ' ' || k, ',' ORDER BY adoption), '') AS state
                    FROM shared.publications WHERE tenant = \(tenant.id)
                    """
                ).scalar(String.self)
            )
        }
    }
}
