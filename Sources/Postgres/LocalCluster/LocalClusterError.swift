import Foundation

/// Why the local PostgreSQL cluster could not be set up, started or stopped.
public enum LocalClusterError: Error, Sendable, CustomStringConvertible {
    /// No PostgreSQL server programs were found.
    case serverNotInstalled
    /// The cluster was made by a PostgreSQL version that is not installed.
    case versionMismatch(clusterVersion: Int, available: [Int])
    /// Running as root, but there is no user to run the server as.
    case noServerUser
    /// Neither runuser nor setpriv exists.
    case cannotSwitchUser(String)
    /// A server tool failed.
    case toolFailed(tool: String, status: Int32, output: String, logTail: String?)
    /// A file system operation failed.
    case io(String)

    public var description: String {
        switch self {
        case .serverNotInstalled:
            """
            PostgreSQL's server programs (initdb, pg_ctl, postgres) were not found: not via pg_config, \
            not in /usr/lib/postgresql/*/bin, not on PATH.
            Install them with: apt-get install -y postgresql libpq-dev
            Or point Kokon at an existing database with DATABASE_URL or --database.
            """
        case .versionMismatch(let cluster, let available):
            """
            the local database was created by PostgreSQL \(cluster), but this machine has \
            \(available.isEmpty ? "no other version" : "only " + available.map(String.init).joined(separator: ", ")).
            Install the matching server (apt-get install -y postgresql-\(cluster)), or move the .kokon folder \
            away to start a fresh local database.
            """
        case .noServerUser:
            """
            PostgreSQL refuses to run as root, and there is no 'postgres' system user to run it as.
            Install PostgreSQL from Debian's packages (apt-get install -y postgresql), which creates that user.
            """
        case .cannotSwitchUser(let user):
            "cannot run the server as '\(user)': neither runuser nor setpriv is installed (apt-get install -y util-linux)."
        case .toolFailed(let tool, let status, let output, let logTail):
            "\(tool) failed (exit status \(status)):\n\(output.trimmingCharacters(in: .whitespacesAndNewlines))"
                + (logTail.map { "\nlast lines of the server log:\n\($0)" } ?? "")
        case .io(let message):
            message
        }
    }
}
