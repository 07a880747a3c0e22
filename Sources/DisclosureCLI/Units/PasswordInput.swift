import DisclosureCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a password: from a prompt with echo off on a terminal, else the first line of stdin
/// (so scripts can pipe it and it never appears in `ps` or shell history).
enum PasswordInput {
    static func read(confirm: Bool) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            let first = prompt("密码：")
            if confirm {
                guard prompt("再次输入密码：") == first else { throw DomainError.invalid("password", "两次输入的密码不一致") }
            }
            return first
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw DomainError.invalid("password", "没有从标准输入读到密码")
        }
        return line
    }

    private static func prompt(_ text: String) -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var settings = termios()
        tcgetattr(STDIN_FILENO, &settings)
        var silent = settings
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &settings)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
