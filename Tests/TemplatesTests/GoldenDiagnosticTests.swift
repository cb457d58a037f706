import Foundation
import Testing

@testable import Templates

/// One test per diagnostic kind: the exact `file:line:column: severity: message` and code.
@Suite("Golden diagnostics")
struct GoldenDiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let code: String
        let yaml: String
        let expected: String
        var testDescription: String { code }
    }

    static func replacing(_ old: String, _ new: String) -> String {
        precondition(Fixtures.valid.contains(old), "fixture lacks \(old)")
        return Fixtures.valid.replacingOccurrences(of: old, with: new)
    }

    static let cases: [Case] = [
        Case(
            code: "unknown-key", yaml: replacing("    name: mentor\n", "    name: mentor\n    salary: 1\n"),
            expected: "t.yaml:10:5: error: unknown key 'salary' in 'roles[1]'"),
        Case(
            code: "unknown-key", yaml: replacing("participation:", "partcipation:"),
            expected: "t.yaml:4:1: error: unknown key 'partcipation' in the programme"),
        Case(
            code: "missing-key", yaml: replacing("name: Program testowy\n", ""),
            expected: "t.yaml:1:1: error: the programme is missing the required key 'name'"),
        Case(
            code: "wrong-type", yaml: replacing("    roles: [mentor]", "    roles: mentor"),
            expected: "t.yaml:17:12: error: 'components[1].roles' must be a list (- items), but it is a single value"),
        Case(
            code: "missing-value", yaml: replacing("  unit: family", "  unit:"),
            expected: "t.yaml:5:8: error: 'participation.unit' has no value; expected one of: family, person"),
        Case(
            code: "invalid-value", yaml: replacing("18 months", "18 moths"),
            expected: "t.yaml:6:21: error: 'participation.minimum_duration' is '18 moths', but it must be a duration like \"18 months\", \"2 weeks\" or \"2.5 years\""),
        Case(
            code: "invalid-value", yaml: replacing("  unit: family", "  unit: famly"),
            expected: "t.yaml:5:9: error: 'participation.unit' is 'famly', but it must be one of: family, person"),
        Case(
            code: "invalid-value", yaml: replacing("version: 1.0.0", "version: 1.0"),
            expected: "t.yaml:2:10: error: 'version' is '1.0', but it must be a version number like 1.0.0"),
        Case(
            code: "duplicate-key", yaml: replacing("name: Program testowy\n", "name: Program testowy\nname: Drugi\n"),
            expected: "t.yaml:4:1: error: the key 'name' appears twice in the same mapping"),
        Case(
            code: "tab-indent", yaml: replacing("  unit: family", "\tunit: family"),
            expected: "t.yaml:5:1: error: a tab is used for indentation; YAML indents with spaces only"),
        Case(
            code: "anchor", yaml: replacing("participation:", "participation: &p"),
            expected: "t.yaml:4:16: error: anchors (&p) are not allowed in Kokon files"),
        Case(
            code: "alias", yaml: Fixtures.valid + "goals: [*g]\n",
            expected: "t.yaml:24:9: error: aliases (*name) are not allowed in Kokon files"),
        Case(
            code: "tag", yaml: replacing("version: 1.0.0", "version: !!str 1.0.0"),
            expected: "t.yaml:2:10: error: YAML tags (tag:yaml.org,2002:str) are not allowed in Kokon files"),
        Case(
            code: "syntax", yaml: replacing("name: Program testowy", "name: Etap 1: diagnoza"),
            expected: "t.yaml:3:13: error: YAML syntax error: mapping values are not allowed in this context"),
        Case(
            code: "multiple-documents", yaml: Fixtures.valid + "---\nid: x\n",
            expected: "t.yaml:24:1: error: the file holds more than one YAML document (a second `---`)"),
        Case(
            code: "empty-document", yaml: "# nothing here\n",
            expected: "t.yaml:2:1: error: the file is empty"),
        Case(
            code: "complex-key", yaml: "? [a, b]\n: c\n",
            expected: "t.yaml:1:3: error: a key must be a single value, not a list or mapping"),
        Case(
            code: "unknown-reference", yaml: replacing("    roles: [mentor]", "    roles: [mentr]"),
            expected: "t.yaml:17:13: error: unknown role 'mentr'"),
        Case(
            code: "duplicate-id", yaml: replacing("    caseload: {max: 12}\n", "    caseload: {max: 12}\n  - id: mentor\n    name: drugi\n"),
            expected: "t.yaml:11:9: error: the role id 'mentor' is used twice"),
        Case(
            code: "unknown-model", yaml: Fixtures.valid + "extends: no-such-model@1\n",
            expected: "t.yaml:24:10: error: 'extends' names no-such-model@1, but no programme matches it"),
        Case(
            code: "unknown-component", yaml: replacing("  - id: core-work\n", "  - id: core-work\n    use: art@1\n"),
            expected: "t.yaml:16:10: error: 'use' names the library component art@1, but models/components/ has no match"),
        Case(
            code: "order", yaml: Fixtures.valid + "period: {start: 2019-12-31, end: 2017-01-02}\n",
            expected: "t.yaml:24:34: error: the period ends before it starts: end is before start"),
        Case(
            code: "drop-core", yaml: Fixtures.valid + "adaptation: {may_drop: [core-work]}\n",
            expected: "t.yaml:24:25: error: 'core-work' is a core component, so it cannot be listed in may_drop"),
        Case(
            code: "caseload-outside-bounds", yaml: Fixtures.valid + "adaptation:\n  caseload: [{role: mentor, min: 5, max: 10}]\n",
            expected: "t.yaml:10:21: error: the caseload limit 12 of 'mentor' lies outside its adaptation bounds 5–10"),
        Case(
            code: "measure-incomplete", yaml: replacing("{type: count, subject: families}", "{type: share, subject: families}"),
            expected: "t.yaml:23:14: error: the share indicator 'families' does not say what it is a share of"),
        Case(
            code: "budget-sum", yaml: Fixtures.valid + "budget:\n  total: 1 398 557,64 PLN\n  grant: 1 356 600,91 PLN\n  own_contribution: 8 969,76 PLN\n",
            expected:
                "t.yaml:25:10: warning: the grant (1 356 600,91 PLN) and own contribution (8 969,76 PLN) add up to 1 365 570,67 PLN, 32 986,97 PLN short of the total 1 398 557,64 PLN"
        ),
        Case(
            code: "quota-sum",
            yaml: Fixtures.valid + "target_groups:\n  - id: g\n    name: g\n    size: 80\n    quotas: [{id: a, name: a, size: 32}, {id: b, name: b, size: 40}]\n",
            expected: "t.yaml:27:11: warning: the quotas of 'g' add up to 72, but its size is 80"),
        Case(
            code: "target-kind", yaml: replacing("{type: count, subject: families}", "{type: count, subject: families}\n    target: {at_least: 50%}"),
            expected: "t.yaml:24:24: warning: the count indicator 'families' has a percentage target"),
        Case(
            code: "target-kind",
            yaml: replacing(
                "{type: count, subject: families}", "{type: share, subject: families, plan: individual-development-plan}\n    target: {at_least: 60}"),
            expected: "t.yaml:24:24: warning: the share indicator 'families' has a target without %"),
        Case(
            code: "target-kind",
            yaml: Fixtures.valid
                + "  - id: change\n    name: zmiana\n    kind: result\n    measure: {type: change, subject: families, baseline: start}\n    target: {at_most: 10%}\n"
                + "baselines:\n  - id: start\n    name: punkt wyjścia\n    value: 40\n",
            expected: "t.yaml:28:23: warning: the change indicator 'change' has a percentage target"),
        Case(
            code: "bound-above-limit", yaml: Fixtures.valid + "adaptation:\n  caseload: [{role: mentor, min: 8, max: 15}]\n",
            expected: "t.yaml:25:42: warning: the adaptation bounds let a municipality give 'mentor' up to 15, more than the role's own limit of 12"),
        Case(
            code: "baseline-without-value", yaml: Fixtures.valid + "baselines:\n  - id: start\n    name: punkt wyjścia\n    year: 2019\n",
            expected: "t.yaml:25:5: warning: the baseline 'start' has no value"),
        Case(
            code: "share-unit",
            yaml: replacing("  unit: family\n", "  unit: person\n").replacingOccurrences(
                of: "{type: count, subject: families}", with: "{type: share, subject: participants, outcome: housing}")
                + "outcomes:\n  - id: housing\n    name: lepsze warunki mieszkaniowe\n    unit: family\n",
            expected:
                "t.yaml:23:14: warning: the share indicator 'families' counts persons, but the outcome 'housing' is recorded for families, so no person can have it"
        ),
    ]

    @Test(arguments: cases)
    func reportsExactLocationAndMessage(_ testCase: Case) {
        let catalog = Fixtures.catalog([("t.yaml", testCase.yaml)])
        let headlines = Fixtures.headlines(catalog)
        #expect(headlines.first == testCase.expected, "all: \(headlines)")
        #expect(catalog.diagnostics.sorted.first?.code == testCase.code)
    }

    @Test func moneyInFlowMappingsNeedsQuotes() {
        // A comma ends a value inside { }, so an unquoted Polish amount breaks apart; the
        // message names the fragment that was read.
        let catalog = Fixtures.catalog([("t.yaml", Fixtures.valid + "budget: {total: 1 398 557,64 PLN}\n")])
        #expect(
            Fixtures.headlines(catalog).first
                == "t.yaml:24:17: error: 'budget.total' is '1 398 557', but it must be an amount with its currency, like \"1 239 061,22 PLN\" or \"75085 EUR\"")
    }

    @Test func renderedDiagnosticShowsSourceCaretAndHint() {
        let catalog = Fixtures.catalog([("t.yaml", Fixtures.valid.replacingOccurrences(of: "    roles: [mentor]", with: "    roles: [mentr]"))])
        #expect(
            catalog.render(catalog.diagnostics.sorted[0]) == """
                t.yaml:17:13: error: unknown role 'mentr'
                        roles: [mentr]
                                ^
                    hint: did you mean 'mentor'?
                """)
    }

    @Test func validFixtureIsClean() {
        let catalog = Fixtures.catalog([("t.yaml", Fixtures.valid)])
        #expect(catalog.diagnostics.all.isEmpty, "\(Fixtures.headlines(catalog))")
        #expect(catalog.programme("test-programme")?.participation?.minimumDuration == Duration(amount: 18, unit: .month))
    }
}
