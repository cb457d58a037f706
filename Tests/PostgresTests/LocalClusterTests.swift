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

    /// Commands hold the cluster while they run: the one that started the server does not
    /// stop it under another still running; the last one out does. One started by hand
    /// (`kokon db start`) stays up.
    @Test func theLastCommandOutStopsTheServerNotTheFirst() async throws {
        let state = NSTemporaryDirectory() + "kokon-holds-\(UUID().uuidString.prefix(8))/.kokon"
        let cluster = try LocalCluster(stateDirectory: state)
        defer {
            cluster.destroy()
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: state).deletingLastPathComponent().path)
        }
        // `kokon tenant list & kokon demo`: the list starts the server, the demo joins it.
        let list = try await cluster.hold()
        let demo = try await cluster.hold()
        try await cluster.release(list)
        #expect(try cluster.status() == .running, "the list finished first and must leave the server to the demo")
        let pool = ConnectionPool(conninfo: cluster.connectionString(), size: 1)
        #expect(try await pool.query("SELECT 1 AS one").scalar(Int.self) == 1)
        await pool.close()
        try await cluster.release(demo)
        #expect(try cluster.status() == .stopped, "the last command out stops the server a command started")
        // Started by hand, it outlives the commands that use it.
        #expect(try await cluster.start())
        cluster.startedByHand()
        try await cluster.release(try await cluster.hold())
        #expect(try cluster.status() == .running)
        try await cluster.stop()
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
