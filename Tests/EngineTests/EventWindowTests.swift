import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// A window criterion: an enrolment must start within so many months after (or before) an
/// event in the person's life, recorded to the month. Events are records of their own, checked
/// at the door; an enrolment outside the window, or with no event recorded, is refused naming
/// the criterion and the event, and nothing is written.
@Suite("Eligibility windows counted from a dated event")
struct EventWindowTests {
    static func day(_ text: String) -> Day { Day.parse(text)! }

    /// Razem zmieniamy jutro with its youth group open only within 12 months of leaving care
    /// (illustrative: the source names leaving care, not a window).
    static let catalog = TenancyFixture.shipped(editing: "models/razem-zmieniamy-jutro/1.0.0.yaml") {
        $0.replacingOccurrences(
            of: "  - id: leaving-care\n    name: {pl: opuszcza placówkę, en: leaving residential care}\n",
            with: """
                  - id: leaving-care
                    name: {pl: opuszcza placówkę, en: leaving residential care}
                  - id: left-care-recently
                    name: {pl: opuścił placówkę w ciągu ostatniego roku, en: left residential care within the last year}
                    type: window
                    window: {event: left-care, event_name: opuszczenie placówki, at_most: 12 months}

                """
        ).replacingOccurrences(
            of: "    age: {min: 13, max: 20, unit: years}\n    related_to: families\n",
            with: "    age: {min: 13, max: 20, unit: years}\n    requires: [left-care-recently]\n    related_to: families\n")
    }

    @Test func anEnrolmentMustStartWithinTheWindowOfARecordedEvent() async throws {
        #expect(Self.catalog.diagnostics.errors.isEmpty, "\(Self.catalog.diagnostics.errors.map(\.message))")
        try await TenancyFixture.with(applying: ["bialystok"], catalog: Self.catalog) { fixture in
            let records = try await fixture.records("bialystok")
            let adoption = "razem-zmieniamy-jutro"
            try await records.write([HouseholdRecord(code: "H-1", area: "starosielce-osiedle", size: 3)])
            try await records.write([
                PersonRecord(code: "Y-1", household: "H-1", birthYear: 2004, relation: "child"),
                PersonRecord(code: "Y-2", household: "H-1", birthYear: 2003, relation: "child"),
                PersonRecord(code: "Y-3", household: "H-1", birthYear: 2004, relation: "child"),
            ])
            func enrol(_ person: String, _ start: String) async throws {
                try await records.write([EnrolmentRecord(adoption: adoption, person: person, targetGroup: "youth", start: Self.day(start))])
            }
            try await records.write([EnrolmentRecord(adoption: adoption, household: "H-1", targetGroup: "families", start: Self.day("2021-01-04"))])

            // Events are checked at the door: an unknown event, a day, a month too far ahead.
            #expect(
                await refusal { try await records.write([EventRecord(person: "Y-1", event: "left-school", month: "2020-06")]) }?.contains(
                    "event 'left-school' is not one any adopted programme's criteria count from; events: left-care") == true)
            #expect(
                await refusal { try await records.write([EventRecord(person: "Y-1", event: "left-care", month: "2020-06-15")]) }?.contains(
                    "month '2020-06-15' must be a month written YYYY-MM, e.g. 2024-05; only the month is kept, never the day") == true)
            #expect(await refusal { try await records.write([EventRecord(person: "Y-1", event: "left-care", month: "2099-01")]) }?.contains("more than a year ahead") == true)
            #expect(await refusal { try await records.write([EventRecord(person: "Y-9", event: "left-care", month: "2020-06")]) }?.contains("person 'Y-9' is not recorded") == true)
            #expect(try await records.count(.events) == 0, "a refused event writes nothing")

            let none = await refusal { try await enrol("Y-1", "2021-03-01") }
            #expect(
                none?.contains(
                    "person Y-1 has no 'left-care' (opuszczenie placówki) recorded, which 'left-care-recently' (opuścił placówkę w ciągu ostatniego roku), required by target group youth, counts from; record the month of the event (events: person, event, month), or enrol in another group"
                ) == true, "\(none ?? "accepted")")

            try await records.write([
                EventRecord(person: "Y-1", event: "left-care", month: "2020-06"), EventRecord(person: "Y-2", event: "left-care", month: "2019-12"),
                EventRecord(person: "Y-3", event: "left-care", month: "2021-05"),
            ])
            #expect(try await records.count(.events) == 3)
            // Y-2 left care 15 months before; Y-3 only after the enrolment would start.
            let late = await refusal { try await enrol("Y-2", "2021-03-01") }
            #expect(
                late?.contains(
                    "person Y-2 does not meet 'left-care-recently' (opuścił placówkę w ciągu ostatniego roku), which target group youth requires: the enrolment must start at most 12 months after 'left-care' (opuszczenie placówki), and this one starts outside that time; enrol in another group, or correct the month of the event"
                ) == true, "\(late ?? "accepted")")
            #expect(await refusal { try await enrol("Y-3", "2021-03-01") } != nil, "an enrolment before the event is outside a window after it")
            #expect(try await records.count(.enrolments) == 1, "a refused enrolment writes nothing")
            // Twelve months after June 2020 is still inside; the day within the month does not count.
            try await enrol("Y-1", "2021-06-30")
            #expect(try await records.count(.enrolments) == 2)

            // Erasing a person erases their events too.
            let erased = try await records.erasePerson("Y-2")
            #expect(erased.removed.contains { $0.kind == "person_event" && $0.rows == 1 })
            #expect(try await records.count(.events) == 2)
        }
    }
}
