public import Postgres
public import Templates

/// The one seam between the two calendar-day types: Templates and Postgres know nothing of
/// each other, so each has its own, and Engine converts between them here and nowhere else.
extension CalendarDate {
    /// The same calendar day as a template's ``Day``.
    public init(_ day: Day) {
        self.init(year: day.year, month: day.month, day: day.day)
    }
}

extension Day {
    /// The same calendar day as a database ``CalendarDate``.
    public init(_ date: CalendarDate) {
        self.init(year: date.year, month: date.month, day: date.day)
    }
}
