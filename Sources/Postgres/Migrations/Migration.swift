/// One SQL migration file, named `NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    /// The number that orders it, e.g. 1 for `0001_schemas.sql`.
    public let version: Int
    /// The file name without extension, e.g. `0001_schemas`.
    public let name: String
    /// The SQL.
    public let script: SQLScript

    /// Reads a migration from its file name and contents, refusing names that do not follow
    /// `NNNN_name.sql` (four or more digits, then a lowercase name).
    public init(fileName: String, sql: String) throws(MigrationError) {
        guard fileName.hasSuffix(".sql") else {
            throw .badFileName(fileName, "migration files end in .sql")
        }
        let stem = String(fileName.dropLast(4))
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        let rest = stem.dropFirst(digits.count)
        guard digits.count >= 4, let version = Int(digits), rest.first == "_", rest.count > 1,
            rest.dropFirst().allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        else {
            throw .badFileName(fileName, "name it NNNN_what_it_does.sql, e.g. 0002_add_audit_log.sql")
        }
        self.version = version
        self.name = stem
        self.script = SQLScript(trustedFileContents: sql)
    }
}

/// Why migrations could not be applied.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// A file name that does not follow the pattern.
    case badFileName(String, String)
    /// Two files share a number.
    case duplicateVersion(Int, String, String)
    /// An applied file was edited afterwards.
    case modified(scope: String, name: String, applied: String, current: String)
    /// The database has a migration this build does not know.
    case unknownApplied(scope: String, name: String)
    /// A migration failed to apply.
    case failed(scope: String, name: String, PostgresError)

    public var description: String {
        switch self {
        case .badFileName(let file, let advice):
            "migration file '\(file)' has an unusable name: \(advice)."
        case .duplicateVersion(let version, let first, let second):
            "migrations '\(first)' and '\(second)' share the number \(version); give the newer one the next free number."
        case .modified(let scope, let name, let applied, let current):
            """
            migration '\(name)' (\(scope)) was changed after it was applied to this database \
            (checksum then \(applied.prefix(12))…, now \(current.prefix(12))…). Applied migrations must \
            never change: restore the file as it was and put the change in a new migration file.
            """
        case .unknownApplied(let scope, let name):
            """
            this database has migration '\(name)' (\(scope)) applied, but this build of kokon does not \
            know it. The database was migrated by a newer kokon: update kokon rather than running an older one.
            """
        case .failed(let scope, let name, let error):
            "migration '\(name)' (\(scope)) failed and was rolled back; nothing of it was applied.\n\(error)"
        }
    }
}
