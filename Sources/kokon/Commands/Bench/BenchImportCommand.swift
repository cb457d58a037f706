import ArgumentParser
import Engine
import Foundation
import Postgres
import Templates

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
            table. Each runs three times from an empty table, taking turns to go first; the best of each counts. \
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
        var catalog = ModelCatalog.load(paths: [models])
        catalog.add(bytes: Array(BenchProvisionCommand.tenantFile(id: "bench").utf8), path: "tenants/bench.yaml", kind: .tenant)
        catalog.checkAll()
        let loaded = catalog
        let folder = FileManager.default.temporaryDirectory.appending(path: "kokon-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try BenchData(rows: rows).write(to: folder)

        let (kokon, copy) = try await ThrowawayDatabase.with(database, poolSize: 2) { database in
            try await Catalogue.migrate(database.pool)
            _ = try await TenantDirectory(pool: database.pool, catalog: loaded).apply(["bench"])
            let records = try await CaseRecords(pool: database.pool, tenant: "bench", actor: "bench")
            for (kind, path) in files.setup { try await records.importFile(kind, path: path) }
            var kokon: [Double] = []
            var copy: [Double] = []
            // Disk and WAL timings vary by a fifth from one load to the next here, so each way
            // runs three times, taking turns to go first, and the best of each is compared.
            for round in 1...3 {
                func timeKokon() async throws {
                    try await database.pool.query("TRUNCATE t_bench.attendance")
                    try await database.pool.query("CHECKPOINT")
                    let started = ContinuousClock.now
                    let report = try await records.importFile(.attendance, path: files.attendance)
                    kokon.append(started.secondsElapsed)
                    guard report.inserted == rows else { throw ValidationError("round \(round): kokon import stored \(report.inserted) of \(rows) rows") }
                }
                func timeCopy() async throws {
                    try await database.pool.query("TRUNCATE t_bench.attendance")
                    try await database.pool.query("CHECKPOINT")
                    let started = ContinuousClock.now
                    try Self.psqlCopy(psql: psql, conninfo: database.conninfo, file: files.attendance)
                    copy.append(started.secondsElapsed)
                    let stored = try await database.pool.query("SELECT count(*) AS n FROM t_bench.attendance").scalar(Int.self)
                    guard stored == rows else { throw ValidationError("round \(round): psql stored \(stored) of \(rows) rows") }
                }
                if round % 2 == 1 {
                    try await timeKokon()
                    try await timeCopy()
                } else {
                    try await timeCopy()
                    try await timeKokon()
                }
                print(String(format: "round %d: kokon import %.2f s, psql \\copy %.2f s", round, kokon.last!, copy.last!))
            }
            return (kokon.min()!, copy.min()!)
        }
        let kokonRate = Double(rows) / kokon
        let copyRate = Double(rows) / copy
        print(String(format: "%d attendance rows: kokon import %.0f rows/s, psql \\copy %.0f rows/s", rows, kokonRate, copyRate))
        print(String(format: "import: %.2fx psql copy (target >= 0.8x)", kokonRate / copyRate))
    }

    static func psqlCopy(psql: String, conninfo: String, file: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo,
                             "-c", "\\copy t_bench.attendance (session, person, status) FROM '\(file)' WITH (FORMAT csv, HEADER true)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("psql \\copy failed with status \(process.terminationStatus)") }
    }
}

/// Deterministic synthetic records for the import benchmark.
struct BenchData {
    let rows: Int
    /// People at each session.
    let perSession = 40

    struct Files {
        let setup: [(RecordKind, String)]
        let attendance: String
    }

    func write(to folder: URL) throws -> Files {
        let households = max(200, rows / 1000)
        let persons = households * 3
        let sessions = (rows + perSession - 1) / perSession
        func save(_ name: String, _ build: (inout String) -> Void) throws -> String {
            var text = ""
            build(&text)
            let path = folder.appending(path: name + ".csv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let householdFile = try save("households") { text in
            text += "code,area,size\n"
            for h in 0..<households { text += "H-\(h),\(h % 2 == 0 ? "centrum" : "osiedle"),3\n" }
        }
        let personFile = try save("persons") { text in
            text += "code,household,birth_year,relation\n"
            for p in 0..<persons { text += "P-\(p),H-\(p / 3),\(p % 3 == 0 ? 1984 : 2012),\(p % 3 == 0 ? "head" : "child")\n" }
        }
        let enrolmentFile = try save("enrolments") { text in
            text += "adoption,household,target_group,start\n"
            for h in 0..<households { text += "wygrana-rodzina,H-\(h),families,2025-01-01\n" }
        }
        let sessionFile = try save("sessions") { text in
            text += "code,adoption,component,activity,date,minutes\n"
            for s in 0..<sessions {
                let day = CalendarDate(year: 2025, month: 1, day: 1).adding(days: s % 700)
                text += "S-\(s),wygrana-rodzina,family-education,parent-workshop,\(day),60\n"
            }
        }
        let attendanceFile = try save("attendance") { text in
            text.reserveCapacity(rows * 24)
            text += "session,person,status\n"
            for index in 0..<rows {
                let session = index / perSession
                let person = (session * 7 + index % perSession) % persons
                text += "S-\(session),P-\(person),\(index % 10 == 0 ? "excused" : "present")\n"
            }
        }
        return Files(setup: [(.households, householdFile), (.persons, personFile), (.enrolments, enrolmentFile), (.sessions, sessionFile)],
                     attendance: attendanceFile)
    }
}
