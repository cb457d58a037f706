/// What an import (or an API write) did, or would do on a dry run.
public struct ImportReport: Sendable {
    /// One rejected row.
    public struct Reject: Sendable, Equatable {
        /// The row number as a spreadsheet shows it: the header is row 1, the first record row 2.
        public let row: Int
        /// What is wrong and how to fix it.
        public let reason: String
    }

    /// The record kind.
    public let kind: String
    /// Where the rows came from (a file name, or "api").
    public let source: String
    /// Rows read.
    public let rows: Int
    /// Rows newly stored (0 on a dry run or when rows were rejected).
    public let inserted: Int
    /// Rows already recorded (or repeated within the file), left as they were.
    public let unchanged: Int
    /// The first 100 rejected rows, in file order.
    public let rejects: [Reject]
    /// How many rows were rejected in all.
    public let rejectCount: Int
    /// True if nothing was meant to be stored.
    public let dryRun: Bool
    /// Rows whose key was stored with other values, and whose values replaced the stored
    /// ones (`--update`).
    public var updated = 0
    /// Of the rejected rows, those refused only because their key is stored with other values.
    public var changed = 0

    /// The message shown when rows were rejected.
    public var rejectionText: String {
        var lines = ["\(source): \(rejectCount) of \(rows) row\(rows == 1 ? "" : "s") rejected, so nothing was imported. Fix these rows and import the file again:"]
        lines += rejects.map { "  row \($0.row): \($0.reason)" }
        if rejectCount > rejects.count { lines.append("  … and \(rejectCount - rejects.count) more") }
        if changed > 0 && changed == rejectCount {
            lines.append("If the file holds the right values, import it again with --update to replace the stored records; nothing else changes.")
        }
        return lines.joined(separator: "\n")
    }

    /// One line saying what happened.
    public var summary: String {
        if dryRun {
            return "\(source): \(rows) \(kind) row\(rows == 1 ? "" : "s") checked, all valid; \(inserted) would be added, "
                + (updated > 0 ? "\(updated) would replace stored records, " : "") + "\(unchanged) already recorded (dry run: nothing written)"
        }
        return "\(source): \(rows) \(kind) row\(rows == 1 ? "" : "s") read, \(inserted) added, " + (updated > 0 ? "\(updated) updated, " : "")
            + "\(unchanged) already recorded"
    }
}
