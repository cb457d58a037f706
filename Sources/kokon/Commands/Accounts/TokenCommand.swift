import ArgumentParser
import Engine
import Foundation
import KokonServer

/// `kokon token`
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "API tokens for integrations: create (printed once), list, revoke.",
        discussion: """
            A token acts for an account with that account's roles, narrowed to one municipality \
            with --tenant and to reading with --scope read. Send it as `Authorization: Bearer …`. \
            Only a digest is stored; every use is recorded.
            """,
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self]
    )
}

/// `kokon token create`
struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Make a token and print it once.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The account the token acts for.") var account: String
    @Option(help: "Limit the token to this municipality.") var tenant: String?
    @Option(help: "read or write.") var scope: String
    @Option(help: "How long it works, in days: e.g. 90d (at most 365d).") var expires = "90d"

    func validate() throws {
        _ = try days()
        _ = try tokenScope()
    }

    func tokenScope() throws -> APITokens.Scope {
        guard let found = APITokens.Scope(rawValue: scope) else { throw ValidationError("--scope must be read or write, not '\(scope)'") }
        return found
    }

    func days() throws -> Int {
        guard expires.hasSuffix("d"), let days = Int(expires.dropLast()), (1...365).contains(days) else {
            throw ValidationError("--expires must be a number of days from 1d to 365d, such as 90d; not '\(expires)'")
        }
        return days
    }

    func run() async throws {
        let token = Secrets.apiToken()
        let expiry = Date().addingTimeInterval(Double(try days()) * 86400)
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            let id = try await APITokens(pool: pool).create(hash: Secrets.digest(token), email: account, tenant: tenant, scope: try tokenScope(), expiresAt: expiry)
            print("Token \(id) for \(account) (\(scope)\(tenant.map { ", \($0) only" } ?? ""), until \(ISO8601DateFormatter().string(from: expiry))).")
            print("It is shown only now; store it where the integration keeps secrets:")
            print(token)
        }
    }
}

/// `kokon token list`
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never the tokens themselves) with their use.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            let tokens = try await APITokens(pool: pool).list()
            if tokens.isEmpty { print("No tokens yet; create one with `kokon token create --account EMAIL --scope read`.") }
            let format = ISO8601DateFormatter()
            for token in tokens {
                let state = token.revokedAt != nil ? "revoked" : (token.expiresAt < Date() ? "expired" : "until \(format.string(from: token.expiresAt))")
                let used = token.lastUsedAt.map { "\(token.uses) uses, last \(format.string(from: $0))" } ?? "never used"
                print("\(token.id)  \(token.email)  \(token.scope.rawValue)\(token.tenant.map { " \($0)" } ?? "")  \(state)  \(used)")
            }
        }
    }
}

/// `kokon token revoke`
struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Stop a token working at once.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The token's number, from `kokon token list`.") var id: Int64

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            guard try await APITokens(pool: pool).revoke(id: id) else { throw ValidationError("there is no token \(id); see `kokon token list`") }
            print("Revoked token \(id).")
        }
    }
}
