import ArgumentParser
import Logging

/// The `kokon` command: programme templates, municipalities and network reports from one tool.
@main
struct Kokon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kokon",
        abstract: "Replicate proven family-support programmes across municipalities and compare them.",
        discussion: """
            Kokon keeps each programme as a template written once by a methodologist, lets \
            municipalities adopt it with their own isolated data, and compares cities through \
            privacy-safe shared reports.

            With no database configured (no --database, DATABASE_URL or PG* variables), commands \
            that need one start Kokon's own local PostgreSQL under .kokon/ of the current folder \
            and stop it again when they finish.
            """,
        subcommands: [DemoCommand.self, LintCommand.self, ShowCommand.self, SchemaCommand.self, DatabaseCommand.self, MigrateCommand.self,
                      TenantCommand.self, ImportCommand.self, EvaluateCommand.self,
                      PublishCommand.self, ReportCommand.self, BenchCommand.self]
    )
}
