import ArgumentParser
import Engine
import Foundation
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
        subcommands: [
            DemoCommand.self, LintCommand.self, ShowCommand.self, SchemaCommand.self, DatabaseCommand.self, MigrateCommand.self,
            TenantCommand.self, ImportCommand.self, PersonCommand.self, EvaluateCommand.self,
            PublishCommand.self, PolicyCommand.self, AnalystsCommand.self, ReportCommand.self, ServeCommand.self, AccountCommand.self, TokenCommand.self, BenchCommand.self,
        ]
    )

    /// Checks the settings every command shares before parsing, so a mistyped time zone is
    /// reported rather than silently replaced.
    static func main() async {
        do {
            _ = try ReferenceTimeZone.resolve()
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: PlainFileError(error) ?? error)
        }
    }
}

/// A command that cannot go ahead, said plainly: without the usage text a mistyped option gets.
struct CommandRefusal: Error, CustomStringConvertible {
    let description: String
}

/// A file-system error in a plain sentence with its path, instead of Foundation's domain and
/// code (`NSCocoaErrorDomain`, `Code=4`).
struct PlainFileError: Error, CustomStringConvertible {
    let description: String

    init?(_ error: any Error) {
        guard let cocoa = error as? CocoaError else { return nil }
        let path = cocoa.filePath ?? cocoa.url?.path ?? (cocoa.userInfo[NSFilePathErrorKey] as? String)
        let place = path.map { " '\($0)'" } ?? ""
        switch cocoa.code {
        case .fileNoSuchFile, .fileReadNoSuchFile:
            description = "there is no file or folder\(place); check the path (and that its folder exists)"
        case .fileReadNoPermission, .fileWriteNoPermission:
            description = "you may not \(cocoa.code == .fileWriteNoPermission ? "write" : "read")\(place); check its permissions or choose another place"
        case .fileWriteOutOfSpace:
            description = "the disk is full while writing\(place); free some space and try again"
        case .fileWriteVolumeReadOnly:
            description = "\(place.isEmpty ? "the place" : String(place.dropFirst())) is on a read-only disk; choose another place"
        case .fileWriteFileExists:
            description = "\(place.isEmpty ? "the file" : String(place.dropFirst())) already exists"
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding:
            description = "\(place.isEmpty ? "the file" : String(place.dropFirst())) cannot be read as UTF-8 text"
        default:
            description = "the file\(place) could not be read or written; check the path and its permissions"
        }
    }
}
