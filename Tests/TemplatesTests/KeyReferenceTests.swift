import Foundation
import Testing

@testable import Templates

/// Every key of a programme template and a tenant file has a worked example in the key
/// reference, and each example is itself valid: written into a file, it passes the same
/// checks as the key it illustrates.
@Suite("Worked examples for every key")
struct KeyReferenceTests {
    /// Every key reachable from a schema, with where it sits.
    static func fields(_ root: ObjectSchema) -> [(path: String, field: Field)] {
        var out: [(String, Field)] = []
        var seen: Set<String> = []
        var queue = [root]
        while !queue.isEmpty {
            let schema = queue.removeFirst()
            guard seen.insert(schema.title).inserted else { continue }
            for field in schema.fields {
                out.append(("\(schema.title).\(field.key)", field))
                queue += KeyReference.nestedObjects(field.shape)
            }
        }
        return out
    }

    @Test(arguments: [ProgrammeSchema.programme, TenantSchema.tenant])
    func everyKeyHasAnExampleThatPassesItsOwnCheck(_ root: ObjectSchema) {
        let all = Self.fields(root)
        #expect(all.count > 60)
        for (path, field) in all {
            let example = field.workedExample
            #expect(!example.contains("…"), "\(path) has no worked example")
            let loaded = YAMLLoader().load(Array("value: \(example)\n".utf8), file: "example.yaml")
            guard let root = loaded.root, case .mapping(let pairs) = root.kind, let node = pairs.first?.value else {
                Issue.record("\(path): the example `\(example)` is not YAML: \(loaded.diagnostics.map(\.message))")
                continue
            }
            var validator = SchemaValidator(file: "example.yaml")
            let value = validator.validate(node, as: field.shape, path: field.key)
            #expect(value != nil && validator.diagnostics.isEmpty, "\(path): the example `\(example)` fails its own check: \(validator.diagnostics.map(\.message))")
        }
    }
}
