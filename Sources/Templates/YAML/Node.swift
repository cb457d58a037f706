/// A YAML node with its position, as the strict loader reads it.
///
/// Every scalar is kept as the exact text written: `no`, `0755`, `1:30` and `2024-01-02` are
/// all strings here. Only the schema decides what a scalar means.
public struct Node: Sendable {
    /// What the node holds.
    public enum Kind: Sendable {
        /// Text, with whether it was quoted (`"…"`, `'…'`) or a block (`|`, `>`).
        case scalar(String, quoted: Bool)
        /// Key–value pairs in file order; keys are scalars.
        case mapping([(key: Node, value: Node)])
        /// Items in order.
        case sequence([Node])
    }

    /// What the node holds.
    public let kind: Kind
    /// Where it starts.
    public let location: SourceLocation

    /// The scalar text, if this is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// A word for the node's kind, for messages.
    public var kindName: String {
        switch kind {
        case .scalar(let text, let quoted): !quoted && text.isEmpty ? "an empty value" : "a single value"
        case .mapping: "a mapping (key: value pairs)"
        case .sequence: "a list (- items)"
        }
    }
}
