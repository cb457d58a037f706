import Foundation

/// The key-by-key reference for methodologists, generated from the same ``ObjectSchema``s
/// the loader checks against, so the guide cannot drift from what `kokon lint` accepts.
public enum KeyReference {
    /// Markdown describing every mapping reachable from `root`, in the order first met.
    public static func markdown(_ root: ObjectSchema) -> String {
        var out = ""
        for schema in mappings(root) {
            out += "\n### \(schema.title.prefix(1).uppercased() + schema.title.dropFirst())\n\n\(schema.summary)\n\n"
            out += "| key | required | value | meaning |\n| --- | --- | --- | --- |\n"
            for field in schema.fields {
                let example = " Example: `\(field.workedExample.replacingOccurrences(of: "|", with: "\\|"))`."
                out +=
                    "| `\(field.key)` | \(field.required ? "yes" : "no") | \(field.shape.expectation.replacingOccurrences(of: "|", with: "\\|")) | \(field.summary)\(example) |\n"
            }
        }
        return out
    }

    /// Every mapping reachable from `root`, once each, in the order first met.
    public static func mappings(_ root: ObjectSchema) -> [ObjectSchema] {
        var found: [ObjectSchema] = []
        var queue = [root]
        while !queue.isEmpty {
            let schema = queue.removeFirst()
            guard !found.contains(where: { $0.title == schema.title }) else { continue }
            found.append(schema)
            for field in schema.fields { queue += nestedObjects(field.shape).filter { nested in !found.contains { $0.title == nested.title } } }
        }
        return found
    }

    /// A table of the keys Kokon computes with, and how.
    public static func evaluationMarkdown(_ uses: [EvaluationUse]) -> String {
        var out = "\n### Keys the evaluation and the checks use\n\n"
        out += "Every other key is printed (handbook, pages, reports) but changes no figure and no check.\n\n"
        out += "| mapping | key | how Kokon uses it |\n| --- | --- | --- |\n"
        for use in uses { out += "| \(use.mapping) | `\(use.key)` | \(use.how) |\n" }
        return out
    }

    static func nestedObjects(_ shape: Shape) -> [ObjectSchema] {
        switch shape {
        case .object(let schema): [schema]
        case .list(let item): nestedObjects(item)
        default: []
        }
    }
}
