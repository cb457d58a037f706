/// One of a programme's goals: the top of its logic model. Outcomes, indicators and components
/// name the goals they serve, so a handbook can say why each part exists and an evaluation can
/// report by goal.
public struct Goal: Sendable, Codable, Hashable {
    /// The id outcomes, indicators and components refer to; empty for a goal stored before
    /// goals had ids.
    public var id: String
    /// What the programme aims at.
    public var name: LocalizedText
    /// More on the goal, if the source says more.
    public var description: LocalizedText?

    /// A goal from its parts.
    public init(id: String, name: LocalizedText, description: LocalizedText? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }

    private enum CodingKeys: String, CodingKey { case id, name, description }

    /// Adoptions stored before goals had ids keep their goals as plain text; they read back as
    /// goals without an id, which nothing can refer to.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.name) {
            id = try container.decode(String.self, forKey: .id)
            name = try container.decode(LocalizedText.self, forKey: .name)
            description = try container.decodeIfPresent(LocalizedText.self, forKey: .description)
        } else {
            id = ""
            name = try LocalizedText(from: decoder)
            description = nil
        }
    }
}

extension Programme {
    /// The goals an indicator serves: its own, and those of the outcome it measures.
    public func goals(of indicator: Indicator) -> [String] {
        let viaOutcome = indicator.measure.outcome.flatMap { id in outcomes?.first { $0.id == id }?.goals } ?? []
        return Self.unique((indicator.goals ?? []) + viaOutcome)
    }

    /// The goals a component serves: its own, and those of indicators that measure it.
    public func goals(of component: Component) -> [String] {
        let viaIndicators = (indicators ?? []).filter { $0.measure.component == component.id }.flatMap { goals(of: $0) }
        return Self.unique((component.goals ?? []) + viaIndicators)
    }

    /// The indicators showing progress towards a goal, in the programme's order.
    public func indicators(serving goal: String) -> [Indicator] { (indicators ?? []).filter { goals(of: $0).contains(goal) } }

    /// The components working towards a goal, in the programme's order.
    public func components(serving goal: String) -> [Component] { (components ?? []).filter { goals(of: $0).contains(goal) } }

    /// Whether the template links anything to a goal, i.e. states a logic model at all.
    public var hasLogicModel: Bool {
        (outcomes ?? []).contains { !($0.goals ?? []).isEmpty } || (indicators ?? []).contains { !($0.goals ?? []).isEmpty }
            || (components ?? []).contains { !($0.goals ?? []).isEmpty }
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
