import Foundation

/// Random bearer secrets (session cookies, API tokens, CSRF tokens) and their stored form.
///
/// Only the SHA-256 of a session or API token is stored, so a copy of the database cannot be
/// used to log in.
public enum SecretToken {
    /// 32 random bytes, base64url without padding (43 characters).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func storedForm(_ token: String) -> String { AuditLog.sha256Hex(token) }
}
