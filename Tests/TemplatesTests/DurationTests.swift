import Templates
import Testing

/// Durations as methodologists write them: whole units, a decimal that a smaller unit counts
/// exactly, and a clear sentence for anything else.
@Suite("Durations")
struct DurationTests {
    @Test func decimalsBecomeTheSmallerUnitWhereExact() {
        #expect(Duration.parse("2.5 years") == Duration(amount: 30, unit: .month))
        #expect(Duration.parse("2,5 roku") == Duration(amount: 30, unit: .month))
        #expect(Duration.parse("0.5 year") == Duration(amount: 6, unit: .month))
        #expect(Duration.parse("1.5 weeks") == nil)
        #expect(Duration.parse("18 months") == Duration(amount: 18, unit: .month))
        #expect(Duration.parse("18 miesięcy") == Duration(amount: 18, unit: .month))
    }

    @Test func anythingElseSaysHowToWriteIt() {
        func message(_ text: String) -> String {
            if case .failure(let problem) = Duration.read(text) { problem.message } else { "" }
        }
        #expect(message("2.3 years") == "2.3 years is not a whole number of months; write it in months, e.g. \"28 months\"")
        #expect(message("1.5 weeks") == "1.5 weeks is not a whole number of days; write it in days, e.g. \"11 days\"")
        #expect(message("1.5 months") == "1.5 months is not a whole number of months; write a whole number, or weeks or days, e.g. \"7 weeks\"")
        #expect(message("18 moths") == "'moths' is not a unit of time; use days, weeks, months or years")
        #expect(message("eighteen months") == "'eighteen' is not a number; write a whole number or a decimal such as 2.5, then a unit (days, weeks, months or years)")
        #expect(message("0 months") == "a duration must be longer than 0")
        #expect(message("18months") == "write a number and a unit (days, weeks, months or years), e.g. \"18 months\"")
    }
}
