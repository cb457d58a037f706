import CLibPQ
import Logging

/// Receives server notices (RAISE NOTICE, warnings) and forwards them to swift-log, instead of
/// libpq's default of printing them to standard error.
final class NoticeForwarder: @unchecked Sendable {
    private let logger: Logger

    init(logger: Logger) { self.logger = logger }

    func forward(_ result: OpaquePointer) {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        let severity = field("V") ?? field("S") ?? "NOTICE"
        let message = field("M") ?? "(no message)"
        var metadata: Logger.Metadata = ["postgres.severity": "\(severity)"]
        if let code = field("C") { metadata["postgres.sqlstate"] = "\(code)" }
        if let hint = field("H") { metadata["postgres.hint"] = "\(hint)" }
        let level: Logger.Level =
            switch severity {
            case "WARNING": .warning
            case "NOTICE": .notice
            case "INFO", "LOG": .info
            default: .debug
            }
        logger.log(level: level, "\(message)", metadata: metadata)
    }
}
