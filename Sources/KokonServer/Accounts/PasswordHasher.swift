import HummingbirdBcrypt
import NIOPosix

/// bcrypt, off Swift's cooperative thread pool: one hash at cost 12 takes a quarter of a
/// second of CPU, which would otherwise stall every other request on that thread.
public enum PasswordHasher {
    /// The bcrypt cost; 12 or more (the catalogue refuses anything cheaper).
    public static let cost: UInt8 = 12

    /// A hash that matches no password, checked when the account does not exist so that an
    /// unknown e-mail takes as long as a wrong password.
    static let decoy = Bcrypt.hash("kokon-decoy-\(UInt64.random(in: .min ... .max))", cost: cost)

    /// Hashes a password.
    public static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash, checks against the decoy and fails.
    public static func verify(_ password: String, hash: String?) async throws -> Bool {
        let target = hash ?? decoy
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: target) }
        return hash != nil && matches
    }
}
