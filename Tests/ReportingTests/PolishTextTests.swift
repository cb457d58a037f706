import Engine
import Foundation
import KokonTestSupport
import Postgres
import Templates
import Testing

@testable import Reporting

@Suite("Reports speak Polish")
struct PolishTextTests {
    @Test(arguments: [
        (1, "1 miesiąc"), (2, "2 miesiące"), (4, "4 miesiące"), (5, "5 miesięcy"), (11, "11 miesięcy"), (12, "12 miesięcy"),
        (14, "14 miesięcy"), (21, "21 miesięcy"), (22, "22 miesiące"), (112, "112 miesięcy"), (0, "0 miesięcy"),
    ])
    func pluralFollowsTheNumber(_ n: Int, _ expected: String) {
        #expect(PolishGrammar.count(n, "miesiąc", "miesiące", "miesięcy") == expected)
    }

    @Test func anAdaptationIsDescribedInTheProgrammesOwnNames() throws {
        let torun = try #require(TenancyFixture.shipped.tenant("torun"))
        let adoption = try #require(torun.adoptions.first { $0.id == "wygrana-rodzina" })
        let programme = try #require(adoption.resolvedModel.flatMap(TenancyFixture.shipped.programme))
        let adaptation = try #require(adoption.adaptations?.first)
        #expect(
            Reporting.polishSummary(adaptation, names: programme.polishNames)
                == "nowe działanie „piknik podwórkowy” w komponencie „\(programme.component("neighbourhood-self-help")?.name?.pl ?? "?")”")
        #expect(Duration(amount: 3, unit: .year).polish == "3 lata")
    }

    /// Engine reports what the records show; the sentences are written here, in both languages.
    @Test func findingsAreSentencesInTheProgrammesOwnNames() {
        let ended = Finding(
            rule: .minimumParticipation, entity: "H-2",
            facts: .participationEnded(start: CalendarDate(year: 2024, month: 8, day: 1), end: CalendarDate(year: 2025, month: 6, day: 30), months: 11, minimum: 18),
            shortfall: 7)
        #expect(Reporting.sentence(ended, names: [:]).en == "took part 11 months (2024-08-01 to 2025-06-30), 7 short of the 18 the programme requires")
        #expect(Reporting.sentence(ended, names: [:]).pl == "udział trwał 11 miesięcy (2024-08-01 – 2025-06-30), o 7 miesięcy krócej niż wymagane w programie 18")
        let network = Finding(
            rule: .networkObligation, entity: "N-1", facts: .networkActions(year: 2025, held: 0, minimum: 1, actionTypes: ["campaign", "debate", "local-event"]), shortfall: 1)
        #expect(Reporting.sentence(network, names: [:]).en == "held 0 of the required 1 campaign/debate/local-event in 2025")
        #expect(Reporting.sentence(network, names: [:]).pl == "w roku 2025 zrealizowano 0 działań; wymagane co najmniej 1 (kampania, debata, wydarzenie lokalne)")
        let plan = Finding(
            rule: .requiredPlan, entity: "P-4", facts: .missingPlan(component: "talent-academy", targetGroup: "children", plan: "idp"), shortfall: 1)
        #expect(
            Reporting.sentence(plan, names: ["talent-academy": "Akademia Talentów", "children": "dzieci", "idp": "indywidualny plan rozwoju"]).pl
                == "uczestniczy w komponencie „Akademia Talentów” (dzieci) bez dokumentu „indywidualny plan rozwoju”")
        let caseload = Finding(
            rule: .caseload, entity: "S-1", facts: .caseload(role: "family-assistant", cases: 22, limit: 15, day: CalendarDate(year: 2026, month: 1, day: 5)), shortfall: 7)
        #expect(
            Reporting.sentence(caseload, names: ["family-assistant": "asystent rodziny"]).pl == "asystent rodziny: wspiera 22 rodziny w dniu 2026-01-05, o 7 więcej niż limit 15")
        let supervision = Finding(
            rule: .caseload, entity: "family-assistant",
            facts: .supervision(role: "family-assistant", workers: 9, supervisor: "supervisor", supervisors: 0, atMost: 8), shortfall: 2)
        #expect(
            Reporting.sentence(supervision, names: ["family-assistant": "asystent rodziny", "supervisor": "superwizor"]).pl
                == "9 × „asystent rodziny” potrzebuje co najmniej 2 × „superwizor” (jeden na najwyżej 8), a w zespole nie ma żadnego")
        let open = Finding(rule: .networkObligation, entity: "N-1", facts: .networkActions(year: 2025, held: 0, minimum: 1, actionTypes: []), shortfall: 1)
        #expect(Reporting.sentence(open, names: [:]).pl == "w roku 2025 zrealizowano 0 działań; wymagane co najmniej 1 (dowolnego rodzaju)")
        #expect(Reporting.polishName(.quota) == "limity miejsc w grupach docelowych")
    }
}

@Suite("Numbers as Polish readers expect them")
struct PolishNumberTests {
    @Test(arguments: [
        (0.0, 1, "0,0"), (12.5, 1, "12,5"), (-12.5, 1, "−12,5"), (1234567.891, 2, "1\u{00A0}234\u{00A0}567,89"), (999.96, 1, "1\u{00A0}000,0"),
        (-0.04, 1, "0,0"), (33.333, 1, "33,3"), (100, 0, "100"), (1500, 0, "1\u{00A0}500"), (0.05, 2, "0,05"),
    ])
    func formatsLikeAReport(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(Polish.number(value, decimals: decimals) == expected)
    }

    @Test func spreadsheetsGetPlainNumbers() {
        #expect(Polish.number(-1234.5, decimals: 1, grouping: "", minus: "-") == "-1234,5")
    }
}

@Suite("Decimals as Polish readers expect them")
struct PolishDecimalTests {
    @Test(arguments: [
        ("0", 1, "0,0"), ("12.5", 1, "12,5"), ("-12.5", 1, "−12,5"), ("1234567.891", 2, "1\u{00A0}234\u{00A0}567,89"), ("999.96", 1, "1\u{00A0}000,0"),
        ("-0.04", 1, "0,0"), ("33.33", 1, "33,3"), ("100", 0, "100"), ("1500", 0, "1\u{00A0}500"), ("0.05", 2, "0,05"), ("0.42", 1, "0,4"),
        ("25000", 0, "25\u{00A0}000"), ("60", 1, "60,0"),
    ])
    func formatsLikeAReport(_ value: String, _ decimals: Int, _ expected: String) throws {
        #expect(Polish.number(try #require(Decimal(string: value)), decimals: decimals) == expected)
    }
}

@Suite("Dose in words")
struct DoseWordingTests {
    @Test func aComponentsDoseReadsAsASentence() {
        let both = ComponentDose(
            component: "family-education", sessionMinutes: MinuteRange(min: 60, max: 90), sessionsHeld: 20, sessionsWithinLength: 18,
            adequateSessions: 30, unit: .family, subjects: 4, adequate: 3)
        #expect(
            EvaluationSection.doseLine(both, names: ["family-education": "Edukacja rodzinna"])
                == "„Edukacja rodzinna”: 3 z 4 rodzin otrzymało dotąd wystarczającą dawkę (co najmniej 30 spotkań w całym udziale); 18 z 20 spotkań trwało 60–90 minut.")
        let lengthOnly = ComponentDose(
            component: "club", sessionMinutes: MinuteRange(min: 45, max: 45), sessionsHeld: 1, sessionsWithinLength: 1, adequateSessions: nil,
            unit: .person, subjects: 0, adequate: 0)
        #expect(EvaluationSection.doseLine(lengthOnly, names: [:]) == "„club”: 1 z 1 spotkania trwało 45 minut.")
        #expect(both.lengthShare == 0.9 && both.adequateShare == 0.75 && lengthOnly.adequateShare == nil)
    }
}
