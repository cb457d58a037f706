import Hummingbird

/// The committed OpenAPI document (`Sources/KokonServer/openapi.json`), embedded at build time.
public enum OpenAPIDocument {
    /// The document's text, exactly as it is in the repository.
    public static let text = embeddedOpenAPIDocument.first!.text
}

/// Serves the document.
enum OpenAPIRoute {
    static let document = OpenAPIDocument.text

    static func add(to api: RouterGroup<KokonRequestContext>) {
        api.get("/openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: document)))
        }
    }
}
