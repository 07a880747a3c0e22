/// Cleaning and length checks for the text fields of forms (complaints, messages, work records):
/// sanitised, required unless said otherwise, and an error that names the field and the limit.
public enum FieldText {
    /// A free-text field: sanitised, required, at most `limit` characters.
    public static func text(_ value: String, field: String, label: String, limit: Int, required: Bool = true) throws -> String {
        let cleaned = PlainText.sanitize(value).trimmingCharacters(in: .whitespacesAndNewlines)
        if required, cleaned.isEmpty { throw DomainError.invalid(field, "请填写\(label)") }
        guard cleaned.count <= limit else { throw DomainError.invalid(field, "\(label)不能超过 \(limit) 字（现 \(cleaned.count) 字）") }
        return cleaned
    }

    /// A one-line field: control characters and line breaks removed.
    public static func line(_ value: String, field: String, label: String, limit: Int, required: Bool = true) throws -> String {
        let cleaned = PlainText.singleLine(value)
        if required, cleaned.isEmpty { throw DomainError.invalid(field, "请填写\(label)") }
        guard cleaned.count <= limit else { throw DomainError.invalid(field, "\(label)不能超过 \(limit) 字") }
        return cleaned
    }
}
