import ArgumentParser
import Foundation
import KokonBench

/// `kokon bench import`
struct BenchImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Compare importing attendance with `kokon import` against psql's \\copy of the same file.",
        discussion: """
            Sets up one example tenant with households, persons, enrolments and sessions, writes \
            an attendance file of ROWS rows, then loads it into the same table both ways: with \
            Kokon's checked import (COPY into staging, checks against the adopted programme and \
            enrolments, INSERT … ON CONFLICT DO NOTHING) and with psql's \\copy straight into the \
            table. Each runs five times from an empty table, taking turns to go first; the best of each counts. \
            Target: Kokon at least 0.8× psql's rows per second.
            """
    )

    @Option(help: ArgumentHelp("Folder of programme templates.", valueName: "folder"))
    var models = "models"
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Attendance rows in the file.")
    var rows = 500_000

    func run() async throws {
        guard rows >= 100 else { throw ValidationError("--rows must be at least 100") }
        guard let psql = database.psqlPath() else { throw CommandError.psqlMissing }
        let rounds = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            try await ImportBench(rows: rows, models: models, psql: psql).run(database) { number, round in
                print(String(format: "round %d: kokon import %.2f s, psql \\copy %.2f s", number, round.kokon, round.copy))
            }
        }
        let kokonRate = Double(rows) / rounds.map(\.kokon).min()!
        let copyRate = Double(rows) / rounds.map(\.copy).min()!
        print(String(format: "%d attendance rows: kokon import %.0f rows/s, psql \\copy %.0f rows/s (%@ build)", rows, kokonRate, copyRate, BuildConfiguration.name))
        print(String(format: "import: %.2fx psql copy (target >= 0.8x)", kokonRate / copyRate))
    }
}
