import ArgumentParser
import Foundation
import Postgres

/// `kokon db start`
struct DatabaseStart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Create the local database if needed and start it; it keeps running until `kokon db stop`."
    )

    @Flag(name: .long, help: "Show more of what happens.")
    var verbose = false

    func run() async throws {
        let cluster = try LocalCluster.inWorkingDirectory()
        let started = try await cluster.start(logger: DatabaseOptions.parseOrExit(verbose ? ["--verbose"] : []).logger)
        // Started on purpose: no command that finishes stops it now.
        cluster.startedByHand()
        print(started ? "The local database is running." : "The local database was already running.")
        print("Data:   \(cluster.dataDirectory)")
        print("URL:    \(cluster.url())")
        print("Stop it with `kokon db stop`.")
    }
}

/// `kokon db stop`
struct DatabaseStop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop the local database (open sessions are rolled back). Data is kept."
    )

    func run() async throws {
        let cluster = try LocalCluster.inWorkingDirectory()
        guard try cluster.status() == .running else {
            print("The local database is not running.")
            return
        }
        try await cluster.stop()
        cluster.startedByHand()
        print("The local database has stopped. Its data stays in \(cluster.dataDirectory).")
    }
}

/// `kokon db destroy`
struct DatabaseDestroy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Delete the local database with all its data, wherever its data folder lives.",
        discussion: """
            Stops the local database at once if it runs, then deletes its data folder (under \
            .kokon/, or under /var/tmp when the postgres user could not reach .kokon/) and its \
            socket folder. Every municipality's records in it are gone; there is no undo. The \
            next command that needs a database creates a new, empty one.
            """
    )

    @Flag(name: .long, help: "Confirm that every record in the local database may be deleted.")
    var yes = false

    func run() async throws {
        let cluster = try LocalCluster.inWorkingDirectory()
        guard yes else {
            throw CommandRefusal(
                description: "this deletes the local database in \(cluster.dataDirectory) with every record in it; to go ahead, run `kokon db destroy --yes`")
        }
        let folder = cluster.dataDirectory
        guard FileManager.default.fileExists(atPath: folder) else {
            print("There is no local database here; nothing was deleted.")
            return
        }
        cluster.destroy()
        print("Deleted the local database and its data in \(folder).")
    }
}

/// `kokon db status`
struct DatabaseStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Say whether the local database exists and runs; exits 0 if running, 3 if not."
    )

    func run() async throws {
        let cluster = try LocalCluster.inWorkingDirectory()
        switch try cluster.status() {
        case .notCreated:
            print("No local database yet in \(cluster.stateDirectory). `kokon db start` creates one.")
            throw ExitCode(3)
        case .stopped:
            print("The local database in \(cluster.dataDirectory) is stopped. `kokon db start` starts it.")
            throw ExitCode(3)
        case .running:
            print("The local database is running (PostgreSQL \(cluster.createdMajorVersion.map(String.init) ?? "?")).")
            print("Data:   \(cluster.dataDirectory)")
            print("Socket: \(cluster.socketPath)")
            print("URL:    \(cluster.url())")
        }
    }
}

/// `kokon db url`
struct DatabaseURL: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "url",
        abstract: "Print the local database's connection URL, e.g. for DATABASE_URL or psql."
    )

    func run() async throws {
        print(try LocalCluster.inWorkingDirectory().url())
    }
}
