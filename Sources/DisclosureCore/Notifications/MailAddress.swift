/// The address rules that matter when a message is handed to an SMTP server: one `@`, a dotted
/// domain, and none of the characters that would let an address change the SMTP conversation or
/// the message's headers (angle brackets, quotes, control characters, spaces).
public enum MailAddress {
    public static func isDeliverable(_ text: String) -> Bool {
        // ASCII only: the sender does not ask servers for SMTPUTF8, which few county mail systems offer.
        guard text.utf8.count <= 254, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return false }
        guard !text.contains(where: { "<>\"(),;:[]\\".contains($0) }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.utf8.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    public static func validated(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard isDeliverable(trimmed) else { throw DomainError.invalid(field, "电子邮箱地址无效：\(PlainText.singleLine(String(trimmed.prefix(60))))") }
        return trimmed
    }
}
