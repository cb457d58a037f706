import Engine
import Hummingbird
import Postgres
import Reporting
import Templates

/// The coordinator's dashboard: per adoption, fidelity and indicators against their targets
/// with a trend by quarter, the adaptation register, what the rules flag (linked to the
/// households concerned), each worker's caseload against the role's limit, and the networks
/// with their members and actions.
enum DashboardRoutes {
    struct DashboardPage: Page {
        static let template = "dashboard"

        /// One measure across the quarters.
        struct TrendRow: Sendable {
            let measure: String
            let values: [String]
        }

        struct CaseloadRow: Sendable {
            struct Household: Sendable {
                let code: String
                let link: String
            }
            let staff: String
            let role: String
            let organisation: String?
            let load: String
            let badgeLabel: String
            let badgeStyle: String
            let households: [Household]
        }

        struct NetworkRow: Sendable {
            let name: String
            let code: String
            let area: String?
            let formedOn: String
            let members: String
            let actions: String
        }

        struct Adoption: Sendable {
            let anchor: String
            let section: EvaluationSection
            /// Said when the version run is withdrawn or a draft, with what to do.
            var releaseNotice: ReleaseNotice? = nil
            let quarters: [String]
            let trend: [TrendRow]
            let hasTrend: Bool
            let caseloads: [CaseloadRow]
            let hasCaseloads: Bool
            let networks: [NetworkRow]
            let hasNetworks: Bool
        }

        struct Partner: Sendable {
            let name: String
            let sector: String
        }

        /// A version's life, where the coordinator must act on it.
        struct ReleaseNotice: Sendable {
            let text: String
            /// The upgrade form of the adoption, if there is a version of it to move to.
            let upgrade: String?

            /// Nil for an approved version (or one with no stated life). `catalog` finds the
            /// replacement: the upgrade page moves between versions of one programme only.
            init?(_ programme: Programme?, catalog: ModelCatalog, tenant: String, adoption: String) {
                guard let programme, let release = programme.release, release.status != .approved else { return nil }
                switch release.status {
                case .withdrawn:
                    text =
                        "Wersja \(programme.version) programu została wycofana" + (release.date.map { " \($0.polish)" } ?? "")
                        + (release.reason.map { ": \($0.pl)" } ?? "") + "."
                        + (release.replacedBy.map { " Zastępuje ją \($0)." } ?? " Ustal dalsze kroki z metodykiem programu.")
                    let replacement = release.replacedBy.flatMap { catalog.programme($0.description) }.flatMap { $0.id == programme.id ? $0 : nil }
                    // The upgrade form of this adoption, where the replacement is offered: the
                    // coordinator chooses the day before anything is planned.
                    upgrade = replacement.map { _ in "/m/\(tenant)/upgrades#to-\(adoption)" }
                default:
                    text = "Wersja \(programme.version) programu jest robocza: nie została jeszcze zatwierdzona przez metodyka. Realizuj ją tylko próbnie."
                    upgrade = nil
                }
            }
        }

        let title = "Pulpit koordynatora"
        let signedIn: SiteHeader.SignedIn?
        let nav: TenantNav
        let adoptions: [Adoption]
        /// The municipality's local partners, from its tenant file.
        let partners: [Partner]
        let hasPartners: Bool
    }

    /// The evaluations a dashboard shows.
    struct DashboardFigures: Sendable {
        let evaluations: [Evaluation]
        let quarters: [String: [Evaluation]]
    }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        pages.get("/m/:tenant/dashboard") { _, context -> Response in
            let tenant = try context.parameters.require("tenant")
            let scope = try Authorize.require(context.principal, .evaluate(tenant: tenant))
            let records = try await services.records(tenant, principal: context.principal!, scope: scope ?? .all)
            let evaluator = Evaluator(records: records)
            // The whole period and every quarter: made again only when the records change.
            let figures = try await services.evaluations.value("dashboard", of: records) {
                var quarters: [String: [Evaluation]] = [:]
                let evaluations = try await evaluator.evaluate()
                for evaluation in evaluations { quarters[evaluation.adoption] = try await evaluator.quarterly(adoption: evaluation.adoption) }
                return DashboardFigures(evaluations: evaluations, quarters: quarters)
            }
            let evaluations = figures.evaluations
            let caseloads = try await records.caseloads()
            let networks = try await records.networkActivity()
            let households = try await records.householdsOf(Array(Set(evaluations.flatMap { $0.findings.map(\.entity) })))
            let link = { (code: String) in households[code].map { "/m/\(tenant)/households/\(CaseworkRoutes.escape($0))" } }
            var adoptions: [DashboardPage.Adoption] = []
            for evaluation in evaluations {
                var shown = adoption(
                    evaluation, quarters: figures.quarters[evaluation.adoption] ?? [], caseloads: caseloads.filter { $0.adoption == evaluation.adoption },
                    networks: networks.filter { $0.adoption == evaluation.adoption }, link: link)
                shown.releaseNotice = DashboardPage.ReleaseNotice(
                    services.catalog.programmes.first { $0.reference == evaluation.model }, catalog: services.catalog, tenant: tenant, adoption: evaluation.adoption)
                adoptions.append(shown)
            }
            let nav = TenantNav(
                tenant: tenant, name: CaseworkRoutes.name(of: tenant, services), choices: try await records.choices(), principal: context.principal)
            let partners = (services.catalog.tenant(tenant)?.partners ?? []).map {
                DashboardPage.Partner(name: $0.name, sector: PolishWords.word($0.sector, in: PolishWords.sectors))
            }
            return Views.render(
                DashboardPage(
                    signedIn: SiteHeader(context.principal).signedIn, nav: nav, adoptions: adoptions, partners: partners, hasPartners: !partners.isEmpty))
        }
    }

    static func adoption(
        _ evaluation: Evaluation, quarters: [Evaluation], caseloads: [CaseRecords.Caseload], networks: [CaseRecords.NetworkActivity],
        link: (String) -> String?
    ) -> DashboardPage.Adoption {
        var trend = [
            DashboardPage.TrendRow(measure: "Wynik wierności", values: quarters.map { EvaluationSection.scoreText($0.fidelity) }),
            DashboardPage.TrendRow(
                measure: "Zasięg",
                values: quarters.map { quarter in quarter.fidelity.target.map { "\(quarter.fidelity.enrolled) z \($0)" } ?? "\(quarter.fidelity.enrolled)" }),
        ]
        for (index, indicator) in evaluation.indicators.enumerated() {
            let values = quarters.map { $0.indicators.indices.contains(index) ? EvaluationSection.shownValue($0.indicators[index]) : "–" }
            trend.append(DashboardPage.TrendRow(measure: indicator.name, values: values))
        }
        let caseloadRows = caseloads.map { caseload in
            let (label, style): (String, String) =
                caseload.limit == nil ? ("bez limitu", "none") : caseload.isOverLimit ? ("ponad limit", "bad") : ("w limicie", "ok")
            return DashboardPage.CaseloadRow(
                staff: caseload.staff, role: caseload.roleName, organisation: caseload.organisation,
                load: caseload.limit.map { "\(caseload.households.count) z \($0)" } ?? "\(caseload.households.count)",
                badgeLabel: label, badgeStyle: style,
                households: caseload.households.map { .init(code: $0, link: "/m/\(evaluation.tenant)/households/\(CaseworkRoutes.escape($0))") })
        }
        let networkRows = networks.map { network in
            DashboardPage.NetworkRow(
                name: network.name, code: network.code, area: network.area, formedOn: network.formedOn.polish,
                members: network.members.isEmpty
                    ? "brak" : network.members.map { "\($0.member) (\(PolishWords.word($0.sector, in: PolishWords.sectors)))" }.joined(separator: ", "),
                actions: network.actionsByYear.isEmpty
                    ? "brak" : network.actionsByYear.map { "\($0.year): \($0.actions)" }.joined(separator: "; "))
        }
        return DashboardPage.Adoption(
            anchor: evaluation.adoption, section: EvaluationSection(evaluation, link: link),
            quarters: quarters.map { quarterName($0.period.label) }, trend: trend, hasTrend: !quarters.isEmpty,
            caseloads: caseloadRows, hasCaseloads: !caseloadRows.isEmpty, networks: networkRows, hasNetworks: !networkRows.isEmpty)
    }

    /// `2025-Q1` as Polish readers write it: "I kw. 2025".
    static func quarterName(_ label: String) -> String {
        let parts = label.split(separator: "-Q")
        guard parts.count == 2, let quarter = Int(parts[1]), (1...4).contains(quarter) else { return label }
        return "\(["I", "II", "III", "IV"][quarter - 1]) kw. \(parts[0])"
    }
}
