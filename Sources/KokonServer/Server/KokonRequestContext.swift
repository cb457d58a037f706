public import Hummingbird
import NIOCore

/// What the server knows about one request beyond the request itself: who is asking (once
/// authentication has run) and from which address.
public struct KokonRequestContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account and how it signed in; nil for anonymous requests.
    public var principal: Principal?
    /// The peer's IP address, for throttling sign-in (never logged with a name).
    public let remoteAddress: String?

    /// A context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
