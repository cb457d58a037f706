import Engine
import Foundation
import Postgres
import Testing

@Suite("Today is a day in Poland")
struct TodayTests {
    /// 23:30 UTC on New Year's Eve is already 00:30 on New Year's Day in Warsaw.
    static let newYearInWarsaw = ISO8601DateFormatter().date(from: "2026-12-31T23:30:00Z")!

    @Test func justAfterMidnightInPolandItIsAlreadyTomorrow() throws {
        let zone = try ReferenceTimeZone.resolve([:])
        #expect(zone.identifier == "Europe/Warsaw")
        #expect(CalendarDate.day(of: Self.newYearInWarsaw, in: zone) == CalendarDate(year: 2027, month: 1, day: 1))
        // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July.
        let summer = ISO8601DateFormatter().date(from: "2026-06-30T22:30:00Z")!
        #expect(CalendarDate.day(of: summer, in: zone) == CalendarDate(year: 2026, month: 7, day: 1))
    }

    @Test func theTimeZoneIsConfigurable() throws {
        let utc = try ReferenceTimeZone.resolve(["KOKON_TIME_ZONE": "UTC"])
        #expect(CalendarDate.day(of: Self.newYearInWarsaw, in: utc) == CalendarDate(year: 2026, month: 12, day: 31))
        #expect(throws: ReferenceTimeZoneError.self) { try ReferenceTimeZone.resolve(["KOKON_TIME_ZONE": "Mars/Olympus"]) }
        do {
            _ = try ReferenceTimeZone.resolve(["KOKON_TIME_ZONE": "Mars/Olympus"])
        } catch {
            #expect(error.description.contains("'Mars/Olympus' is not a time zone name: use one like Europe/Warsaw"))
        }
    }

    @Test func todayIsTakenInTheReferenceTimeZone() {
        // Unless the test runs across midnight, both name the same day.
        let expected = CalendarDate.day(of: Date(), in: ReferenceTimeZone.current)
        #expect(CalendarDate.today == expected)
        #expect(ReferenceTimeZone.current.identifier == (ProcessInfo.processInfo.environment["KOKON_TIME_ZONE"] ?? "Europe/Warsaw"))
    }
}
