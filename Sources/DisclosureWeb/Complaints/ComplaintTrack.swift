import DisclosureCore
import DisclosureStore
import Hummingbird

/// What the holder of a complaint's two numbers sees on `/track`: status, the due date in working
/// days and, once approved, the finding, the answer and the 整改.
struct ComplaintTrack: Sendable {
    let reference: String
    let unitName: String
    let kind: String
    let state: String
    let receivedOn: String
    let due: String
    let answeredOn: String?
    let outcome: String?
    let reply: [String]
    let rectification: [String]
    let hasRectification: Bool

    init(_ complaint: Complaint, calendar: CalendarService, complaints: ComplaintService, unitQueries: UnitQueries) async throws {
        let calendar = try await calendar.calendar()
        let policy = try await complaints.settings.policy()
        let deadline = complaints.deadline(of: complaint, policy: policy, calendar: calendar)
        let closed = complaint.state == .closed
        reference = complaint.reference
        unitName = try await unitQueries.names()[complaint.unitCode] ?? complaint.unitCode
        kind = complaint.submission.kind.rawValue
        state = complaint.state == .closed ? "已办结" : (complaint.escalatedOn != nil ? "办理中（已超期，县政务公开办督办中）" : "办理中")
        receivedOn = complaint.receivedOn.description
        due = "\(deadline.due)（\(deadline.workingDays) 个工作日）"
        answeredOn = closed ? complaint.answeredOn?.description : nil
        outcome = closed ? complaint.reply.outcome?.rawValue : nil
        reply = closed ? PlainText.paragraphs(complaint.reply.text) : []
        rectification = closed ? PlainText.paragraphs(complaint.reply.rectification) : []
        hasRectification = !rectification.isEmpty
    }
}

extension ApplyController {
    /// `/track` for a 受理编号 starting `TS`: the same answer for an unknown number and a wrong code.
    func trackComplaint(reference: String, code: String, context: AppRequestContext) async throws -> Response {
        guard let complaint = try await complaints.track(reference: reference, code: code) else {
            return renderer.render(
                "Requests/track", title: "申请查询", page: TrackPage(reference: reference, result: nil, complaint: nil), context: context,
                status: .notFound, error: "受理编号或查询码不正确。")
        }
        let page = TrackPage(
            reference: complaint.reference, result: nil,
            complaint: try await ComplaintTrack(complaint, calendar: self.calendar, complaints: complaints, unitQueries: unitQueries))
        return renderer.render("Requests/track", title: "投诉查询", page: page, context: context)
    }
}
