import Engine
import Foundation
import Hummingbird
import Postgres
import Templates

/// `/api/v1/municipalities/{tenant}/adaptations`: the adaptation register, read and added
/// to with the same checks as the coordinator's page (FRAME's fields, the programme's bounds).
enum AdaptationsAPI {
    /// One adaptation as the API writes it: the names the request uses, words from FRAME's lists.
    struct Entry: Encodable {
        let code: String
        let adoption: String
        let change: String
        let component: String?
        let activity: String?
        let activityName: String?
        let role: String?
        let max: Int?
        let duration: String?
        let indicator: String?
        let target: String?
        let delivery: String?
        let cadenceTimes: Int?
        let cadencePer: String?
        let targetGroup: String?
        let requires: String?
        let excludes: String?
        let reason: String
        let decidedBy: String
        let decidedOn: String
        let planned: String
        let phase: String
        let decider: String
        let modifies: String
        let level: String
        let nature: String
        let fidelity: String
        let goal: String
        let reasonLevel: String
        let observedEffect: String?

        enum CodingKeys: String, CodingKey {
            case code, adoption, change, component, activity, role, max, duration, indicator, target, delivery, requires, excludes, reason, planned, phase, decider, modifies,
                level,
                nature, fidelity, goal
            case activityName = "activity_name"
            case cadenceTimes = "cadence_times"
            case cadencePer = "cadence_per"
            case targetGroup = "target_group"
            case decidedBy = "decided_by"
            case decidedOn = "decided_on"
            case reasonLevel = "reason_level"
            case observedEffect = "observed_effect"
        }

        init(_ recorded: RecordedAdaptation) {
            code = recorded.code
            adoption = recorded.adoption
            change = recorded.change.rawValue
            component = recorded.component
            activity = recorded.activity
            activityName = recorded.activityName
            role = recorded.role
            max = recorded.max
            duration = recorded.duration?.months.map(String.init)
            indicator = recorded.indicator
            target = recorded.target?.description
            delivery = recorded.delivery?.joined(separator: ", ")
            cadenceTimes = recorded.cadence?.times
            cadencePer = recorded.cadence?.per
            targetGroup = recorded.targetGroup
            requires = recorded.requires?.joined(separator: ", ")
            excludes = recorded.excludes?.joined(separator: ", ")
            reason = recorded.reason
            decidedBy = recorded.decidedBy
            decidedOn = recorded.decidedOn.description
            planned = recorded.planned ? "planned" : "reactive"
            phase = recorded.phase.rawValue
            decider = recorded.decider.rawValue
            modifies = recorded.modifies.rawValue
            level = recorded.level.rawValue
            nature = recorded.nature.rawValue
            fidelity = recorded.fidelity.rawValue
            goal = recorded.goal.rawValue
            reasonLevel = recorded.reasonLevel.rawValue
            observedEffect = recorded.observedEffect
        }
    }

    static func add(to api: RouterGroup<KokonRequestContext>, services: ServerServices) {
        api.get("/municipalities/:tenant/adaptations") { _, context -> Response in
            let tenant = try context.parameters.require("tenant")
            let scope = try Authorize.require(context.principal, .evaluate(tenant: tenant))
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            return try JSONAnswer.encode(["adaptations": try await records.recordedAdaptations().map(Entry.init)])
        }

        api.post("/municipalities/:tenant/adaptations") { request, context -> Response in
            let tenant = try context.parameters.require("tenant")
            let scope = try Authorize.require(context.principal, .adapt(tenant: tenant))
            let object = try await JSONAnswer.object(request, limit: services.configuration.bodyLimit)
            let fields = try JSONAnswer.fields(object, allowed: CaseRecords.adaptationFields, what: "an adaptation")
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            let recorded = try await records.recordAdaptation(fields)
            return try JSONAnswer.encode(Entry(recorded), status: .created)
        }
    }
}
