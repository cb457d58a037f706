import Foundation
import KokonServer
import Synchronization
import Testing

/// The server's own services end when the server does, however it ends.
@Suite("Server lifecycle")
struct ServerLifecycleTests {
    /// A server that cannot start (its port taken) cancels its services rather than shutting
    /// them down gracefully; the audit recorder must stop then too, not spin. The test waits a
    /// few seconds for it and never blocks on it, so a recorder that spins fails it instead
    /// of hanging the run.
    @Test func theAuditRecorderStopsWhenCancelled() async throws {
        try await ServerFixture.with { fixture in
            let recorder = fixture.services.audit
            let ended = Atomic<Bool>(false)
            let running = Task {
                try? await recorder.run()
                ended.store(true, ordering: .sequentiallyConsistent)
            }
            try await Task.sleep(for: .milliseconds(200))
            running.cancel()
            for _ in 0..<30 where !ended.load(ordering: .sequentiallyConsistent) { try await Task.sleep(for: .milliseconds(100)) }
            let stopped = ended.load(ordering: .sequentiallyConsistent)
            #expect(stopped, "the audit recorder kept running after it was cancelled")
        }
    }
}
