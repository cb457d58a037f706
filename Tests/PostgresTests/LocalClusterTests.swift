import Foundation
import Testing

@testable import Postgres

@Suite("Local cluster lifecycle")
struct LocalClusterTests {
    @Test func socketPathStaysShortForDeepProjects() throws {
        let deep = "/tmp/" + String(repeating: "bardzo-dlugi-katalog-projektu/", count: 8) + ".kokon"
        let cluster = try LocalCluster(stateDirectory: deep)
        #expect(cluster.socketPath.utf8.count <= 107)
        #expect(cluster.socketPath.hasPrefix("/tmp/.kokon-"))
    }

    @Test func startsStopsAndReusesItsCluster() async throws {
        let state = NSTemporaryDirectory() + "kokon-lifecycle-\(UUID().uuidString.prefix(8))/.kokon"
        let cluster = try LocalCluster(stateDirectory: state)
        defer {
            cluster.destroy()
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: state).deletingLastPathComponent().path)
        }
        #expect(try cluster.status() == .notCreated)
        #expect(try await cluster.start())
        #expect(try cluster.status() == .running)
        #expect(try await cluster.start() == false)

        let pool = ConnectionPool(conninfo: cluster.connectionString(), size: 1)
        try await pool.query("CREATE TABLE kept (city text)")
        try await pool.query("INSERT INTO kept VALUES (\("Białystok"))")
        // The server listens on no TCP port, and as root it runs as the postgres system user.
        #expect(try await pool.query("SELECT current_setting('listen_addresses')").scalar(String.self) == "")
        #expect(try await pool.query("SELECT current_setting('max_locks_per_transaction')::int").scalar(Int.self) >= 256)
        #expect(try await pool.query("SELECT current_setting('server_encoding')").scalar(String.self) == "UTF8")
        await pool.close()
        if geteuid() == 0 {
            let owner = try FileManager.default.attributesOfItem(atPath: cluster.dataDirectory)[.ownerAccountName] as? String
            #expect(owner == "postgres")
        }

        try await cluster.stop()
        #expect(try cluster.status() == .stopped)
        #expect(try await cluster.start())
        let again = ConnectionPool(conninfo: cluster.connectionString(), size: 1)
        #expect(try await again.query("SELECT city FROM kept").scalar(String.self) == "Białystok")
        await again.close()
        try await cluster.stop()
    }
}
