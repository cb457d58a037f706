/// One loaded and schema-checked file of `models/` or `tenants/`.
public struct TemplateFile: Sendable {
    /// A programme or a library component.
    public enum Kind: String, Sendable {
        /// A programme template.
        case programme
        /// A component in `models/components/`.
        case component
        /// A municipality in `tenants/`.
        case tenant
    }

    /// The path as given.
    public let path: String
    /// Which schema it follows.
    public let kind: Kind
    /// The file's text, for showing source lines in messages.
    public let source: String?
    /// The checked content, if the file passed the schema.
    public let value: Value?

    /// The declared id (components take theirs from `id` too).
    public var id: String? { value?["id"]?.text }

    /// The declared version.
    public var version: SemanticVersion? {
        if case .version(let version)? = value?["version"]?.kind { return version }
        return nil
    }
}
