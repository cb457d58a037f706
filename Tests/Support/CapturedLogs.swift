import Foundation
public import Logging

/// A log handler that keeps what it receives, for assertions.
public final class CapturedLogs: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(level: Logger.Level, message: String)] = []
    private var storedMetadata: [String] = []

    /// An empty capture.
    public init() {}
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public var entries: [(level: Logger.Level, message: String)] { lock.withLock { stored } }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// The metadata of every entry, as text, one entry per line.
    public var renderedMetadata: String { lock.withLock { storedMetadata.joined(separator: "\n") } }

    public func log(event: LogEvent) {
        let details = (event.metadata ?? [:]).merging(metadata) { entry, _ in entry }.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        lock.withLock {
            stored.append((event.level, event.message.description))
            storedMetadata.append(details)
        }
    }
}
