import Templates
import Testing

/// Handbooks and pages never show a code of a closed set in Polish text: every word the schema
/// allows has its Polish form.
@Suite("Polish words for template codes")
struct PolishWordsTests {
    @Test func everyWordTheSchemaAllowsHasItsPolishForm() {
        let tables: [(String, [String], [String: String])] = [
            ("sectors", ProgrammeSchema.sectors, PolishWords.sectors), ("delivery forms", ProgrammeSchema.deliveryForms, PolishWords.deliveryForms),
            ("action types", ProgrammeSchema.actionTypes, PolishWords.actionTypes), ("periods", ProgrammeSchema.periods, PolishWords.periods),
            ("product kinds", ProgrammeSchema.productKinds, PolishWords.productKinds), ("subjects", ProgrammeSchema.subjects, PolishWords.subjects),
        ]
        for (name, words, table) in tables {
            for word in words { #expect(table[word] != nil, "\(name): no Polish word for '\(word)'") }
            #expect(Set(table.keys) == Set(words), "\(name): the table and the schema list the same words")
        }
        for status in ProgrammeStatus.allCases { #expect(!status.polish.isEmpty && status.polish != status.rawValue) }
        for kind in IndicatorKind.allCases { #expect(kind.polish != kind.rawValue) }
        for type in MeasureType.allCases { #expect(type.polish != type.rawValue) }
    }

    @Test func theShippedIllustrativeVersionSaysSo() throws {
        let illustrative = try #require(ShippedModelTests.catalog.programmes.first { $0.reference == "praski-kokon@1.1.0" })
        #expect(illustrative.summary?.pl.contains("Wersja 1.1.0 jest ilustracyjna") == true)
        #expect(illustrative.summary?.en?.contains("illustrative") == true)
    }
}
