/// Checks for the phone numbers and e-mail addresses citizens type into public forms (requests,
/// complaints, messages): one place, one wording, the field always named.
public enum ContactDetails {
    /// A mobile number (normalised to 11 digits) or a fixed line with its area code.
    public static func phone(_ text: String, field: String = "phone") throws -> String {
        if let mobile = IdentityNumbers.normalizedMobile(text) { return mobile }
        if IdentityNumbers.isFixedLine(text) { return text.filter { !$0.isWhitespace } }
        throw DomainError.invalid(field, "联系电话无效：请填写 11 位手机号码或带区号的固定电话")
    }

    /// The trimmed address; empty is allowed only when `required` is false.
    public static func email(_ text: String, required: Bool, field: String = "email", reason: String = "") throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty && !required { return "" }
        guard looksLikeEmail(trimmed) else { throw DomainError.invalid(field, "电子邮箱无效\(reason)") }
        return trimmed
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.count <= 200 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }
}
