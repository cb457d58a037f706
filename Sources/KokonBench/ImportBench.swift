import Engine
import Foundation
import Postgres
import Templates

/// Importing attendance with Kokon's checked import against psql's `\copy` of the same file
/// into the same table.
public struct ImportBench: Sendable {
    /// One round's times, in seconds.
    public struct Round: Sendable {
        /// Kokon's import.
        public let kokon: Double
        /// psql's `\copy`.
        public let copy: Double
    }

    /// Attendance rows in the file.
    public let rows: Int
    /// The folder of programme templates.
    public let models: String
    /// The psql program.
    public let psql: String

    /// A benchmark of `rows` attendance rows.
    public init(rows: Int, models: String, psql: String) {
        self.rows = rows
        self.models = models
        self.psql = psql
    }

    /// Rounds of each way per run: disk, WAL and checkpoint timings vary by a fifth or more
    /// between loads on a small machine, and the best of five is what each way can do.
    public static let rounds = 5

    /// Sets up one tenant with everything attendance refers to, then times both ways
    /// ``rounds`` times from an empty table, taking turns to go first. Calls `round` after
    /// each round.
    public func run(_ database: ThrowawayDatabase, round report: (Int, Round) -> Void) async throws -> [Round] {
        let catalog = try BenchTenants.catalog(models: models, ids: ["bench"])
        let folder = FileManager.default.temporaryDirectory.appending(path: "kokon-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try BenchData(rows: rows).write(to: folder)

        try await Catalogue.migrate(database.pool)
        _ = try await TenantDirectory(pool: database.pool, catalog: catalog).apply(["bench"])
        let records = try await CaseRecords(pool: database.pool, tenant: "bench", actor: "bench")
        for (kind, path) in files.setup { try await records.importFile(kind, path: path) }
        let attendance = try database.boundary(of: "bench").schema.appending("attendance")

        func empty() async throws {
            try await database.pool.query("TRUNCATE \(attendance)")
            try await database.pool.query("CHECKPOINT")
        }
        func timeKokon() async throws -> Double {
            try await empty()
            let started = ContinuousClock.now
            let stored = try await records.importFile(.attendance, path: files.attendance).inserted
            let seconds = started.secondsElapsed
            guard stored == rows else { throw BenchError("kokon import stored \(stored) of \(rows) rows") }
            return seconds
        }
        func timeCopy() async throws -> Double {
            try await empty()
            let started = ContinuousClock.now
            try psqlCopy(conninfo: database.conninfo, table: attendance, file: files.attendance)
            let seconds = started.secondsElapsed
            let stored = try await database.pool.query("SELECT count(*) AS n FROM \(attendance)").scalar(Int.self)
            guard stored == rows else { throw BenchError("psql stored \(stored) of \(rows) rows") }
            return seconds
        }
        var rounds: [Round] = []
        for number in 1...Self.rounds {
            let round: Round
            if number % 2 == 1 {
                let kokon = try await timeKokon()
                round = Round(kokon: kokon, copy: try await timeCopy())
            } else {
                let copy = try await timeCopy()
                round = Round(kokon: try await timeKokon(), copy: copy)
            }
            rounds.append(round)
            report(number, round)
        }
        return rounds
    }

    func psqlCopy(conninfo: String, table: Identifier, file: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = [
            "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo,
            "-c", "\\copy \(table.quoted) (session, person, status) FROM '\(file)' WITH (FORMAT csv, HEADER true)",
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("psql \\copy failed with status \(process.terminationStatus)") }
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
        return Files(
            setup: [(.households, householdFile), (.persons, personFile), (.enrolments, enrolmentFile), (.sessions, sessionFile)],
            attendance: attendanceFile)
    }
}
