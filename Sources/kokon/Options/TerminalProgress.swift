import Foundation
import Synchronization

/// A one-line progress display on the terminal (standard error), updated at most ten times a
/// second, and silent when standard error is not a terminal (CI logs, pipes).
final class TerminalProgress: Sendable {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private let state = Mutex<(last: Double, shown: Bool)>((0, false))

    init(label: String) { self.label = label }

    /// Shows `done` of `total` bytes (or items).
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let now = Date().timeIntervalSince1970
        let show = state.withLock { state -> Bool in
            guard now - state.last >= 0.1 || done >= total else { return false }
            state.last = now
            state.shown = true
            return true
        }
        guard show else { return }
        let percent = total > 0 ? min(100, done * 100 / total) : 0
        let bar = String(repeating: "#", count: percent / 5).padding(toLength: 20, withPad: ".", startingAt: 0)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%".utf8))
    }

    /// Ends the line, if anything was shown.
    func finish() {
        if state.withLock({ $0.shown }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
