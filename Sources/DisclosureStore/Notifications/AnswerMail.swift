import DisclosureCore
import Foundation
import SQLKit

/// A complainant's or a questioner's answer by e-mail when they left an address (issue 24 §1),
/// queued in the same transaction as the answer. Unlike a 告知书 this is a courtesy copy: the
/// answer stands on /track or the 留言 page, so no service date is recorded.
enum AnswerMail {
    static func complaint(_ complaint: Complaint, unitName: String, on date: CivilDate, db: any SQLDatabase, at now: Date) async throws {
        let submission = complaint.submission
        guard !submission.email.isEmpty else { return }
        var lines = [
            "\(submission.complainantName.isEmpty ? "您好" : submission.complainantName)：", "",
            "您提交的投诉举报（受理编号 \(complaint.reference)，\(submission.kind.rawValue)）已由\(unitName)办结，答复如下。",
        ]
        if let outcome = complaint.reply.outcome { lines += ["", "核查结论：\(outcome.rawValue)"] }
        lines += ["", complaint.reply.text]
        if !complaint.reply.rectification.isEmpty { lines += ["", "整改情况：\(complaint.reply.rectification)"] }
        lines += ["", "您也可以凭受理编号和查询码在政府信息公开平台「查询」页面查看。", "", unitName, date.chineseText]
        try await DeliveryQueue(db).enqueue(
            OutgoingDelivery(
                key: "complaint:\(complaint.id):answer", purpose: .answer, channel: .email, recipient: submission.email, recipientLabel: "投诉人",
                unitCode: complaint.unitCode, subject: "\(unitName)：投诉举报答复（\(complaint.reference)）", body: lines.joined(separator: "\n")),
            at: now)
    }

    static func message(_ message: PublicMessage, unitName: String, on date: CivilDate, db: any SQLDatabase, at now: Date) async throws {
        let submission = message.submission
        guard !submission.email.isEmpty else { return }
        let lines = [
            "\(submission.authorName.isEmpty ? "您好" : submission.authorName)：", "",
            "您的留言「\(submission.title)」已由\(unitName)答复：", "", message.replyText, "",
            "留言和答复已在政府信息公开平台「留言咨询」栏目公开（您的联系方式不公开）。", "", unitName, date.chineseText,
        ]
        try await DeliveryQueue(db).enqueue(
            OutgoingDelivery(
                key: "message:\(message.id):answer", purpose: .answer, channel: .email, recipient: submission.email, recipientLabel: "留言人",
                unitCode: submission.unitCode, subject: "\(unitName)：留言答复", body: lines.joined(separator: "\n")),
            at: now)
    }
}
