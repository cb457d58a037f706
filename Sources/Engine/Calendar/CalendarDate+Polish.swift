public import Postgres
import Templates

extension CalendarDate {
    /// The day as Polish pages and messages write it: 01.01.2026. Engine's notes and every
    /// page and report use this one form, the templates' own.
    public var polish: String { Day(self).polish }
}
