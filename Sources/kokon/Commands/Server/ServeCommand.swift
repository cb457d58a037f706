import ArgumentParser
import Engine
import Foundation
import KokonServer
import Logging
import Postgres
import Templates

/// `kokon serve`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web pages and the JSON API to signed-in accounts.",
        discussion: """
            Migrates the database, loads models/ and tenants/, and serves until Ctrl-C (SIGINT) \
            or SIGTERM; then it stops accepting connections, lets requests in flight finish, \
            closes its connections and stops the local database if it started it.

            The server logs in to PostgreSQL as the application role kokon_app, which reaches a \
            municipality's data only by taking on that municipality's role for one transaction. \
            On a server of your own, give kokon_app a password and set KOKON_APP_PASSWORD.

            Accounts are made with `kokon account add`; integrations use tokens from \
            `kokon token create`. The API is described at /api/v1/openapi.json.
            """
    )

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Browsers reach the server through a proxy that speaks HTTPS: mark cookies Secure.")
    var behindTLS = false

    @Option(help: "PostgreSQL connections the server keeps.")
    var connections = 8

    @Option(help: "The largest request body accepted, in bytes (larger ones get 413).")
    var bodyLimit = 1 << 20

    @Option(help: "Seconds that requests in flight may take to finish on shutdown.")
    var shutdownGrace = 10

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard (1...200).contains(connections) else { throw ValidationError("--connections must be from 1 to 200, not \(connections)") }
        guard bodyLimit >= 1024 else { throw ValidationError("--body-limit must be at least 1024 bytes") }
    }

    func run() async throws {
        let loaded = try catalog.load()
        if loaded.diagnostics.hasErrors {
            throw ValidationError("the templates or tenant files have errors; run `kokon lint` and fix them first")
        }
        let logger = database.logger
        try await database.withPool(size: 1) { admin in
            try await Catalogue.migrate(admin)
            // Municipalities set up by an earlier Kokon get this build's tenant migrations.
            for (tenant, names) in try await TenantDirectory(pool: admin, catalog: loaded).migrateApplied() {
                print("Brought \(tenant)'s data up to date: \(names.joined(separator: ", ")).")
            }
            var overrides = ["user": ProcessInfo.processInfo.environment["KOKON_APP_USER"] ?? "kokon_app"]
            if let password = ProcessInfo.processInfo.environment["KOKON_APP_PASSWORD"] { overrides["password"] = password }
            let pool = ConnectionPool(conninfo: try ConnectionString.replacing(admin.conninfo, with: overrides), size: connections, logger: logger)
            let configuration = ServerConfiguration(
                host: host, port: port, behindTLS: behindTLS, bodyLimit: bodyLimit, shutdownGrace: .seconds(shutdownGrace), connections: connections)
            do {
                let services = try await ServerServices(pool: pool, catalog: loaded, configuration: configuration)
                print("Kokon serves http://\(host):\(port)/ (Ctrl-C stops it). Sign in with an account from `kokon account add`.")
                try await KokonServer.run(services: services, logger: logger)
                await pool.close()
            } catch {
                await pool.close()
                if "\(error)".contains("Address already in use") {
                    throw ValidationError(
                        "\(host):\(port) is already in use, by another Kokon or another program; stop it, or choose another port with --port")
                }
                throw error
            }
        }
        print("Kokon stopped.")
    }
}
