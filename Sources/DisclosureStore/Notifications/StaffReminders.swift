import DisclosureCore
import Foundation
import SQLKit

/// Turns a reminder of the outbox into messages to the people who must act (issue 24 §1): each
/// active account of the unit with a role that acts on it, by the channels they chose. Queued in
/// the same transaction as the reminder, so a reminder without its messages cannot exist.
struct StaffReminders: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    /// Queues one message per person and channel for the reminder `key`; returns how many.
    @discardableResult
    func queue(
        key: String, unit: String, roles: [Role], requestID: Int?, subject: String, body: String, path: String?, at now: Date
    ) async throws -> Int {
        let settings = try await SettingsTable(db).decoded(NotificationSettingsStore.key, as: NotificationSettings.self) ?? .unconfigured
        let text = path.map { body + "\n\n办理页面：" + settings.link($0) } ?? body
        var queued = 0
        for contact in try await StaffContactRepository(db).contacts(unit: unit, roles: roles) {
            for (channel, address) in contact.reminderAddresses {
                let message = OutgoingDelivery(
                    key: "\(key):\(contact.username):\(channel.rawValue)", purpose: .staffReminder, channel: channel, recipient: address,
                    recipientLabel: "\(contact.displayName)（\(contact.username)）", unitCode: unit, requestID: requestID, subject: subject,
                    body: "\(contact.displayName)：\n\n\(text)\n\n（本邮件由政务公开平台自动发送，提醒设置可在工作台「我的账号」中修改。）")
                if try await DeliveryQueue(db).enqueue(message, at: now) { queued += 1 }
            }
        }
        return queued
    }
}
