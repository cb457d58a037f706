public import Engine

/// The rules a new password must meet: at least 12 characters, not the account's own e-mail
/// (or its name part), and not one of the passwords attackers try first.
public enum PasswordPolicy {
    /// The shortest password accepted.
    public static let minimumLength = 12
    /// The longest: bcrypt reads only the first 72 bytes, so a longer one would be cut silently.
    public static let maximumBytes = 72

    /// Commonly used passwords of 12 or more characters (shorter ones fail on length anyway),
    /// compared without case.
    static let common: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789abc", "1q2w3e4r5t6y", "qwertyuiop12", "qwertyuiopas",
        "qwerty123456", "password1234", "password123!", "passwordpassword", "iloveyou1234", "administrator", "admin1234567",
        "welcome12345", "letmein12345", "1qaz2wsx3edc", "zaq12wsxcde3", "haslo1234567", "haslohaslo12", "qwertyqwerty",
        "abcdefghijkl", "abc123456789", "111111111111", "000000000000", "999999999999", "aaaaaaaaaaaa", "kokonkokon12",
        "polska123456", "warszawa1234", "torun1234567", "zaq1@wsx3edc", "football1234", "monkey123456", "dragon123456",
        "sunshine1234", "princess1234", "trustno1trustno1", "changeme1234", "changemeplease", "password12345",
    ]

    /// Nil if `password` is acceptable for `email`, else what is wrong and what to do.
    public static func problem(with password: String, email: String) -> String? {
        if password.count < minimumLength {
            return "the password has \(password.count) characters; use at least \(minimumLength) (a few unrelated words make a good one)"
        }
        if password.utf8.count > maximumBytes {
            return "the password is longer than \(maximumBytes) bytes, of which only the first \(maximumBytes) would count; use a shorter one"
        }
        let lowered = password.lowercased()
        let address = email.lowercased()
        let name = address.split(separator: "@").first.map(String.init) ?? address
        if lowered == address || lowered.contains(address) || (name.count >= 4 && lowered.contains(name)) {
            return "the password contains the account's e-mail address; choose one that does not"
        }
        if common.contains(lowered) || Set(lowered).count <= 2 {
            return "this password is among the first that attackers try; choose another"
        }
        return nil
    }

    /// Throws ``AccountError/weakPassword(_:)`` if `password` breaks a rule.
    public static func check(_ password: String, email: String) throws(AccountError) {
        if let problem = problem(with: password, email: email) { throw .weakPassword(problem) }
    }
}
