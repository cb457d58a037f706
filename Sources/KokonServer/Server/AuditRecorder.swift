public import Engine
import Foundation
public import ServiceLifecycle
import Synchronization

/// Keeps the uses of API tokens and the reads of households, and writes them in one
/// statement a second, so recording them costs a request no round trip to the database.
/// What is still kept is written when the server shuts down.
public final class AuditRecorder: Service, Sendable {
    let tokens: APITokens
    let reads: ReadAudit
    private let pending = Mutex<(uses: [APITokens.Use], reads: [ReadAudit.Entry])>(([], []))

    /// A recorder writing through these stores.
    public init(tokens: APITokens, reads: ReadAudit) {
        self.tokens = tokens
        self.reads = reads
    }

    /// Keeps one use of a token.
    func tokenUsed(_ use: APITokens.Use) {
        pending.withLock { $0.uses.append(use) }
    }

    /// Keeps one read of a household's record.
    func recordRead(_ entry: ReadAudit.Entry) {
        pending.withLock { $0.reads.append(entry) }
    }

    /// Writes everything kept so far.
    public func flush() async throws {
        let (uses, entries) = pending.withLock { state in
            defer { state = ([], []) }
            return state
        }
        try await tokens.recordUses(uses)
        try await reads.record(entries)
    }

    /// Waits a second, or less if the server starts shutting down.
    private func gracefulShutdown(orAfter delay: Duration) async throws {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
    }

    public func run() async throws {
        // Cancelled rather than shut down when the server fails (a port already taken): the
        // wait then ends at once, so the loop must stop too, or it would spin.
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await gracefulShutdown(orAfter: .seconds(1))
            try? await flush()
        }
        try await flush()
    }
}
