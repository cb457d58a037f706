import Foundation
public import Postgres
public import Templates

/// One adaptation in the register a coordinator keeps in Kokon, with FRAME's fields.
public struct RecordedAdaptation: Sendable {
    /// Its code in the register.
    public let code: String
    /// The adoption it changes.
    public let adoption: String
    /// The kind of change the evaluation acts on.
    public let change: AdaptationChange
    /// The component dropped or given an activity.
    public let component: String?
    /// The added activity's id and Polish name.
    public let activity: String?
    public let activityName: String?
    /// The role whose caseload limit changes, and the new limit.
    public let role: String?
    public let max: Int?
    /// The new minimum participation.
    public let duration: Duration?
    /// The indicator given a local target, and the target.
    public let indicator: String?
    public let target: Quantity?
    /// The forms a component is delivered in, and how often it is held.
    public let delivery: [String]?
    public let cadence: Cadence?
    /// The target group given rules of the municipality's own, and the criteria it adds.
    public let targetGroup: String?
    public let requires: [String]?
    public let excludes: [String]?
    /// Why, in the municipality's words.
    public let reason: String
    /// Who decided (a body or post, never a person's name).
    public let decidedBy: String
    /// When it was decided.
    public let decidedOn: CalendarDate
    /// Planned (proactive) or made in response to a problem (reactive).
    public let planned: Bool
    /// FRAME: when, who took part, what is modified, at what level, how, whether core
    /// elements are kept, to what end, and where the reason lies.
    public let phase: AdaptationPhase
    public let decider: AdaptationDecider
    public let modifies: AdaptationTarget
    public let level: DeliveryLevel
    public let nature: AdaptationNature
    public let fidelity: FidelityConsistency
    public let goal: AdaptationGoal
    public let reasonLevel: ReasonLevel
    /// What was seen to follow, recorded later.
    public let observedEffect: String?

    /// The change as the evaluation reads it.
    public var adaptation: Adaptation {
        var adaptation = Adaptation(
            change: change, component: component,
            activity: activity.map { AddedActivity(id: $0, name: LocalizedText(pl: activityName ?? $0)) }, role: role, max: max, duration: duration,
            indicator: indicator, target: target, delivery: delivery, cadence: cadence, targetGroup: targetGroup, requires: requires, excludes: excludes,
            reason: LocalizedText(pl: reason), decidedBy: decidedBy, decidedOn: Day(decidedOn), planned: planned)
        adaptation.phase = phase
        adaptation.decider = decider
        adaptation.modifies = modifies
        adaptation.level = level
        adaptation.nature = nature
        adaptation.fidelity = fidelity
        adaptation.goal = goal
        adaptation.reasonLevel = reasonLevel
        adaptation.observedEffect = observedEffect.map { LocalizedText(pl: $0) }
        return adaptation
    }
}

/// Why an adaptation was not written: each problem with the form field it concerns, in Polish.
public struct AdaptationRefusal: Error, Sendable, CustomStringConvertible {
    /// The field (as the form names it) and what is wrong with it.
    public let problems: [(field: String, message: String)]

    public var description: String { problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ") }
}

extension CaseRecords {
    /// The form's fields of an adaptation, in order.
    public static let adaptationFields = [
        "code", "adoption", "change", "component", "activity", "activity_name", "role", "max", "duration", "indicator", "target", "delivery", "cadence_times", "cadence_per",
        "target_group", "requires", "excludes", "reason",
        "decided_by",
        "decided_on", "planned", "phase", "decider", "modifies", "level", "nature", "fidelity", "goal", "reason_level", "observed_effect",
    ]

    /// Checks an adaptation given as form fields and writes it to the register; refuses with
    /// every problem (a missing or malformed field, or a change outside the programme's
    /// bounds, quoting the bound) and writes nothing.
    @discardableResult
    public func recordAdaptation(_ fields: [String: String]) async throws -> RecordedAdaptation {
        try await transaction { session in
            let programmes = try await session.query("SELECT id, programme FROM adoption ORDER BY id").rows.map {
                (try $0.decode("id", as: String.self), try $0.decode("programme", as: JSONB.self).decode(Programme.self))
            }
            let recorded = try Self.parseAdaptation(fields, programmes: Dictionary(uniqueKeysWithValues: programmes))
            if recorded.change == .addActivity, let activity = recorded.activity,
                try await session.query(
                    "SELECT count(*) FROM model_element WHERE adoption = \(recorded.adoption) AND kind = 'activity' AND id = \(activity)"
                ).scalar(Int.self) > 0
            {
                throw AdaptationRefusal(problems: [("activity", "program ma już działanie o kodzie „\(activity)”; nadaj nowy kod")])
            }
            do {
                try await session.transaction { session in
                    // An added activity can be recorded from now on, like one the programme defines.
                    if recorded.change == .addActivity, let activity = recorded.activity, let component = recorded.component {
                        try await session.query(
                            """
                            INSERT INTO model_element (adoption, kind, id, parent, name, added_locally)
                            VALUES (\(recorded.adoption), 'activity', \(activity), \(component), \(recorded.activityName ?? activity), true)
                            """)
                    }
                    try await session.query(
                        """
                        INSERT INTO adaptation (code, adoption, change, component, activity, activity_name, role, max, duration, indicator, target, delivery,
                                                cadence_times, cadence_per, target_group, requires, excludes, reason, decided_by, decided_on, planned, phase,
                                                decider, modifies, level, nature, fidelity, goal, reason_level, observed_effect)
                        VALUES (\(recorded.code), \(recorded.adoption), \(recorded.change.rawValue), \(recorded.component), \(recorded.activity),
                                \(recorded.activityName), \(recorded.role), \(recorded.max), \(recorded.duration?.description), \(recorded.indicator),
                                \(recorded.target?.description), \(recorded.delivery), \(recorded.cadence?.times), \(recorded.cadence?.per),
                                \(recorded.targetGroup), \(recorded.requires), \(recorded.excludes), \(recorded.reason),
                                \(recorded.decidedBy), \(recorded.decidedOn), \(recorded.planned), \(recorded.phase.rawValue), \(recorded.decider.rawValue),
                                \(recorded.modifies.rawValue), \(recorded.level.rawValue), \(recorded.nature.rawValue), \(recorded.fidelity.rawValue),
                                \(recorded.goal.rawValue), \(recorded.reasonLevel.rawValue), \(recorded.observedEffect))
                        """)
                }
            } catch let error as PostgresError where error.code == .uniqueViolation {
                throw AdaptationRefusal(problems: [("code", "adaptacja o kodzie „\(recorded.code)” jest już w rejestrze; nadaj nowy kod")])
            }
            return recorded
        }
    }

    /// The register, newest decision first.
    public func recordedAdaptations() async throws -> [RecordedAdaptation] {
        try await transaction { session in try await Self.readAdaptations(on: session) }
    }

    static func readAdaptations(on session: Session) async throws -> [RecordedAdaptation] {
        try await session.query(
            """
            SELECT code, adoption, change, component, activity, activity_name, role, max, duration, indicator, target, delivery, cadence_times, cadence_per,
                   target_group, requires, excludes, reason, decided_by, decided_on, planned,
                   phase, decider, modifies, level, nature, fidelity, goal, reason_level, observed_effect
            FROM adaptation ORDER BY decided_on DESC, code
            """
        ).rows.map { row in
            // The table's checks hold the same word lists as the vocabularies.
            func word<Word: Vocabulary>(_ column: String, _: Word.Type) throws -> Word {
                let text: String = try row.decode(column)
                guard let value = Word(rawValue: text) else { throw PostgresError(kind: .client, message: "adaptation.\(column) holds '\(text)'") }
                return value
            }
            return RecordedAdaptation(
                code: try row.decode("code"), adoption: try row.decode("adoption"), change: try word("change", AdaptationChange.self),
                component: try row.decode("component", as: String?.self), activity: try row.decode("activity", as: String?.self),
                activityName: try row.decode("activity_name", as: String?.self), role: try row.decode("role", as: String?.self),
                max: try row.decode("max", as: Int?.self), duration: try row.decode("duration", as: String?.self).flatMap(Duration.parse),
                indicator: try row.decode("indicator", as: String?.self), target: try row.decode("target", as: String?.self).flatMap(Quantity.parse),
                delivery: try row.decode("delivery", as: [String]?.self),
                cadence: try row.decode("cadence_times", as: Int?.self).flatMap { times in
                    try row.decode("cadence_per", as: String?.self).map { Cadence(times: times, per: $0) }
                },
                targetGroup: try row.decode("target_group", as: String?.self), requires: try row.decode("requires", as: [String]?.self),
                excludes: try row.decode("excludes", as: [String]?.self),
                reason: try row.decode("reason"), decidedBy: try row.decode("decided_by"), decidedOn: try row.decode("decided_on"),
                planned: try row.decode("planned"), phase: try word("phase", AdaptationPhase.self), decider: try word("decider", AdaptationDecider.self),
                modifies: try word("modifies", AdaptationTarget.self), level: try word("level", DeliveryLevel.self),
                nature: try word("nature", AdaptationNature.self), fidelity: try word("fidelity", FidelityConsistency.self),
                goal: try word("goal", AdaptationGoal.self), reasonLevel: try word("reason_level", ReasonLevel.self),
                observedEffect: try row.decode("observed_effect", as: String?.self))
        }
    }

    /// The fields as an adaptation, or every problem with them (Polish, by field).
    static func parseAdaptation(_ fields: [String: String], programmes: [String: Programme]) throws(AdaptationRefusal) -> RecordedAdaptation {
        var problems: [(field: String, message: String)] = []
        func text(_ name: String, required: Bool = true, limit: Int = 200) -> String? {
            let value = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty {
                if required { problems.append((name, "to pole jest wymagane")) }
                return nil
            }
            if value.count > limit {
                problems.append((name, "najwyżej \(limit) znaków (wpisano \(value.count))"))
                return nil
            }
            return value
        }
        func word<Word: PolishLabelled>(_ name: String, _: Word.Type) -> Word? {
            guard let value = text(name) else { return nil }
            guard let word = Word(rawValue: value) else {
                problems.append((name, "wybierz jedną z możliwości: " + Word.allCases.map(\.polish).joined(separator: ", ")))
                return nil
            }
            return word
        }
        let code = text("code", limit: 40)
        if let code, code.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]*$"#, options: .regularExpression) == nil {
            problems.append(("code", "kod może mieć do 40 liter, cyfr, kropek, myślników lub podkreśleń"))
        }
        let adoption = text("adoption")
        let programme = adoption.flatMap { programmes[$0] }
        if let adoption, programme == nil {
            problems.append(("adoption", "gmina nie realizuje programu „\(adoption)”; wybierz jeden z: \(programmes.keys.sorted().joined(separator: ", "))"))
        }
        let changeText = text("change")
        let change = changeText.flatMap(AdaptationChange.init(rawValue:))
        if changeText != nil && change == nil {
            problems.append(("change", "wybierz rodzaj zmiany: " + AdaptationChange.words.joined(separator: ", ")))
        }
        // Only the fields of the chosen kind of change count; the form sends them all.
        let usesComponent = change.map { [.dropComponent, .addActivity, .deliveryForm, .cadence].contains($0) } ?? false
        let component = usesComponent ? text("component") : nil
        let activity = change == .addActivity ? text("activity", limit: 40) : nil
        let activityName = change == .addActivity ? text("activity_name") : nil
        let role = change == .caseload ? text("role") : nil
        var max: Int?
        if change == .caseload, let value = text("max") {
            if let number = Int(value), number >= 1 { max = number } else { problems.append(("max", "wpisz liczbę całkowitą od 1")) }
        }
        var duration: Duration?
        if change == .minimumDuration, let value = text("duration") {
            if let parsed = Int(value).map({ Duration(amount: $0, unit: .month) }) ?? Duration.parse(value), parsed.amount > 0 {
                duration = parsed
            } else {
                problems.append(("duration", "wpisz liczbę miesięcy, np. 24"))
            }
        }
        let indicator = change == .indicatorTarget ? text("indicator") : nil
        var target: Quantity?
        if change == .indicatorTarget, let value = text("target") {
            if let parsed = Quantity.parse(value) { target = parsed } else { problems.append(("target", "wpisz liczbę, np. 40, albo odsetek, np. 35%")) }
        }
        // A field of several values, separated by commas (the API sends lists so; the form one value).
        func items(_ value: String) -> [String] { value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        var delivery: [String]?
        if change == .deliveryForm, let value = text("delivery") {
            let forms = items(value)
            if forms.allSatisfy(ProgrammeSchema.deliveryForms.contains) {
                delivery = forms
            } else {
                problems.append(
                    ("delivery", "wybierz formę realizacji: " + PolishWords.words(ProgrammeSchema.deliveryForms, in: PolishWords.deliveryForms)))
            }
        }
        var cadence: Cadence?
        if change == .cadence, let times = text("cadence_times"), let per = text("cadence_per") {
            if let number = Int(times), number >= 1, ProgrammeSchema.periods.contains(per) {
                cadence = Cadence(times: number, per: per)
            } else {
                problems.append(("cadence_times", "wpisz, ile razy (liczba od 1) i w jakim okresie: tydzień, miesiąc, rok"))
            }
        }
        // A group's own rules: criteria ids (the form sends one of each).
        let targetGroup = change == .targetGroupCriteria ? text("target_group") : nil
        func criteria(_ name: String) -> [String]? {
            guard change == .targetGroupCriteria, let value = text(name, required: false) else { return nil }
            let ids = items(value)
            return ids.isEmpty ? nil : ids
        }
        let requires = criteria("requires")
        let excludes = criteria("excludes")
        if change == .targetGroupCriteria, requires == nil, excludes == nil {
            problems.append(("requires", "wybierz kryterium, które gmina dodaje do warunków grupy jako wymóg albo jako wykluczenie"))
        }
        let reason = text("reason", limit: 2000)
        let decidedBy = text("decided_by")
        var decidedOn: CalendarDate?
        if let value = text("decided_on") {
            if let day = CalendarDate(iso: value) {
                if day > .today { problems.append(("decided_on", "data decyzji nie może być późniejsza niż dzisiejsza (\(CalendarDate.today))")) }
                decidedOn = day
            } else {
                problems.append(("decided_on", "wpisz datę w postaci RRRR-MM-DD"))
            }
        }
        var planned: Bool?
        switch text("planned") {
        case "planned"?: planned = true
        case "reactive"?: planned = false
        case nil: break
        default: problems.append(("planned", "wybierz: planowana albo w odpowiedzi na problem"))
        }
        let phase = word("phase", AdaptationPhase.self)
        let decider = word("decider", AdaptationDecider.self)
        let modifies = word("modifies", AdaptationTarget.self)
        let level = word("level", DeliveryLevel.self)
        let nature = word("nature", AdaptationNature.self)
        let fidelity = word("fidelity", FidelityConsistency.self)
        let goal = word("goal", AdaptationGoal.self)
        let reasonLevel = word("reason_level", ReasonLevel.self)
        let observedEffect = text("observed_effect", required: false, limit: 2000)
        // The programme's bounds, with the same check `kokon lint` applies to a tenant file.
        if let programme, let change {
            let check = AdaptationCheck(programme: programme)
            for problem in check.problems(
                change, component: component, activity: activity, role: role, max: max, duration: duration, indicator: indicator, target: target,
                delivery: delivery, cadence: cadence, targetGroup: targetGroup, requires: requires, excludes: excludes)
            {
                // The form asks for the cadence in two fields; its problem goes beside the first.
                let field = problem.field == "activity.id" ? "activity" : problem.field == "cadence" ? "cadence_times" : problem.field
                if !problems.contains(where: { $0.field == field }) { problems.append((field, problem.message.pl)) }
            }
        }
        guard problems.isEmpty, let code, let adoption, let change, let reason, let decidedBy, let decidedOn, let planned, let phase, let decider,
            let modifies, let level, let nature, let fidelity, let goal, let reasonLevel
        else { throw AdaptationRefusal(problems: problems) }
        return RecordedAdaptation(
            code: code, adoption: adoption, change: change, component: component, activity: activity, activityName: activityName, role: role, max: max,
            duration: duration, indicator: indicator, target: target, delivery: delivery, cadence: cadence, targetGroup: targetGroup,
            requires: requires, excludes: excludes, reason: reason, decidedBy: decidedBy, decidedOn: decidedOn, planned: planned, phase: phase, decider: decider,
            modifies: modifies, level: level, nature: nature, fidelity: fidelity, goal: goal, reasonLevel: reasonLevel, observedEffect: observedEffect)
    }
}
