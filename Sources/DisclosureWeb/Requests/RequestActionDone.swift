import DisclosureCore

/// What a step did, in words, shown after the redirect (issue 22 §2: 「已保存。」 told the clerk
/// nothing). Read from the case as it now stands, so the number and dates are the real ones.
enum RequestActionDone {
    static func text(_ action: RequestAction, request: InformationRequest, letters: [IssuedLetter], clock: RequestClock?, unitNames: [String: String])
        -> String
    {
        func letter(_ kind: LetterKind) -> String {
            letters.last { $0.kind == kind }.map { "「\($0.title)」\($0.number)" } ?? kind.label
        }
        let due = RequestView.dueText(clock, state: request.state)
        switch action {
        case .confirm:
            return "已确认收到申请（收到申请之日 \(request.receivedOn?.description ?? "")），已出具\(letter(.receipt))。答复期限：\(due)。"
        case .requestCorrection:
            let until = request.events.last { $0.kind == .correctionRequested }?.until?.description ?? ""
            return "已发出\(letter(.correction))，补正期限 \(until)。补正期间不计算答复期限。"
        case .receiveCorrection:
            return "已登记收到补正，答复期限自收到补正之日起重新计算：\(due)。"
        case .consult:
            return "已发出\(letter(.consultation))；征求意见期间不计入答复期限。"
        case .recordOpinion:
            return "已登记收到意见。答复期限：\(due)。"
        case .issueFeeNotice:
            return "已发出\(letter(.feeNotice))；缴费期间答复期限中止。"
        case .recordPayment:
            return "已登记缴费，答复期限恢复计算：\(due)。"
        case .extend:
            return "已批准延期答复并发出\(letter(.extensionNotice))。答复期限：\(due)。"
        case .setCustomDeadline:
            return "已另行确定答复期限：\(due)。"
        case .draftReply:
            return "答复草稿已保存（\(request.outcome?.shortLabel ?? "")）。下一步：提交审核。"
        case .submitReply:
            return "答复已提交审核，等待本单位审核人审核通过后发出。"
        case .returnReply:
            return "已退回拟稿人修改。"
        case .approveReply:
            return "已审核通过并发出\(letter(.reply))（\(request.outcome?.shortLabel ?? "")）。请在“告知书”中登记送达。"
        case .closeLapsed:
            return "已按逾期终止办结（\(request.outcome?.shortLabel ?? "")）。"
        case .archive:
            return "已归档。"
        case .reassign:
            return "已转交\(unitNames[request.application.unitCode] ?? request.application.unitCode)办理。"
        }
    }
}
