public import Engine
import Foundation
import Postgres
public import Templates

/// A municipality's own report as a page: one section per adoption.
struct TenantReportPage: Page {
    static let template = "tenant-report"

    let title: String
    let name: String
    let teryt: String
    let voivodeship: String
    let example: Bool
    let notice: String?
    let sections: [EvaluationSection]

    init(tenant: Tenant, evaluations: [Evaluation], notice: String?) {
        title = "Raport gminy – \(tenant.name)"
        name = tenant.name
        teryt = tenant.teryt.code
        voivodeship = tenant.voivodeship
        example = tenant.isExample
        self.notice = notice
        sections = evaluations.map { EvaluationSection($0) }
    }
}

extension Reporting {
    /// A municipality's own full report (unsuppressed: it is their data) as one self-contained
    /// HTML page in Polish: inline CSS and SVG, no external files.
    public static func tenantHTML(tenant: Tenant, evaluations: [Evaluation], notice: String? = nil) -> String {
        PageRenderer.shipped.render(TenantReportPage(tenant: tenant, evaluations: evaluations, notice: notice))
    }
}
