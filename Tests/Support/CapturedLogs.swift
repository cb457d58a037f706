import Foundation
public import Logging

/// A log handler that keeps what it receives, for assertions.
public final class CapturedLogs: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(level: Logger.Level, message: String)] = []

    /// An empty capture.
    public init() {}
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public var entries: [(level: Logger.Level, message: String)] { lock.withLock { stored } }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        lock.withLock { stored.append((event.level, event.message.description)) }
    }
}
