public import Foundation
import HummingbirdOTP

/// Time-based one-time codes (TOTP, as authenticator apps make them).
public enum SecondFactor {
    /// Whether `code` is right for `secret` now, allowing one 30-second step either side for
    /// clocks that drift.
    public static func verify(_ code: String, secret: String, at date: Date = Date()) -> Bool {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, let value = Int(digits) else { return false }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains { totp.compute(date: date.addingTimeInterval($0)) == value }
    }

    /// The code for `secret` at `date` (for tests and for confirming set-up).
    public static func code(secret: String, at date: Date = Date()) -> String {
        String(format: "%06d", TOTP(secret: secret).compute(date: date))
    }

    /// The `otpauth://` address an authenticator app reads (typed in or as a QR code).
    public static func authenticatorURL(secret: String, email: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "Kokon:\(email)", issuer: "Kokon")
    }
}
