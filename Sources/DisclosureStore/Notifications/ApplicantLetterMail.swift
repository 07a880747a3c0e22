import DisclosureCore
import Foundation
import SQLKit

/// A letter to an applicant who chose 电子邮件 as the way to receive it (issue 24 §1): queued
/// when the letter is issued, with the letter as a Word file and, for a reply, the files it
/// releases; once sent, the case records 电子送达 (`DeliveryDispatcher.afterSending`).
struct ApplicantLetterMail: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    /// Released files above this total stay on /track instead of the mail (common mailbox limits
    /// are 20–50 MB, and base64 adds a third).
    static let attachmentBudget = 15 * 1024 * 1024

    func queue(letter id: Int, kind: LetterKind, number: String, request: InformationRequest, unitName: String, issuedOn: CivilDate, at now: Date)
        async throws
    {
        let application = request.application
        // An address the server cannot take is still queued: it fails at once with the reason, which
        // the case page shows beside the letter, instead of the letter silently not going.
        guard application.delivery == .email, !application.email.isEmpty else { return }
        var attachments: [DeliveryAttachment] = [.letter(id)]
        var lines = [
            "\(application.applicantName)：", "",
            "\(unitName)就您的政府信息公开申请（受理编号 \(request.reference)）出具《\(kind.label)》（\(number)），见附件。",
        ]
        if kind == .reply {
            let released = try await RequestFileRepository(db).list(request: request.id).filter { !$0.withheld }
            if !released.isEmpty {
                if released.map(\.size).reduce(0, +) <= Self.attachmentBudget {
                    attachments += released.map { .requestFile($0.id) }
                    lines.append("随本告知书提供的政府信息 \(released.count) 个文件一并附上：")
                } else {
                    lines.append("随本告知书提供的政府信息 \(released.count) 个文件较大，未附在邮件中，请在平台「查询申请」页面下载：")
                }
                for file in released {
                    lines.append("· \(file.fileName)（SHA-256 \(file.sha256.prefix(16))…）")
                }
            }
        }
        lines += [
            "", "本告知书以电子邮件方式送达。您可以凭受理编号和查询码在政府信息公开平台「查询申请」页面查看办理进度和全部文书。", "",
            unitName, issuedOn.chineseText,
        ]
        let message = OutgoingDelivery(
            key: "letter:\(id):email", purpose: .applicantLetter, channel: .email, recipient: application.email, recipientLabel: "申请人",
            unitCode: application.unitCode, requestID: request.id, letterID: id, subject: "\(unitName)：\(kind.label)（\(request.reference)）",
            body: lines.joined(separator: "\n"), attachments: attachments)
        try await DeliveryQueue(db).enqueue(message, at: now)
    }
}
