import ArgumentParser

/// `kokon db`: Kokon's own local PostgreSQL.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Start, stop and inspect Kokon's local PostgreSQL database.",
        discussion: """
            The local database lives under .kokon/ of the current folder and listens only on a \
            Unix socket, never on the network. It needs PostgreSQL's server programs \
            (apt-get install -y postgresql). As root, the server runs as the 'postgres' system user.
            """,
        subcommands: [DatabaseStart.self, DatabaseStop.self, DatabaseStatus.self, DatabaseURL.self, DatabasePsql.self, DatabaseDestroy.self]
    )
}
