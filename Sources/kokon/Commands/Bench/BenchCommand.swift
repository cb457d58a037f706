import ArgumentParser

/// `kokon bench`
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Kokon against its performance targets, each on a throwaway database.",
        discussion: """
            Each benchmark creates its own database on the configured server (or the local one), \
            removes it and every role it made afterwards, and prints its headline figure, measured \
            in this one run, as its last line. `kokon bench soak` is the exception to the first \
            sentence: it needs a database it may crash, so it starts a PostgreSQL of its own.
            """,
        subcommands: [
            BenchAPICommand.self, BenchProvisionCommand.self, BenchImportCommand.self, BenchPublishCommand.self, BenchReportCommand.self,
            BenchPagesCommand.self, BenchSoakCommand.self,
        ]
    )
}
