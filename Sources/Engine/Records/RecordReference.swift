import Foundation

extension RecordKind {
    /// Every record kind and its columns as markdown, for docs/records.md (a test keeps the
    /// two equal) and `kokon import --reference`.
    public static func reference() -> String {
        var out = ""
        for kind in all {
            out += "\n### `\(kind.name)`\n\n\(kind.summary)\n\n| column | required | what goes in it |\n| --- | --- | --- |\n"
            for column in kind.columns {
                out += "| `\(column.name)` | \(column.required ? "yes" : "no") | \(column.meaning.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        return out
    }
}
