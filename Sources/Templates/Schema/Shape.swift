/// What a value in a Kokon file must look like. One description serves three readers: the
/// validator, the JSON Schema export (`kokon schema`) and the methodologists' guide, so the
/// three cannot drift apart.
public indirect enum Shape: Sendable {
    /// Free text.
    case text
    /// Polish text, or `{pl: …, en: …, de: …}`.
    case localized
    /// An id: lowercase letters, digits and hyphens.
    case identifier
    /// The id of something defined elsewhere in the programme, e.g. a role.
    case reference(ReferenceKind)
    /// A whole number of at least `minimum`.
    case integer(minimum: Int)
    /// A number, or a percentage when written with `%`.
    case quantity
    /// `true` or `false`.
    case boolean
    /// `YYYY-MM-DD`.
    case date
    /// "18 months", "2 weeks".
    case duration
    /// "34%".
    case percentage
    /// "1 239 061,22 PLN".
    case money
    /// `1.2.3`.
    case version
    /// `id@1`, `id@1.2`, `id@1.2.3`.
    case modelReference
    /// A tenant id: lowercase letters, digits and underscores, e.g. `torun`.
    case tenantID
    /// A seven-digit TERYT municipality code, e.g. `0463011`.
    case teryt
    /// One of a fixed set of words.
    case choice([String])
    /// A list of values.
    case list(Shape)
    /// A mapping with known keys.
    case object(ObjectSchema)
}

/// Kinds of things a programme defines with an `id` and refers to elsewhere.
public enum ReferenceKind: String, Sendable, CaseIterable {
    case role, component, activity, plan, outcome, indicator, baseline, product, network, phase, criterion, goal
    case targetGroup = "target group"
    case fidelityElement = "fidelity element"
}

/// A mapping's keys.
public struct ObjectSchema: Sendable {
    /// A name for the mapping in messages and the guide, e.g. "role".
    public let title: String
    /// What it describes, in plain language.
    public let summary: String
    /// Its keys.
    public let fields: [Field]
    /// If set, items of this kind define an id of this kind (their `id` key) that others refer to.
    public let defines: ReferenceKind?

    /// A mapping description.
    public init(_ title: String, _ summary: String, defines: ReferenceKind? = nil, fields: [Field]) {
        self.title = title
        self.summary = summary
        self.fields = fields
        self.defines = defines
    }

    /// The field with a key.
    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }
}

/// One key of a mapping.
public struct Field: Sendable {
    /// The key as written in YAML.
    public let key: String
    /// What its value must look like.
    public let shape: Shape
    /// Whether it must be present.
    public let required: Bool
    /// Plain-language explanation for the guide and editors.
    public let summary: String
    /// An example value as it would be written in YAML, if helpful.
    public let example: String?

    /// A required key.
    public static func required(_ key: String, _ shape: Shape, _ summary: String, example: String? = nil) -> Field {
        Field(key: key, shape: shape, required: true, summary: summary, example: example)
    }

    /// An optional key.
    public static func optional(_ key: String, _ shape: Shape, _ summary: String, example: String? = nil) -> Field {
        Field(key: key, shape: shape, required: false, summary: summary, example: example)
    }
}

extension Shape {
    /// How the shape is described in messages: "a date like 2024-01-31".
    public var expectation: String {
        switch self {
        case .text: "text"
        case .localized: "text (or a mapping {pl: …, en: …})"
        case .identifier: "an id made of lowercase letters, digits and hyphens, like family-assistant"
        case .reference(let kind): "the id of a \(kind.rawValue) defined in this programme"
        case .integer(let minimum): minimum == 0 ? "a whole number" : "a whole number of at least \(minimum)"
        case .quantity: "a number like 80 or a percentage like 34%"
        case .boolean: "true or false"
        case .date: "a date written YYYY-MM-DD, like 2017-01-02"
        case .duration: "a duration like \"18 months\", \"2 weeks\" or \"2.5 years\""
        case .percentage: "a percentage like 34%"
        case .money: "an amount with its currency, like \"1 239 061,22 PLN\" or \"75085 EUR\""
        case .version: "a version number like 1.0.0"
        case .modelReference: "a reference like art@1 (id, @, version or version prefix)"
        case .tenantID: "a tenant id of 2 to 41 lowercase letters, digits and underscores, starting with a letter, like torun"
        case .teryt: "a seven-digit TERYT code like 0463011"
        case .choice(let words): "one of: " + words.joined(separator: ", ")
        case .list: "a list (- items)"
        case .object(let schema): "a mapping describing a \(schema.title)"
        }
    }
}
