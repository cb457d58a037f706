import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

/// The adaptation register: a change outside the programme's bounds is refused with the bound
/// quoted and nothing written; one inside them is recorded with FRAME's fields and acted on by
/// the evaluation and the forms.
@Suite("Adaptation register")
struct AdaptationRegisterTests {
    static let frame = [
        "adoption": "wygrana-rodzina", "reason": "Rodziny potrzebują więcej czasu.", "decided_by": "Zespół koordynujący", "decided_on": "2025-06-01",
        "planned": "planned", "phase": "implementation", "decider": "programme-manager", "modifies": "content", "level": "individual",
        "nature": "lengthening", "fidelity": "consistent", "goal": "effectiveness", "reason_level": "recipient",
    ]

    static func refusal(_ records: CaseRecords, _ fields: [String: String]) async -> AdaptationRefusal? {
        do {
            try await records.recordAdaptation(fields)
            return nil
        } catch {
            return error as? AdaptationRefusal
        }
    }

    @Test func outsideTheBoundsIsRefusedWithTheBoundQuoted() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            let shorter = try #require(await Self.refusal(records, Self.frame.merging(["code": "A-1", "change": "minimum-duration", "duration": "12"]) { $1 }))
            #expect(shorter.problems.map(\.field) == ["duration"])
            #expect(shorter.problems.first?.message.contains("krótszy niż 18 miesięcy, których wymaga program „Wygrana Rodzina – model toruński”") == true)
            let core = try #require(await Self.refusal(records, Self.frame.merging(["code": "A-1", "change": "drop-component", "component": "family-education"]) { $1 }))
            #expect(core.problems.map(\.field) == ["component"] && core.problems[0].message.contains("komponent rdzenia"))
            var missing = Self.frame.merging(["code": "A-1", "change": "minimum-duration", "duration": "24"]) { $1 }
            missing["phase"] = nil
            missing["decided_on"] = "2099-01-01"
            let incomplete = try #require(await Self.refusal(records, missing))
            #expect(Set(incomplete.problems.map(\.field)) == ["phase", "decided_on"])
            #expect(try await records.recordedAdaptations().isEmpty, "a refused adaptation writes nothing")
        }
    }

    @Test func insideTheBoundsIsRecordedAndActedOn() async throws {
        try await TenancyFixture.with(applying: ["torun"]) { fixture in
            let records = try await fixture.records("torun")
            for (kind, path) in try TorunFiles.write().prefix(3) { try await records.importFile(kind, path: path) }
            // The records' version, which kept figures are checked against, moves with every write and only then.
            let version = try await records.version()
            #expect(try await records.version() == version)
            try await records.recordAdaptation(Self.frame.merging(["code": "A-1", "change": "minimum-duration", "duration": "24"]) { $1 })
            #expect(try await records.version() != version)
            try await records.recordAdaptation(
                Self.frame.merging([
                    "code": "A-2", "change": "add-activity", "component": "family-education", "activity": "summer-picnic",
                    "activity_name": "Letni piknik", "nature": "adding",
                ]) { $1 })
            let register = try await records.recordedAdaptations()
            #expect(register.map(\.code).sorted() == ["A-1", "A-2"])
            #expect(register.first { $0.code == "A-1" }?.nature == .lengthening && register.first { $0.code == "A-1" }?.phase == .implementation)
            // The same code twice is refused.
            let again = try #require(await Self.refusal(records, Self.frame.merging(["code": "A-1", "change": "minimum-duration", "duration": "30"]) { $1 }))
            #expect(again.problems.map(\.field) == ["code"])

            // The evaluation reads the register: both changes, and 24 months as the minimum.
            let evaluation = try #require(try await Evaluator(records: records).evaluate(adoption: "wygrana-rodzina").first)
            #expect(evaluation.adaptations.contains { $0.change == .minimumDuration && $0.duration == Duration(amount: 24, unit: .month) })
            #expect(evaluation.adaptations.contains { $0.change == .addActivity && $0.activity?.id == "summer-picnic" })
            // The added activity can be recorded at once, and stays after the tenant file is applied again.
            try await records.write(
                .sessions,
                [["code": "SES-P", "adoption": "wygrana-rodzina", "component": "family-education", "activity": "summer-picnic", "date": "2025-07-01", "minutes": "120"]])
            _ = try await fixture.directory.apply(["torun"])
            try await records.write(
                .sessions,
                [["code": "SES-Q", "adoption": "wygrana-rodzina", "component": "family-education", "activity": "summer-picnic", "date": "2025-07-08", "minutes": "120"]])
            #expect(try await records.count(.sessions) == 2)
        }
    }
}
