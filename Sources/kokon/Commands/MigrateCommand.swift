import ArgumentParser
import Engine
import Foundation
import FoundationEssentials
import Postgres

/// `kokon migrate`: brings the catalogue database up to date.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations, or show which are applied.",
        discussion: """
            Creates Kokon's roles (kokon_owner, kokon_app) and schemas if they are missing and \
            applies the core migrations built into this kokon binary, each in its own transaction. \
            Running it again changes nothing; two runs at once are safe. A migration file edited \
            after it was applied is refused, and nothing is changed.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Only list the migrations and whether each is applied, pending or changed.")
    var status = false

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            if status {
                let states = try await Catalogue.status(pool)
                for state in states {
                    let when = state.appliedAt.map { " (applied \($0.formatted(.iso8601)))" } ?? ""
                    print("\(state.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(state.name)\(when)")
                }
                let pending = states.filter { $0.state == .pending }.count
                print(pending == 0 ? "The database is up to date." : "\(pending) migration(s) pending: run `kokon migrate`.")
                if states.contains(where: { $0.state == .modified || $0.state == .unknown }) {
                    throw ExitCode(1)
                }
            } else {
                let applied = try await Catalogue.migrate(pool)
                if applied.isEmpty {
                    print("The database is up to date; nothing to apply.")
                } else {
                    for name in applied { print("applied  \(name)") }
                    print("Applied \(applied.count) migration(s).")
                }
            }
        }
    }
}
