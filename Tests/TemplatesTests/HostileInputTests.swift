import Foundation
import Testing

@testable import Templates

@Suite("Malformed and hostile input")
struct HostileInputTests {
    static let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Corpus")

    static var corpus: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func corpusHasAtLeastSixtyFiles() {
        #expect(Self.corpus.count >= 60)
    }

    /// Not a speed target (benchmarks measure speed) but a guard against runaway parsing:
    /// each file takes milliseconds, a billion laughs expanded would take minutes, and the
    /// bound leaves room for a loaded two-core machine running the whole suite at once.
    static let runaway = Swift.Duration.seconds(10)

    @Test(arguments: corpus)
    func corpusFileIsRejectedClearlyAndQuickly(_ name: String) throws {
        let bytes = try Array(Data(contentsOf: Self.corpusFolder.appending(path: name)))
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
        let expected = try #require(firstLine.split(separator: "expect: ").last.map(String.init))
        let started = ContinuousClock.now
        let catalog = Fixtures.catalog(bytes: [(name, bytes)])
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < Self.runaway)
        let errors = catalog.diagnostics.errors
        #expect(!errors.isEmpty, "\(name) was accepted")
        #expect(errors.contains { $0.code == expected }, "\(name): expected \(expected), got \(errors.map(\.code))")
        for error in errors {
            #expect(error.location.line >= 1 && error.location.column >= 1)
            #expect(error.message.count > 10)
        }
        #expect(catalog.programmes.isEmpty)
    }

    @Test func oversizedDocumentIsRefusedBeforeParsing() {
        let big = Array(("id: x\nnote: \"" + String(repeating: "a", count: 1 << 20) + "\"\n").utf8)
        let started = ContinuousClock.now
        let catalog = Fixtures.catalog(bytes: [("big.yaml", big)])
        #expect(ContinuousClock.now - started < Self.runaway)
        #expect(Fixtures.headlines(catalog) == ["big.yaml:1:1: error: the file is \(big.count) bytes; templates may be at most 1048576 bytes (1 MiB)"])
    }

    @Test func tooManyNodesIsRefused() {
        let many = Array(("items:\n" + String(repeating: "- 1\n", count: 100_001)).utf8)
        let started = ContinuousClock.now
        let catalog = Fixtures.catalog(bytes: [("many.yaml", many)])
        #expect(ContinuousClock.now - started < Self.runaway)
        #expect(catalog.diagnostics.errors.first?.code == "too-many-nodes")
        #expect(catalog.diagnostics.errors.first?.message == "the file has more than 100000 values")
    }

    @Test func depthLimitNamesTheLine() {
        let deep = Array(("x: " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "\n").utf8)
        let catalog = Fixtures.catalog(bytes: [("deep.yaml", deep)])
        #expect(Fixtures.headlines(catalog) == ["deep.yaml:1:67: error: nesting is deeper than 64 levels"])
    }

    @Test func invalidUTF8NamesThePosition() {
        let catalog = Fixtures.catalog(bytes: [("bad.yaml", Array("id: x\nname: To".utf8) + [0xC5] + Array("run\n".utf8))])
        #expect(Fixtures.headlines(catalog) == ["bad.yaml:2:9: error: the file is not valid UTF-8 text"])
    }

    @Test func byteOrderMarkAndCRLFAreHandledGracefully() {
        let windows = Fixtures.valid.replacingOccurrences(of: "\n", with: "\r\n")
        let catalog = Fixtures.catalog(bytes: [("windows.yaml", [0xEF, 0xBB, 0xBF] + Array(windows.utf8))])
        #expect(catalog.diagnostics.all.isEmpty, "\(Fixtures.headlines(catalog))")
        #expect(catalog.programme("test-programme@1")?.name.pl == "Program testowy")
        let broken = Fixtures.catalog(bytes: [("w.yaml", [0xEF, 0xBB, 0xBF] + Array(windows.replacingOccurrences(of: "roles: [mentor]", with: "roles: [mentr]").utf8))])
        #expect(Fixtures.headlines(broken) == ["w.yaml:17:13: error: unknown role 'mentr'"])
    }

    @Test func scalarsStayStringsUntilTheSchemaTypesThem() {
        // YAML 1.1 would turn these into false, 493, 90 and a date.
        let yaml = Fixtures.valid + "themes:\n  - no\n  - 0755\n  - 1:30\n  - 2024-01-02\n"
        let catalog = Fixtures.catalog([("t.yaml", yaml)])
        #expect(catalog.diagnostics.all.isEmpty)
        #expect(catalog.programme("test-programme")?.themes?.map(\.pl) == ["no", "0755", "1:30", "2024-01-02"])
    }

    @Test func allErrorsInAFileAreReported() {
        let yaml = Fixtures.valid.replacingOccurrences(of: "participation:", with: "partcipation:")
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0")
            .replacingOccurrences(of: "{max: 12}", with: "{max: twelve}")
        let codes = Fixtures.catalog([("t.yaml", yaml)]).diagnostics.sorted.map(\.code)
        #expect(codes == ["invalid-value", "unknown-key", "invalid-value"])
    }
}
