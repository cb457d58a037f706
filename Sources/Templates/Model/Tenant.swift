/// A municipality's definition, checked against the programmes it adopts.
public struct Tenant: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var teryt: Teryt
    public var voivodeship: String
    public var example: Bool?
    /// The parts its sources do not state, made up for demonstrations.
    public var illustrative: [IllustrativePart]?
    public var areas: [Area]
    public var partners: [LocalPartner]?
    public var adoptions: [Adoption]

    /// True for a made-up municipality used in demonstrations.
    public var isExample: Bool { example ?? false }

    /// What a report on `adoption` must call illustrative: the file's own parts and the
    /// adoption's, in the vocabulary's order.
    public func illustrativeParts(of adoption: Adoption) -> [IllustrativePart] {
        let parts = Set((illustrative ?? []) + (adoption.illustrative ?? []))
        return IllustrativePart.allCases.filter(parts.contains)
    }
}

/// A neighbourhood or street quarter.
public struct Area: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var kind: String?
}

/// An organisation working with the municipality.
public struct LocalPartner: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var sector: String
}

/// One programme version a municipality runs.
public struct Adoption: Sendable, Codable, Hashable {
    public var model: ModelReference
    public var period: Period
    public var targets: LocalTargets?
    public var staff: [StaffPlan]?
    public var adaptations: [Adaptation]?
    /// The dated move from an earlier version, if the adoption was upgraded.
    public var upgraded: Upgrade?
    /// The municipality's own starting figures.
    public var baselines: [LocalBaseline]?
    /// The coordinator's self-assessments of the programme's essential elements.
    public var fidelityAssessments: [SelfAssessment]?
    /// The parts of this adoption its sources do not state, made up for demonstrations.
    public var illustrative: [IllustrativePart]?
    /// The exact programme version the reference resolved to, `id@x.y.z`; set by the loader.
    public var resolvedModel: String?

    /// The adoption's id within its tenant: the programme's id (a municipality runs one version
    /// of a programme at a time; moving to a new version updates the adoption).
    public var id: String { model.id }

    /// The tenant file's adaptations in force under the current version: all of them, less
    /// those withdrawn at an upgrade.
    public var adaptationsInForce: [Adaptation] {
        (adaptations ?? []).filter { upgraded?.resolution(of: $0)?.decision != .withdraw }
    }
}

/// An adoption's dated move from the version it ran before: records before `on` stay under
/// that version and are evaluated against it; from `on`, against the adoption's `model`.
public struct Upgrade: Sendable, Codable, Hashable {
    public var from: ModelReference
    public var on: Day
    public var decidedBy: String?
    public var resolutions: [UpgradeResolution]?
    /// The exact version `from` resolved to, `id@x.y.z`; set by the loader.
    public var resolvedFrom: String?

    /// The decision about `adaptation` (from the tenant file, or the register with `code`).
    public func resolution(of adaptation: Adaptation, code: String? = nil) -> UpgradeResolution? {
        (resolutions ?? []).first { $0.matches(adaptation, code: code) }
    }
}

/// What the coordinator decided about an adaptation that conflicts with the new version.
public struct UpgradeResolution: Sendable, Codable, Hashable {
    public var code: String?
    public var change: AdaptationChange?
    public var component: String?
    public var activity: String?
    public var role: String?
    /// The indicator whose local target the adaptation set.
    public var indicator: String?
    /// For a target-group-criteria adaptation: its target group.
    public var targetGroup: String?
    public var decision: UpgradeDecision
    public var reason: LocalizedText

    /// Whether this resolution is about `adaptation`: a register adaptation by its code, a
    /// tenant-file one by what it changes.
    public func matches(_ adaptation: Adaptation, code adaptationCode: String? = nil) -> Bool {
        if let code { return code == adaptationCode }
        guard adaptationCode == nil, change == adaptation.change else { return false }
        return switch adaptation.change {
        case .dropComponent: component == adaptation.component
        case .addActivity: component == adaptation.component && activity == adaptation.activity?.id
        case .caseload: role == adaptation.role
        case .minimumDuration: true
        case .indicatorTarget: indicator == adaptation.indicator
        case .deliveryForm, .cadence: component == adaptation.component
        case .targetGroupCriteria: targetGroup == adaptation.targetGroup
        }
    }
}

/// Keep a conflicting adaptation under the new version, or withdraw it.
public enum UpgradeDecision: String, Vocabulary {
    /// It goes on; a dropped core component then counts as not delivered.
    case keep
    /// It ends the day before the upgrade.
    case withdraw
}

/// A municipality's own starting figure: the local value of one of the programme's baselines,
/// or one of its own (then named).
public struct LocalBaseline: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText?
    public var value: Quantity?
    public var share: Quantity?
    public var year: Int?
    public var source: String?
}

/// A coordinator's judgement, on a day, of whether one essential element of the programme is
/// in place.
public struct SelfAssessment: Sendable, Codable, Hashable {
    /// The programme's element, one judged by self-assessment.
    public var element: String
    /// The day of the assessment.
    public var on: Day
    /// Whether the element was in place.
    public var met: Bool
}

/// What the municipality commits to reach.
public struct LocalTargets: Sendable, Codable, Hashable {
    public var families: Int?
    public var participants: Int?
    public var groups: Int?
}

/// Planned staff of one role.
public struct StaffPlan: Sendable, Codable, Hashable {
    public var role: String
    public var count: Int
    public var organisation: String?
}

/// A local change to the programme.
public struct Adaptation: Sendable, Codable, Hashable {
    public var change: AdaptationChange
    public var component: String?
    public var activity: AddedActivity?
    public var role: String?
    public var max: Int?
    public var duration: Duration?
    /// The indicator whose target the municipality sets (indicator-target).
    public var indicator: String?
    /// The municipality's own target: the new bound, in the template target's unit.
    public var target: Quantity?
    /// The forms the component is delivered in (delivery-form).
    public var delivery: [String]?
    /// How often the component's sessions are held (cadence).
    public var cadence: Cadence?
    /// The target group given rules of the municipality's own (target-group-criteria).
    public var targetGroup: String?
    /// Criteria the municipality adds to the group's requirements, and to its exclusions.
    public var requires: [String]?
    public var excludes: [String]?
    public var reason: LocalizedText
    public var decidedBy: String
    public var decidedOn: Day
    public var planned: Bool
    /// FRAME's fields, where the municipality recorded them.
    public var phase: AdaptationPhase?
    public var decider: AdaptationDecider?
    public var modifies: AdaptationTarget?
    public var level: DeliveryLevel?
    public var nature: AdaptationNature?
    public var fidelity: FidelityConsistency?
    public var goal: AdaptationGoal?
    public var reasonLevel: ReasonLevel?
    public var observedEffect: LocalizedText?

    /// An adaptation; a register kept in Kokon makes these from its rows.
    public init(
        change: AdaptationChange, component: String? = nil, activity: AddedActivity? = nil, role: String? = nil, max: Int? = nil,
        duration: Duration? = nil, indicator: String? = nil, target: Quantity? = nil, delivery: [String]? = nil, cadence: Cadence? = nil,
        targetGroup: String? = nil, requires: [String]? = nil, excludes: [String]? = nil, reason: LocalizedText, decidedBy: String, decidedOn: Day, planned: Bool
    ) {
        self.change = change
        self.component = component
        self.activity = activity
        self.role = role
        self.max = max
        self.duration = duration
        self.indicator = indicator
        self.target = target
        self.delivery = delivery
        self.cadence = cadence
        self.targetGroup = targetGroup
        self.requires = requires
        self.excludes = excludes
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.planned = planned
    }

    /// One line saying what changed, e.g. "adds activity cooking-workshop to family-education".
    public var summary: String {
        switch change {
        case .dropComponent: "drops component \(component ?? "?")"
        case .addActivity: "adds activity \(activity?.id ?? "?") to \(component ?? "?")"
        case .caseload: "sets the caseload of \(role ?? "?") to at most \(max.map(String.init) ?? "?")"
        case .minimumDuration: "sets the minimum participation to \(duration?.description ?? "?")"
        case .indicatorTarget: "sets the local target of \(indicator ?? "?") to \(target?.description ?? "?")"
        case .deliveryForm: "delivers \(component ?? "?") as \((delivery ?? []).joined(separator: ", "))"
        case .cadence: "holds \(component ?? "?") \(cadence.map { "\($0.times) per \($0.per)" } ?? "?")"
        case .targetGroupCriteria:
            "adds to target group \(targetGroup ?? "?") "
                + [requires.map { "requirements " + $0.joined(separator: ", ") }, excludes.map { "exclusions " + $0.joined(separator: ", ") }].compactMap { $0 }
                .joined(separator: " and ")
        }
    }
}

/// An activity added by an adaptation.
public struct AddedActivity: Sendable, Codable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var delivery: String?

    /// An added activity.
    public init(id: String, name: LocalizedText, delivery: String? = nil) {
        self.id = id
        self.name = name
        self.delivery = delivery
    }
}
