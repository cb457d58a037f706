import Foundation

/// The key-by-key reference for methodologists, generated from the same ``ObjectSchema``s
/// the loader checks against, so the guide cannot drift from what `kokon lint` accepts.
public enum KeyReference {
    /// Markdown describing every mapping reachable from `root`, in the order first met.
    public static func markdown(_ root: ObjectSchema) -> String {
        var seen: [String] = []
        var queue = [root]
        var out = ""
        while !queue.isEmpty {
            let schema = queue.removeFirst()
            guard !seen.contains(schema.title) else { continue }
            seen.append(schema.title)
            out += "\n### \(schema.title.prefix(1).uppercased() + schema.title.dropFirst())\n\n\(schema.summary)\n\n"
            out += "| key | required | value | meaning |\n| --- | --- | --- | --- |\n"
            for field in schema.fields {
                let example = " Example: `\(field.workedExample.replacingOccurrences(of: "|", with: "\\|"))`."
                out +=
                    "| `\(field.key)` | \(field.required ? "yes" : "no") | \(field.shape.expectation.replacingOccurrences(of: "|", with: "\\|")) | \(field.summary)\(example) |\n"
                for nested in nestedObjects(field.shape) where !seen.contains(nested.title) { queue.append(nested) }
            }
        }
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
