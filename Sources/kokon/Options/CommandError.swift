/// Errors of the command-line layer, worded for the person at the terminal.
enum CommandError: Error, CustomStringConvertible {
    case psqlMissing
    case execFailed(String, String)

    var description: String {
        switch self {
        case .psqlMissing:
            "psql was not found. Install it with: apt-get install -y postgresql-client"
        case .execFailed(let program, let reason):
            "could not start \(program): \(reason)"
        }
    }
}
