import DisclosureCore
import Foundation
import SQLKit

extension AccountService {
    /// Where a staff member gets reminders (issue 24 §1): their own choice on 「我的账户」, or
    /// the office's for anyone. The chosen channel needs its address; the audit keeps masks only.
    public func setContact(username: String, email: String, mobile: String, remindersBy: ReminderPreference, by actor: AuditActor) async throws {
        let email = email.trimmingCharacters(in: .whitespaces).isEmpty ? "" : try MailAddress.validated(email, field: "email")
        var normalised = ""
        if !mobile.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let number = IdentityNumbers.normalizedMobile(mobile) else { throw DomainError.invalid("mobile", "手机号码须为 11 位") }
            normalised = number
        }
        let phone = normalised
        if [.email, .both].contains(remindersBy), email.isEmpty { throw DomainError.invalid("email", "选择电子邮件提醒须填写电子邮箱") }
        if [.sms, .both].contains(remindersBy), phone.isEmpty { throw DomainError.invalid("mobile", "选择短信提醒须填写手机号码") }
        try await database.change(by: actor, at: clock.now()) { db in
            let account = try await Self.existing(username, in: StaffAccountRepository(db))
            try await StaffContactRepository(db).save(username: account.username, email: email, mobile: phone, remindersBy: remindersBy)
            return (
                (),
                AuditEvent(
                    "user.contact", target: "user:\(account.username)",
                    [
                        "email": email.isEmpty ? "" : PersonalDataMask.email(email), "mobile": phone.isEmpty ? "" : PersonalDataMask.phone(phone),
                        "by": remindersBy.rawValue,
                    ])
            )
        }
    }
}
