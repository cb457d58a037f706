public import Postgres

extension CalendarDate {
    /// Whole months from one day to another, as the tenant schema's `months_between` (and
    /// PostgreSQL's `age`) counts them: 31 January to 28 February is no whole month.
    public static func wholeMonths(from start: CalendarDate, to end: CalendarDate) -> Int {
        (end.year - start.year) * 12 + (end.month - start.month) - (end.day < start.day ? 1 : 0)
    }
}
