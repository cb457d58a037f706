import Hummingbird

/// The committed OpenAPI document, exactly as it is in the repository.
enum OpenAPIRoute {
    static let document = embeddedOpenAPIDocument.first!.text

    static func add(to api: RouterGroup<KokonRequestContext>) {
        api.get("/openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: document)))
        }
    }
}
