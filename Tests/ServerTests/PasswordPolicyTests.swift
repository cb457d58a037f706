import Engine
import KokonServer
import Testing

@Suite("Passwords")
struct PasswordPolicyTests {
    @Test(arguments: [
        ("short pass", "at least 12"),
        ("anna.nowak@torun.pl", "e-mail"),
        ("my anna.nowak secret", "e-mail"),
        ("Password1234", "attackers"),
        ("aaaaaaaaaaaaaaaa", "attackers"),
        (String(repeating: "ż", count: 40), "72 bytes"),
    ])
    func weakPasswordsAreRefusedWithAReason(password: String, reason: String) throws {
        let problem = try #require(PasswordPolicy.problem(with: password, email: "anna.nowak@torun.pl"))
        #expect(problem.contains(reason))
    }

    @Test func aGoodPassphraseIsAccepted() async throws {
        #expect(PasswordPolicy.problem(with: "rower jezioro latarnia", email: "anna.nowak@torun.pl") == nil)
        let hash = try await PasswordHasher.hash("rower jezioro latarnia")
        #expect(hash.hasPrefix("$2b$12$") || hash.hasPrefix("$2a$12$") || hash.hasPrefix("$2y$12$"))
        #expect(try await PasswordHasher.verify("rower jezioro latarnia", hash: hash))
        #expect(!(try await PasswordHasher.verify("rower jezioro latarnia!", hash: hash)))
        #expect(!(try await PasswordHasher.verify("rower jezioro latarnia", hash: nil)))
    }
}
