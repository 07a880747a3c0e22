import DisclosureCore
import DisclosureStore

/// 「重复申请提示」 on the case page (issue 24 §4): the same applicant's similar earlier requests
/// found at intake, how many they made in the period and this month (the art. 35 review), and
/// the clerk's decision, recorded with a reason.
struct RequestRepeatSection: Sendable {
    struct Earlier: Sendable {
        let id: Int
        let reference: String
        let receivedOn: String
        let title: String
        let state: String
        let reason: String
    }

    struct Choice: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    let flagged: Bool
    let earlier: [Earlier]
    let counts: String
    let decision: String?
    let canDecide: Bool
    let choices: [Choice]
    let note: String

    init(_ check: RequestService.RepeatCheck, canDecide: Bool, values: [String: String]? = nil) {
        let review = check.review
        flagged = review != nil
        earlier = check.earlier.map { request in
            let item = review?.earlier.first { $0.id == request.id }
            let reason = item.map {
                $0.reason == SimilarRequests.Match.Reason.text.rawValue ? "\($0.reason)（\(Int(($0.similarity * 100).rounded()))%）" : $0.reason
            }
            return Earlier(
                id: request.id, reference: request.reference, receivedOn: (request.receivedOn ?? CivilDate(instant: request.submittedAt)).chineseText,
                title: request.application.infoTitle.isEmpty ? String(request.application.infoDescription.prefix(40)) : request.application.infoTitle,
                state: request.outcome.map { "\(request.state.label)：\($0.decision)" } ?? request.state.label, reason: reason ?? "")
        }
        counts = RepeatApplications.countText(months: check.months, inPeriod: check.inPeriod, thisMonth: check.thisMonth)
        if let decided = review?.decision {
            let by = review?.decidedBy ?? ""
            decision = "已认定：\(decided.label)" + (review?.note.isEmpty == false ? "。理由：\(review?.note ?? "")" : "") + "（\(by)）"
        } else {
            decision = nil
        }
        self.canDecide = canDecide && flagged
        let chosen = values?["repeatDecision"] ?? review?.decision?.rawValue ?? ""
        choices = RepeatApplications.Decision.allCases.map { Choice(value: $0.rawValue, label: $0.label, checked: $0.rawValue == chosen) }
        note = values?["repeatNote"] ?? review?.note ?? ""
    }
}
