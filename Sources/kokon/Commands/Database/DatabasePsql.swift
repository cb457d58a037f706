import ArgumentParser
import Foundation
import Postgres

/// `kokon db psql`
struct DatabasePsql: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psql",
        abstract: "Open psql on Kokon's database; extra arguments go to psql (e.g. -c 'select 1').",
        discussion: """
            Uses the configured database (--database, DATABASE_URL or PG* variables) if there is \
            one, otherwise the local database, which is started if it is not running and left \
            running afterwards (`kokon db stop` stops it).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to psql as they are.")
    var psqlArguments: [String] = []

    func run() async throws {
        var arguments: [String] = []
        let psql: String
        if let configured = database.configuredConnection {
            guard let found = PostgresBinaries.findInPath("psql") else { throw CommandError.psqlMissing }
            psql = found
            if !configured.isEmpty { arguments += ["-d", configured] }
        } else {
            let cluster = try LocalCluster.inWorkingDirectory()
            let wasRunning = try cluster.status() == .running
            // Held for as long as psql runs, so no other command stops the server under it.
            let hold = try await cluster.hold(logger: database.logger)
            hold.passOnToExec()
            if !wasRunning {
                cluster.startedByHand()
                FileHandle.standardError.write(Data("Started the local database; `kokon db stop` stops it.\n".utf8))
            }
            guard let found = cluster.psqlPath() else { throw CommandError.psqlMissing }
            psql = found
            // Through libpq's variables rather than -d, so `-d otherdb` picks only another database.
            setenv("PGHOST", cluster.socketDirectory, 1)
            setenv("PGPORT", String(cluster.port), 1)
            setenv("PGUSER", LocalCluster.superuser, 1)
            setenv("PGDATABASE", LocalCluster.defaultDatabase, 1)
        }
        arguments += psqlArguments
        // Replace this process, so psql owns the terminal and its exit status is ours.
        let argv = ([psql] + arguments).map { strdup($0) } + [nil]
        execv(psql, argv)
        throw CommandError.execFailed(psql, String(cString: strerror(errno)))
    }
}
