import Engine
import Reporting

/// What every page of a municipality shows at its top: which municipality, the programme
/// versions in force, and where to go.
struct TenantNav: Sendable {
    let tenantName: String
    let versions: [String]
    let householdsURL: String
    let newHouseholdURL: String
    let canRegister: Bool
    /// The publishing page, for those who may publish.
    let publishURL: String?
    /// The import page, for coordinators.
    let importURL: String?
    /// The coordinator's dashboard.
    let dashboardURL: String?
    /// The adaptation register (shown with the dashboard link).
    let adaptationsURL: String
    /// New programme versions, for those who may plan an upgrade.
    let upgradesURL: String?

    init(tenant: String, name: String, choices: CaseRecords.Choices, principal: Principal?) {
        tenantName = name
        versions = choices.adoptions.map(\.version)
        householdsURL = "/m/\(tenant)/households"
        newHouseholdURL = "/m/\(tenant)/households/new"
        canRegister = Policy.allows(principal, .writeRecords(tenant: tenant, kind: "households"))
        publishURL = Policy.allows(principal, .publish(tenant: tenant)) ? "/m/\(tenant)/publish" : nil
        importURL = Policy.allows(principal, .writeRecords(tenant: tenant, kind: "staff")) ? "/m/\(tenant)/import" : nil
        dashboardURL = Policy.allows(principal, .evaluate(tenant: tenant)) ? "/m/\(tenant)/dashboard" : nil
        adaptationsURL = "/m/\(tenant)/adaptations"
        upgradesURL = Policy.allows(principal, .planUpgrade(tenant: tenant)) ? "/m/\(tenant)/upgrades" : nil
    }
}

/// The households a caseworker works with (a coordinator: all), searchable by code.
struct HouseholdsPage: Page {
    static let template = "households"
    struct Row: Sendable {
        let code: String
        let area: String
        let size: Int
        let url: String
    }

    let title: String
    let signedIn: SiteHeader.SignedIn?
    let nav: TenantNav
    let query: String
    let households: [Row]
    let hasHouseholds: Bool
    let caption: String
    let emptyText: String
    let nextURL: String?
}

/// The form registering a household.
struct NewHouseholdPage: Page {
    static let template = "household-new"
    let title = "Nowe gospodarstwo domowe"
    let signedIn: SiteHeader.SignedIn?
    let nav: TenantNav
    let action: String
    let csrfToken: String
    let summary: String?
    let fields: [FormField]
}

/// One household's file, with the forms that add to it.
struct HouseholdPage: Page {
    static let template = "household"
    struct Person: Sendable {
        let code: String
        let birthYear: Int
        let relation: String
    }
    struct Enrolment: Sendable {
        let adoption: String
        let who: String
        let targetGroup: String
        let from: String
        let until: String
    }
    struct Plan: Sendable {
        let code: String
        let name: String
        let who: String
        let drawnUp: String
        let goals: [String]
    }
    struct Attendance: Sendable {
        let date: String
        let activity: String
        let minutes: Int
        let person: String
        let status: String
    }
    struct AttendanceRow: Sendable {
        let id: String
        let name: String
        let person: String
        let options: [FormField.Option]
    }
    struct Form: Sendable {
        let anchor: String
        let heading: String
        let action: String
        let csrfToken: String
        let summary: String?
        let fields: [FormField]
        let attendanceRows: [AttendanceRow]
        let hasAttendanceRows: Bool
        let button: String
    }

    let title: String
    let signedIn: SiteHeader.SignedIn?
    let nav: TenantNav
    let saved: String?
    let area: String
    let size: Int
    let findings: [String]
    let hasFindings: Bool
    let persons: [Person]
    let hasPersons: Bool
    let enrolments: [Enrolment]
    let hasEnrolments: Bool
    let plans: [Plan]
    let hasPlans: Bool
    let attendance: [Attendance]
    let hasAttendance: Bool
    let outcomes: [String]
    let hasOutcomes: Bool
    /// Events recorded for members, for the eligibility windows that count from them.
    let events: [String]
    let hasEvents: Bool
    let forms: [Form]
}
