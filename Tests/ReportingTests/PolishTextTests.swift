import Engine
import KokonTestSupport
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
        #expect(Reporting.polish(Duration(amount: 3, unit: .year)) == "3 lata")
    }
}
