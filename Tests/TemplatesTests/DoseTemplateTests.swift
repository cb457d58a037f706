import Foundation
import Testing

@testable import Templates

@Suite("Dose in templates")
struct DoseTemplateTests {
    @Test func anAdequateDoseIsStatedOnceAndNeverAboveTheExpected() {
        func check(_ keys: String) -> [String] {
            let text = Fixtures.valid.replacingOccurrences(of: "    requires_plan: individual-development-plan\n", with: "    requires_plan: individual-development-plan\n" + keys)
            return Fixtures.catalog([("a.yaml", text)]).diagnostics.sorted.map(\.code)
        }
        #expect(check("    expected_sessions: 10\n    adequate_share: 80%\n").isEmpty)
        #expect(check("    expected_sessions: 10\n    minimum_sessions: 8\n    adequate_share: 80%\n") == ["dose-twice"])
        #expect(check("    adequate_share: 80%\n") == ["dose-share-without-expected"])
        #expect(check("    expected_sessions: 10\n    minimum_sessions: 12\n") == ["dose-above-expected"])
        #expect(check("    session_minutes: {min: 90, max: 60}\n") == ["order"])
        #expect(check("    expected_sessions: 10\n    adequate_share: 0%\n") == ["dose-share-range"])
    }
}
