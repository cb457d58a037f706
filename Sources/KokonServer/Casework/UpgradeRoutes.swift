import Engine
import Foundation
import Hummingbird
import Postgres
import Reporting
import Templates

/// New programme versions for a municipality: for each adoption, the newer versions in the
/// catalogue, and for the one chosen (with the day it would apply from) the upgrade plan —
/// what changes, each adaptation still applying, unnecessary or in conflict with what to do,
/// and what happens to the records — with the lines an administrator adds to the tenant file.
enum UpgradeRoutes {
    struct UpgradePage: Page {
        static let template = "upgrades"

        struct Adoption: Sendable {
            let id: String
            let current: String
            let newer: [Option]
            let hasNewer: Bool
            let day: String
        }

        struct Verdict: Sendable {
            let summary: String
            let source: String
            let outcome: String
            let style: String
            let reason: String
            let action: String
        }

        struct Effect: Sendable {
            let text: String
            let needsAction: Bool
        }

        struct Plan: Sendable {
            let heading: String
            let blocked: Bool
            let groups: [DifferenceGroup]
            let hasGroups: Bool
            let verdicts: [Verdict]
            let hasVerdicts: Bool
            let effects: [Effect]
            let hasEffects: Bool
            /// The lines to put in the tenant file, as YAML.
            let snippet: String
        }

        let title = "Nowe wersje programów"
        let signedIn: SiteHeader.SignedIn?
        let nav: TenantNav
        let tenant: String
        let adoptions: [Adoption]
        let plan: Plan?
    }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        pages.get("/m/:tenant/upgrades") { request, context -> Response in
            let tenant = try context.parameters.require("tenant")
            let scope = try Authorize.require(context.principal, .planUpgrade(tenant: tenant))
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            let choices = try await records.choices()
            let asked = request.uri.queryParameters
            let chosenAdoption = asked.get("adoption")
            let day = asked.get("on").flatMap { CalendarDate(iso: $0) }
            if let text = asked.get("on"), !text.isEmpty, day == nil {
                throw Problem.badRequest("on '\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-01")
            }
            let adoptions = choices.adoptions.map { adopted -> UpgradePage.Adoption in
                let current = services.catalog.programmes.first { $0.reference == adopted.version }
                // Only approved versions are offered: a draft is not ready, a withdrawn one is no target.
                let newer = services.catalog.programmes.filter { candidate in
                    candidate.id == adopted.id && candidate.isAdoptable && current.map { candidate.version > $0.version } ?? false
                }
                let selected = chosenAdoption == adopted.id ? asked.get("to") : nil
                return UpgradePage.Adoption(
                    id: adopted.id, current: adopted.version,
                    newer: newer.map { .init(value: $0.reference, label: "\($0.name.pl) — wersja \($0.version)", selected: $0.reference == selected) },
                    hasNewer: !newer.isEmpty, day: (chosenAdoption == adopted.id ? day : nil).map(\.description) ?? CalendarDate.today.description)
            }
            var plan: UpgradePage.Plan?
            if let adoption = chosenAdoption, let to = asked.get("to") {
                guard let target = services.catalog.programmes.first(where: { $0.reference == to }) else {
                    throw Problem.notFound("there is no programme \(to)")
                }
                do {
                    plan = view(try await UpgradePlan.make(records: records, adoption: adoption, to: target, on: day ?? .today))
                } catch let error as TenantError {
                    throw Problem.badRequest(error.description)
                } catch let error as EvaluationError {
                    throw Problem.notFound(error.description)
                }
            }
            return Views.render(
                UpgradePage(
                    signedIn: SiteHeader(context.principal).signedIn,
                    nav: TenantNav(tenant: tenant, name: CaseworkRoutes.name(of: tenant, services), choices: choices, principal: context.principal),
                    tenant: tenant, adoptions: adoptions, plan: plan))
        }
    }

    static func view(_ plan: UpgradePlan) -> UpgradePage.Plan {
        let groups = DifferenceGroup.of(plan.differences)
        let verdicts = plan.verdicts.map { verdict in
            UpgradePage.Verdict(
                summary: verdict.summary, source: verdict.source, outcome: verdict.outcome.polish,
                style: verdict.outcome == .conflicts ? "bad" : verdict.outcome == .unnecessary ? "track" : "ok", reason: verdict.reason.pl,
                action: verdict.action.pl)
        }
        return UpgradePage.Plan(
            heading: "\(plan.from.name.pl): z wersji \(plan.from.version) na \(plan.to.version) od \(plan.on.polish)", blocked: plan.isBlocked,
            groups: groups, hasGroups: !groups.isEmpty, verdicts: verdicts, hasVerdicts: !verdicts.isEmpty,
            effects: plan.effects.map { UpgradePage.Effect(text: $0.text.pl, needsAction: $0.needsAction) }, hasEffects: !plan.effects.isEmpty,
            snippet: snippet(plan))
    }

    /// The adoption's lines in the tenant file after the upgrade, with a decision to fill in
    /// for every conflicting or unnecessary adaptation from the file.
    static func snippet(_ plan: UpgradePlan) -> String {
        var lines = [
            "  - model: \(plan.to.reference)", "    upgraded:", "      from: \(plan.from.reference)", "      on: \(plan.on)",
            "      decided_by: …",
        ]
        let open = plan.verdicts.filter { $0.outcome != .stillApplies }
        if !open.isEmpty { lines.append("      resolutions:") }
        for verdict in open {
            lines.append("        - # \(verdict.summary)")
            if let code = verdict.code {
                lines.append("          code: \(code)")
            } else {
                let adaptation = verdict.adaptation
                lines.append("          change: \(adaptation.change.rawValue)")
                if let component = adaptation.component { lines.append("          component: \(component)") }
                if let activity = adaptation.activity { lines.append("          activity: \(activity.id)") }
                if let role = adaptation.role { lines.append("          role: \(role)") }
            }
            lines.append("          decision: " + (verdict.outcome == .unnecessary ? "withdraw" : "keep  # albo withdraw"))
            lines.append("          reason: …")
        }
        return lines.joined(separator: "\n")
    }
}
