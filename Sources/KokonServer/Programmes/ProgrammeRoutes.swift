import Engine
import Foundation
import Hummingbird
import Reporting
import Templates

/// The programme catalogue, for everyone signed in: every programme and version with the
/// municipalities running it, each version's handbook with its lineage drawn as a graph, and
/// the comparison of any two versions in words.
enum ProgrammeRoutes {
    struct CataloguePage: Page {
        static let template = "programmes"

        struct Version: Sendable {
            let version: String
            let link: String
            let status: String
            /// The version's life, in Polish ("zatwierdzona 2026-11-22").
            let release: String
            let municipalities: String
        }

        struct Entry: Sendable {
            let name: String
            let summary: String?
            let extends: String?
            let versions: [Version]
        }

        let title = "Katalog programów"
        let signedIn: SiteHeader.SignedIn?
        let entries: [Entry]
        let from: [Option]
        let to: [Option]
    }

    struct ProgrammePage: Page {
        static let template = "programme"
        let title: String
        let signedIn: SiteHeader.SignedIn?
        let reference: String
        let lineage: LineageGraph
        let handbook: HandbookView
        /// Links to the comparison with each other version of the same programme.
        let comparisons: [Link]
        let hasComparisons: Bool
    }

    struct Link: Sendable {
        let label: String
        let url: String
    }

    struct ComparisonPage: Page {
        static let template = "programme-compare"

        let title = "Porównanie wersji programów"
        let signedIn: SiteHeader.SignedIn?
        let from: [Option]
        let to: [Option]
        let fromName: String
        let toName: String
        let groups: [DifferenceGroup]
        let identical: Bool
        let otherProgramme: Bool
    }

    static func add(to pages: RouterGroup<KokonRequestContext>, services: ServerServices) {
        pages.get("/programmes") { _, context -> Response in
            try Authorize.require(context.principal, .readProgrammes)
            let running = try await running(services)
            let programmes = services.catalog.programmes
            let entries = Dictionary(grouping: programmes, by: \.id).values.map { versions -> CataloguePage.Entry in
                let sorted = versions.sorted { $0.version > $1.version }
                let newest = sorted[0]
                return CataloguePage.Entry(
                    name: newest.name.pl, summary: newest.summary?.pl, extends: newest.extends.map { "rozwija model \($0)" },
                    versions: sorted.map { programme in
                        let names = running[programme.reference] ?? []
                        return CataloguePage.Version(
                            version: programme.version.description, link: "/programmes/\(programme.id)/\(programme.version)",
                            status: programme.status?.polish ?? "", release: programme.release?.polish ?? "nie podano",
                            municipalities: names.isEmpty ? "żadna gmina" : names.sorted().joined(separator: ", "))
                    })
            }.sorted { $0.name < $1.name }
            let references = programmes.map(\.reference)
            return Views.render(
                CataloguePage(
                    signedIn: SiteHeader(context.principal).signedIn, entries: entries, from: choices(programmes, selected: references.first),
                    to: choices(programmes, selected: references.dropFirst().first ?? references.first)))
        }

        pages.get("/programmes/compare") { request, context -> Response in
            try Authorize.require(context.principal, .readProgrammes)
            let from = request.uri.queryParameters.get("from") ?? ""
            let to = request.uri.queryParameters.get("to") ?? ""
            let old = try programme(reference: from, services)
            let new = try programme(reference: to, services)
            let groups = DifferenceGroup.of(ModelDifference.between(old, new))
            let programmes = services.catalog.programmes
            return Views.render(
                ComparisonPage(
                    signedIn: SiteHeader(context.principal).signedIn, from: choices(programmes, selected: old.reference), to: choices(programmes, selected: new.reference),
                    fromName: "\(old.name.pl), wersja \(old.version)", toName: "\(new.name.pl), wersja \(new.version)", groups: groups, identical: groups.isEmpty,
                    otherProgramme: old.id != new.id))
        }

        pages.get("/programmes/:programme/:version") { _, context -> Response in
            try Authorize.require(context.principal, .readProgrammes)
            let id = try context.parameters.require("programme")
            let version = try context.parameters.require("version")
            let programme = try programme(reference: "\(id)@\(version)", services)
            let running = try await running(services)
            let others = services.catalog.programmes.filter { $0.id == programme.id && $0.version != programme.version }
            let comparisons = others.map { other in
                let (old, new) = other.version < programme.version ? (other, programme) : (programme, other)
                return Link(label: "Porównaj z wersją \(other.version)", url: "/programmes/compare?from=\(old.reference)&to=\(new.reference)")
            }
            let handbook = Handbook(programme)
            return Views.render(
                ProgrammePage(
                    title: handbook.title, signedIn: SiteHeader(context.principal).signedIn, reference: programme.reference,
                    lineage: LineageGraph(programme: programme, catalogue: services.catalog.programmes, running: running), handbook: HandbookView(handbook),
                    comparisons: comparisons, hasComparisons: !comparisons.isEmpty))
        }

        ProgrammeCheckRoutes.add(to: pages, services: services)
    }

    /// The programme a reference names exactly (`id@1.0.0`), or a refusal listing the known ones.
    static func programme(reference: String, _ services: ServerServices) throws -> Programme {
        guard let found = services.catalog.programmes.first(where: { $0.reference == reference }) else {
            let known = services.catalog.programmes.map(\.reference).sorted().joined(separator: ", ")
            throw Problem.notFound("there is no programme \(reference); programmes: \(known)")
        }
        return found
    }

    /// Every programme version as a choice in a select.
    static func choices(_ programmes: [Programme], selected: String?) -> [Option] {
        programmes.map { Option(value: $0.reference, label: "\($0.name.pl) — wersja \($0.version)", selected: $0.reference == selected) }
    }

    /// The names of the municipalities set up in the database, by the programme version they run.
    static func running(_ services: ServerServices) async throws -> [String: [String]] {
        var running: [String: [String]] = [:]
        for tenant in try await TenantDirectory(pool: services.pool, catalog: services.catalog).list() where tenant.appliedAt != nil {
            for adoption in tenant.adoptions { running[adoption, default: []].append(tenant.name) }
        }
        return running
    }
}
