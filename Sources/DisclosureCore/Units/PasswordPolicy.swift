/// Minimum strength for staff passwords: long enough, mixed, and not the username.
///
/// Ten characters with letters and digits resists the online guessing the login lockout leaves
/// possible; we do not force symbols, which clerks write on notes.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 72  // bcrypt ignores bytes past 72

    public static func check(_ password: String, username: String) throws(DomainError) {
        guard password.count >= minimumLength else {
            throw .invalid("password", "密码至少需要 \(minimumLength) 个字符")
        }
        guard password.utf8.count <= maximumLength else {
            throw .invalid("password", "密码不能超过 \(maximumLength) 个字节")
        }
        guard password.contains(where: \.isLetter), password.contains(where: \.isNumber) else {
            throw .invalid("password", "密码必须同时包含字母和数字")
        }
        guard Set(password).count >= 5 else {
            throw .invalid("password", "密码过于简单，请勿使用重复字符")
        }
        guard !password.lowercased().contains(username.lowercased()) || username.isEmpty else {
            throw .invalid("password", "密码不能包含用户名")
        }
    }
}
