public import Postgres

extension CalendarDate {
    /// The day as Polish pages and messages write it: 01.01.2026. Engine's notes and every
    /// page and report use this one form.
    public var polish: String {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(two(day)).\(two(month)).\(year)"
    }
}
