import Engine
import Foundation
import Hummingbird
import Templates

/// `/api/v1/programmes…`: the programme templates, for everyone signed in.
enum ProgrammesAPI {
    struct Summary: Encodable {
        let id: String
        let version: String
        let reference: String
        let name: String
        let extends: String?
        /// The source project's state (planned, running, completed).
        let status: String?
        /// The version's life: draft, approved or withdrawn; null when the template does not say.
        let release: String?
        /// For a withdrawn version: what replaces it.
        let replacedBy: String?
    }

    static func add(to api: RouterGroup<KokonRequestContext>, services: ServerServices) {
        api.get("/programmes") { _, context -> Response in
            try Authorize.require(context.principal, .readProgrammes)
            let list = services.catalog.programmes.sorted { ($0.id, $0.version) < ($1.id, $1.version) }.map {
                Summary(
                    id: $0.id, version: $0.version.description, reference: $0.reference, name: $0.name.pl, extends: $0.extends?.description,
                    status: $0.status?.rawValue, release: $0.release?.status.rawValue, replacedBy: $0.release?.replacedBy?.description)
            }
            return try JSONAnswer.encode(["programmes": list])
        }

        api.get("/programmes/:programme/versions/:version") { _, context -> Response in
            try Authorize.require(context.principal, .readProgrammes)
            return JSONAnswer.raw(try programme(context, services).resolvedJSON())
        }

        api.get("/programmes/:programme/versions/:version/handbook") { _, context -> Response in
            try Authorize.require(context.principal, .readProgrammes)
            let markdown = Handbook(try programme(context, services)).markdown
            return Response(status: .ok, headers: [.contentType: "text/markdown; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: markdown)))
        }
    }

    static func programme(_ context: KokonRequestContext, _ services: ServerServices) throws -> Programme {
        let id = try context.parameters.require("programme")
        let version = try context.parameters.require("version")
        guard let found = services.catalog.programmes.first(where: { $0.id == id && $0.version.description == version }) else {
            let known = services.catalog.programmes.map(\.reference).sorted().joined(separator: ", ")
            throw Problem.notFound("there is no programme \(id)@\(version); programmes: \(known)")
        }
        return found
    }
}
