import Foundation
import Testing

/// What the compiler cannot see: the command line parses and prints, and every statement it
/// runs is written in the layers below it.
@Suite("Layers")
struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func swiftFiles(under folder: String) throws -> [URL] {
        let base = root.appending(path: folder)
        let enumerator = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    @Test func theCommandLineHoldsNoSQL() throws {
        let files = try Self.swiftFiles(under: "Sources/kokon")
        #expect(files.count > 10)
        let statement = try Regex(#"\.(query|execute|copyIn)\(|\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE|DROP|TRUNCATE|ALTER)\s+[a-z_"\\(]"#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.firstMatch(of: statement) == nil, "\(file.lastPathComponent) runs SQL; move it into Engine or KokonBench")
        }
    }

    @Test func productionTargetsShipNoSyntheticData() throws {
        for folder in ["Sources/Postgres", "Sources/Templates", "Sources/Engine", "Sources/Reporting"] {
            for file in try Self.swiftFiles(under: folder) {
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(!text.contains("SyntheticRecords") && !text.contains("SeededRandom"), "\(file.lastPathComponent) in \(folder)")
            }
        }
    }
}
