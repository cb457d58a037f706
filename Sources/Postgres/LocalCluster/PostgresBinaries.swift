import Foundation

/// The PostgreSQL server programs Kokon's local cluster needs: initdb, pg_ctl, postgres, psql.
public struct PostgresBinaries: Sendable {
    /// The folder holding them.
    public let directory: String
    /// The server's major version, e.g. 15.
    public let majorVersion: Int

    /// The path of one program.
    public func path(_ program: String) -> String { directory + "/" + program }

    /// Finds the server programs: `pg_config --bindir` first, then Debian's
    /// `/usr/lib/postgresql/<version>/bin` (newest first), then `PATH`.
    ///
    /// `preferredMajor` picks a specific version, e.g. the one an existing cluster was made with.
    public static func locate(preferredMajor: Int? = nil) throws(LocalClusterError) -> PostgresBinaries {
        var candidates: [String] = []
        if let pgConfig = findInPath("pg_config"),
            let output = try? ProcessRunner(user: nil).run(pgConfig, ["--bindir"]), output.status == 0
        {
            candidates.append(output.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let debianRoot = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debianRoot)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "\(debianRoot)/\($0)/bin" }
        candidates += pathDirectories()

        var found: [PostgresBinaries] = []
        for directory in candidates where isComplete(directory) {
            guard let major = version(of: directory + "/postgres") else { continue }
            let binaries = PostgresBinaries(directory: directory, majorVersion: major)
            if preferredMajor == nil || preferredMajor == major { return binaries }
            found.append(binaries)
        }
        if let preferredMajor {
            throw .versionMismatch(clusterVersion: preferredMajor, available: found.map(\.majorVersion))
        }
        throw .serverNotInstalled
    }

    static func isComplete(_ directory: String) -> Bool {
        ["initdb", "pg_ctl", "postgres"].allSatisfy { FileManager.default.isExecutableFile(atPath: directory + "/" + $0) }
    }

    static func version(of postgres: String) -> Int? {
        // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        guard let output = try? ProcessRunner(user: nil).run(postgres, ["--version"]), output.status == 0,
            let range = output.output.range(of: "(PostgreSQL) ")
        else { return nil }
        let number = output.output[range.upperBound...].prefix { $0.isNumber }
        return Int(number)
    }

    static func pathDirectories() -> [String] {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
    }

    /// Finds a program on `PATH`.
    public static func findInPath(_ program: String) -> String? {
        pathDirectories().map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
