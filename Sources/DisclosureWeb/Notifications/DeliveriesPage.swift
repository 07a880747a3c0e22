import DisclosureCore
import DisclosureStore
import Foundation

/// The message log: counts by state first (failed ones are the next action), then each message.
struct DeliveriesPage: Sendable {
    struct Filter: Sendable {
        let label: String
        let href: String
        let count: Int
        let current: Bool
    }

    struct Row: Sendable {
        let id: Int
        let createdAt: String
        let unitName: String
        let purpose: String
        let channel: String
        let recipient: String
        let subject: String
        let status: String
        let severity: String
        /// 已发送 2026-12-07 09:30 · 服务器答复…, or the last failure and the next attempt.
        let detail: String
        let attempts: Int
        let canResend: Bool
        let caseHref: String?
    }

    let filters: [Filter]
    let rows: [Row]
    let hasRows: Bool
    /// What is not set up, so messages on that channel wait (shown first).
    let unconfigured: String?
    let isOffice: Bool

    init(
        entries: [DeliveryService.Entry], counts: [DeliveryStatus: Int], status: DeliveryStatus?, names: [String: String],
        configured: NotificationSettings, isOffice: Bool
    ) {
        var filters = [Filter(label: "全部", href: "/staff/notifications", count: counts.values.reduce(0, +), current: status == nil)]
        for state in [DeliveryStatus.failed, .queued, .sending, .sent] {
            filters.append(
                Filter(label: state.label, href: "/staff/notifications?status=\(state.rawValue)", count: counts[state] ?? 0, current: status == state)
            )
        }
        self.filters = filters
        rows = entries.map { entry in
            let delivery = entry.delivery
            let message = delivery.message
            let detail: String
            switch delivery.status {
            case .sent:
                detail = "\(delivery.sentAt.map { CivilDateTime(instant: $0).text } ?? "") 发出；\(delivery.answer ?? "")"
            case .queued where delivery.lastError != nil:
                detail = "第 \(delivery.attempts) 次未成功：\(delivery.lastError ?? "")；\(CivilDateTime(instant: delivery.nextAttemptAt).text) 再试"
            case .queued:
                detail = "等待发送（\(CivilDateTime(instant: delivery.nextAttemptAt).text) 起）"
            case .sending:
                detail = "正在发送"
            case .failed:
                detail = "\(delivery.lastError ?? "")（已尝试 \(delivery.attempts) 次）"
            }
            return Row(
                id: delivery.id, createdAt: CivilDateTime(instant: delivery.createdAt).text, unitName: names[message.unitCode] ?? message.unitCode,
                purpose: message.purpose.label, channel: message.channel.label, recipient: "\(message.recipientLabel) \(entry.recipient)",
                subject: message.subject, status: delivery.status.label,
                severity: delivery.status == .failed ? "late" : delivery.lastError != nil ? "soon" : "", detail: detail, attempts: delivery.attempts,
                canResend: entry.canResend, caseHref: message.requestID.map { "/staff/requests/\($0)" })
        }
        hasRows = !rows.isEmpty
        var missing: [String] = []
        if configured.mail == nil { missing.append("邮件服务器") }
        if configured.sms == nil { missing.append("短信网关") }
        unconfigured = missing.isEmpty ? nil : missing.joined(separator: "和") + "尚未设置，相应的消息留在队列中，设置后自动发出。"
        self.isOffice = isOffice
    }
}
