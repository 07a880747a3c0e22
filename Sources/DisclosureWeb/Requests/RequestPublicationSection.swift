import DisclosureCore
import DisclosureStore

/// The case page's 依申请转主动 section (条例 第四十四条; issue 23 §4): the requests asking the unit
/// for the same information, the office's threshold, the clerk's link form, and 「转为主动公开」
/// when it is offered — or the document the request already became.
struct RequestPublicationSection: Sendable {
    struct Row: Sendable {
        let id: Int
        let reference: String
        let receivedOn: String
        let title: String
        let reason: String
    }

    let rows: [Row]
    let hasRows: Bool
    /// 「已有 N 件（含本件）/ 达到 M 件即可转为主动公开」
    let status: String
    let reached: Bool
    let canConvert: Bool
    let canLink: Bool
    let documentID: Int?
    /// Why the button is not offered, when it is not.
    let note: String?

    init(_ check: RequestService.PublicationCheck, staff: StaffIdentity, handles: Bool) {
        rows = check.matches.map { match in
            Row(
                id: match.candidate.id, reference: match.candidate.reference, receivedOn: match.candidate.receivedOn.chineseText,
                title: match.candidate.infoTitle.isEmpty ? String(match.candidate.infoDescription.prefix(40)) : match.candidate.infoTitle,
                reason: match.reason == .text ? "\(match.reason.rawValue)（\(Int((match.similarity * 100).rounded()))%）" : match.reason.rawValue)
        }
        hasRows = !rows.isEmpty
        status =
            (check.matches.isEmpty
                ? "\(check.policy.months) 个月内未发现申请相同或相似信息的其他申请"
                : "\(check.policy.months) 个月内申请相同或相似信息的共 \(check.matches.count + 1) 件（含本件）")
            + "；达到 \(check.policy.count) 件的，可以纳入主动公开范围。"
        reached = check.reachesThreshold
        documentID = check.documentID
        canLink = handles && check.documentID == nil
        let allowed = check.reachesThreshold || staff.role == .reviewer
        canConvert = handles && check.documentID == nil && check.disclosable && allowed
        if check.documentID != nil || !handles {
            note = nil
        } else if !check.disclosable {
            note = "答复予以公开或部分公开后，方可转为主动公开。"
        } else if !allowed {
            note = "尚未达到件数；审核人认为属于公众普遍关注的，可以直接转为主动公开。"
        } else {
            note = nil
        }
    }
}
