import ArgumentParser
import Engine
import Foundation
import KokonServer

/// `kokon account`
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Accounts of the people who sign in to Kokon's server, and their roles.",
        discussion: """
            Roles: network-administrator, methodologist, analyst (across the network), and \
            coordinator or caseworker (in one municipality: --tenant ID; a caseworker also \
            --staff CODE, their staff code there). An account may hold several roles.

            Passwords are never given as arguments: `add` asks for one at a prompt, or reads \
            the first line of standard input when it is not a terminal (for scripts).
            """,
        subcommands: [
            AccountAddCommand.self, AccountListCommand.self, AccountDisableCommand.self, AccountEnableCommand.self, AccountGrantCommand.self,
            AccountRevokeCommand.self, AccountPasswordCommand.self, AccountSecondFactorCommand.self,
        ]
    )
}

/// The options that name a role.
struct RoleOptions: ParsableArguments {
    @Option(help: "network-administrator, methodologist, coordinator, caseworker or analyst.")
    var role: String

    @Option(help: "The municipality, for a coordinator or a caseworker.")
    var tenant: String?

    @Option(help: "A caseworker's staff code in that municipality.")
    var staff: String?

    func validate() throws { _ = try accountRole() }

    func accountRole() throws -> AccountRole {
        guard let found = AccountRole(rawValue: role) else {
            throw ValidationError("--role must be one of: \(AccountRole.allCases.map(\.rawValue).joined(separator: ", ")); not '\(role)'")
        }
        return found
    }

    var grant: RoleGrant { RoleGrant(role: (try? accountRole()) ?? .analyst, tenant: tenant, staff: staff) }
}

/// Reads a password without echoing it at a terminal, or the first line of standard input.
enum PasswordInput {
    static func read(confirm: Bool) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            let first = String(cString: getpass("Password (at least 12 characters): "))
            if confirm {
                let second = String(cString: getpass("The same password again: "))
                guard first == second else { throw ValidationError("the two passwords differ; nothing was changed") }
            }
            return first
        }
        guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("no password on standard input; pipe it as the first line, e.g. `printf '%s\\n' \"$PASSWORD\" | kokon account add …`")
        }
        return line
    }
}

/// `kokon account add`
struct AccountAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create an account with its first role.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The e-mail address the person signs in with.") var email: String
    @OptionGroup var role: RoleOptions
    @Option(help: "The name shown on pages (default: the part of the address before @).") var name: String?

    func run() async throws {
        let password = try PasswordInput.read(confirm: true)
        try PasswordPolicy.check(password, email: email)
        let hash = try await PasswordHasher.hash(password)
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            let account = try await AccountDirectory(pool: pool).create(
                email: email, displayName: name ?? String(email.split(separator: "@").first ?? ""), passwordHash: hash, grant: role.grant)
            print("Created account \(account.email) (\(role.grant.summary)).")
            if role.grant.role == .networkAdministrator {
                print("A network administrator needs a second factor before signing in: kokon account second-factor \(account.email)")
            }
        }
    }
}

/// `kokon account list`
struct AccountListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts with their roles.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            let accounts = try await AccountDirectory(pool: pool).list()
            if accounts.isEmpty { print("No accounts yet; create one with `kokon account add EMAIL --role ROLE`.") }
            for account in accounts {
                var flags: [String] = []
                if account.disabled { flags.append("disabled") }
                if account.hasSecondFactor { flags.append("second factor") }
                let last = account.lastSignInAt.map { "last sign-in \(ISO8601DateFormatter().string(from: $0))" } ?? "never signed in"
                print(
                    "\(account.email)  \(account.displayName)  [\(account.grants.map(\.summary).joined(separator: "; "))]  \(last)\(flags.isEmpty ? "" : "  (" + flags.joined(separator: ", ") + ")")"
                )
            }
        }
    }
}

/// `kokon account disable`
struct AccountDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop an account signing in; its sessions end at once and its tokens stop working.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The account's e-mail address.") var email: String

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            try await AccountDirectory(pool: pool).setDisabled(true, email: email)
            print("Disabled \(email).")
        }
    }
}

/// `kokon account enable`
struct AccountEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled account sign in again.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The account's e-mail address.") var email: String

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            try await AccountDirectory(pool: pool).setDisabled(false, email: email)
            print("Enabled \(email).")
        }
    }
}

/// `kokon account grant`
struct AccountGrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Give an account another role.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The account's e-mail address.") var email: String
    @OptionGroup var role: RoleOptions

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            try await AccountDirectory(pool: pool).grant(role.grant, to: email)
            print("\(email) is now also \(role.grant.summary).")
        }
    }
}

/// `kokon account revoke`
struct AccountRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Take a role away from an account.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The account's e-mail address.") var email: String
    @OptionGroup var role: RoleOptions

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            try await AccountDirectory(pool: pool).revoke(role.grant, from: email)
            print("\(email) is no longer \(role.grant.summary).")
        }
    }
}

/// `kokon account password`
struct AccountPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set a new password for an account (prompted, or the first line of standard input); its sessions end.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The account's e-mail address.") var email: String

    func run() async throws {
        let password = try PasswordInput.read(confirm: true)
        try PasswordPolicy.check(password, email: email)
        let hash = try await PasswordHasher.hash(password)
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            try await AccountDirectory(pool: pool).setPasswordHash(hash, email: email)
            print("Changed the password of \(email); its browser sessions have ended.")
        }
    }
}

/// `kokon account second-factor`
struct AccountSecondFactorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "second-factor",
        abstract: "Set up (or with --remove, remove) the account's second factor, and print the secret for its authenticator app once.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The account's e-mail address.") var email: String
    @Flag(help: "Remove the second factor instead.") var remove = false

    func run() async throws {
        try await database.withPool(size: 1) { pool in
            try await Catalogue.migrate(pool)
            let directory = AccountDirectory(pool: pool)
            guard let account = try await directory.find(email: email) else { throw AccountError.unknownAccount(email) }
            if remove {
                try await directory.setSecondFactor(nil, account: account.id)
                print("Removed the second factor of \(account.email).")
                return
            }
            let secret = Secrets.secondFactorSecret()
            try await directory.setSecondFactor(secret, account: account.id)
            print("Add this to the authenticator app of \(account.email) (shown only now):")
            print("  \(SecondFactor.authenticatorURL(secret: secret, email: account.email))")
        }
    }
}
