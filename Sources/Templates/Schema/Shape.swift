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

extension Field {
    /// An example of the key's value as written in YAML: the one given, or one put together
    /// from the shape (a mapping from its required keys' examples, a list of one item), so the
    /// key reference shows how to write every key.
    public var workedExample: String { example ?? shape.example(for: key) }
}

extension Shape {
    /// A value of this shape for `key`, as YAML.
    func example(for key: String) -> String {
        switch self {
        case .text, .localized: "…"
        case .identifier: key == "id" ? "family-assistant" : key.split(separator: "_").joined(separator: "-") + "-id"
        case .reference(let kind): Self.referenceExamples[kind] ?? "some-id"
        case .integer(let minimum): "\(max(minimum, 1))"
        case .quantity: "80"
        case .boolean: "true"
        case .date: "2024-01-31"
        case .duration: "\"18 months\""
        case .percentage: "34%"
        case .money: "\"75085 EUR\""
        case .version: "1.0.0"
        case .modelReference: "wygrana-rodzina@1"
        case .tenantID: "torun"
        case .teryt: "\"0463011\""
        case .choice(let words): words.first ?? ""
        case .list(let item): "[\(item.example(for: key))]"
        case .object(let schema):
            "{"
                + (schema.fields.filter(\.required).isEmpty ? Array(schema.fields.prefix(2)) : schema.fields.filter(\.required))
                .map { "\($0.key): \($0.workedExample)" }.joined(separator: ", ") + "}"
        }
    }

    /// An id of each kind, as the seed programmes name them.
    static let referenceExamples: [ReferenceKind: String] = [
        .role: "family-assistant", .component: "talent-academy", .activity: "family-circle", .plan: "individual-development-plan",
        .outcome: "employed", .indicator: "employment-effectiveness", .baseline: "home-interventions-2019", .product: "guide",
        .network: "local-support-system", .phase: "pilot", .criterion: "inherited-poverty", .goal: "families-better-off",
        .targetGroup: "families", .fidelityElement: "weekly-supervision",
    ]
}
