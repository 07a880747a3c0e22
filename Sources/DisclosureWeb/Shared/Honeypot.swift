import DisclosureCore

/// A form field people never see (hidden by CSS, skipped by tab order and screen readers) that
/// form-filling robots do fill. A post that fills it is refused without storing anything.
enum Honeypot {
    static let field = "website"

    static func check(_ values: [String: String]) throws {
        if let value = values[field], !value.isEmpty {
            throw DomainError.invalid(field, "提交未通过校验，请刷新页面后重新填写")
        }
    }
}
