import DisclosureCore
import Foundation

extension RequestService {
    /// The applicant's 补正 sent online from `/track` (条例 第三十条), by the holder of both the
    /// 受理编号 and the 查询码. It becomes the 收到补正 event on the day it arrives, with what the
    /// applicant sent, and the 20 working days run again from that day. A correction after the
    /// 补正期限 cannot revive the case (the same rule as a clerk's 收到补正).
    public func submitCorrection(reference: String, code: String, text: String) async throws -> InformationRequest {
        let content = PlainText.sanitize(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...3000).contains(content.count) else { throw DomainError.invalid("correction", "请填写补正内容（不超过 3000 字）") }
        guard let found = try await track(reference: reference, code: code) else {
            throw DomainError(.notFound, field: "reference", "受理编号或查询码不正确。")
        }
        let now = clock.now()
        let today = CivilDate(instant: now)
        let calendar = try await calendar()
        let policy = self.policy
        let actor = AuditActor(name: "applicant:\(found.reference)", unitCode: found.application.unitCode)
        return try await database.change(by: actor, at: now) { db in
            let requests = RequestRepository(db)
            guard let request = try await requests.find(found.id), request.state == .awaitingCorrection else {
                throw DomainError(.conflict, field: "correction", "本申请当前无需补正。")
            }
            if let lapsedOn = request.clock(policy: policy, calendar: calendar, today: today)?.lapsedOn {
                throw DomainError(
                    .conflict, field: "correction",
                    "补正期限已于 \(lapsedOn.adding(days: -1).chineseText)届满，申请视为放弃（条例第三十条）。如仍需获取该信息，请重新提出申请。")
            }
            try await requests.append(
                RequestEvent(kind: .correctionReceived, on: today, party: Self.onlineCorrectionParty, detail: content, actor: "applicant"),
                to: request.id, at: now)
            var updated = request
            updated.state = .accepted
            try await requests.save(updated, at: now)
            return (
                try await requests.find(request.id) ?? updated,
                AuditEvent(
                    "request.receiveCorrection", target: "request:\(request.id)",
                    ["channel": "online", "on": today.description, "length": String(content.count)])
            )
        }
    }

    /// Who a 补正 sent through `/track` came from, as the case history shows it.
    public static let onlineCorrectionParty = "申请人网上提交"
}
