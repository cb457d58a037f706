import ArgumentParser
import Engine
import Foundation

/// `kokon policy`
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show or set the network's disclosure policy: k, the smallest count a published figure may show.",
        discussion: """
            k is set once for the whole network, by its administrator, and every municipality \
            publishes with it: two reports made at different thresholds could be compared to \
            give away what one of them hid. The database refuses a publication made with any \
            other k. The default is 5; the least a network may choose is 3, the most 100.

            After a change, each municipality's figures keep the k they were published with \
            until it publishes again; network reports state the thresholds they show.
            """,
        subcommands: [Show.self, Set.self]
    )

    /// `kokon policy show`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print k, who set it and when.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.withPool(size: 1) { pool in
                try await Catalogue.migrate(pool)
                let setting = try await NetworkPolicy.setting(pool)
                print("k = \(setting.k): figures counting fewer than \(setting.k) persons or households are hidden (set by \(setting.setBy), \(setting.setAt))")
            }
        }
    }

    /// `kokon policy set --k N`
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set k for every municipality's next publish.",
            discussion: "Run it as the network administrator, before the first publish; changing it later makes old and new reports differ.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The smallest count of persons or households a published figure may show (3 to 100).")
        var k: Int

        func validate() throws {
            do {
                try Suppression.check(k: k)
            } catch {
                throw ValidationError("--k: \(error)")
            }
        }

        func run() async throws {
            try await database.withPool(size: 1) { pool in
                try await Catalogue.migrate(pool)
                let previous = try await NetworkPolicy.set(k: k, by: NSUserName(), pool)
                print(
                    previous == k
                        ? "k stays \(k)"
                        : "k is now \(k) (was \(previous)); each municipality's published figures keep k = \(previous) until it publishes again")
            }
        }
    }
}
