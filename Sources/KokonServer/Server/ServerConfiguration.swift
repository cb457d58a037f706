/// How the server listens and what it allows; `kokon serve` fills it from its options.
public struct ServerConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port; 0 picks a free one (tests).
    public var port: Int
    /// Mark cookies `Secure`: the server is behind a proxy that speaks TLS to browsers.
    public var behindTLS: Bool
    /// The largest request body accepted; larger ones get 413.
    public var bodyLimit: Int
    /// How long in-flight requests may take to finish on shutdown.
    public var shutdownGrace: Duration
    /// How many PostgreSQL connections the server keeps.
    public var connections: Int
    /// How long failed sign-ins count, and how long a lock lasts.
    public var signInLockWindow: Duration = .seconds(15 * 60)

    /// The defaults: loopback, port 8080, 1 MiB bodies, 10 s to finish on shutdown.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, behindTLS: Bool = false, bodyLimit: Int = 1 << 20,
        shutdownGrace: Duration = .seconds(10), connections: Int = 8
    ) {
        self.host = host
        self.port = port
        self.behindTLS = behindTLS
        self.bodyLimit = bodyLimit
        self.shutdownGrace = shutdownGrace
        self.connections = connections
    }
}
