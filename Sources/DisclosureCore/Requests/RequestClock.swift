/// The statutory answer clock of one request, computed from its timeline, the policy, the
/// calendar and today (条例 第三十条, 第三十二条 to 第三十五条; 收费办法 第七条; statutes §1.1, §1.4).
///
/// The answer period counts working days from the day after receipt, or after the corrected
/// application arrived; consultation and fee periods are not counted: the working days after the
/// day the letter went out, up to and including the day the answer came (or its window closed, or
/// payment arrived). One extension adds its days; an art. 35 deadline replaces the date.
public struct RequestClock: Equatable, Sendable {
    public enum Status: String, Sendable {
        /// 补正中: the period has not started again yet.
        case awaitingCorrection
        /// 征求意见或待缴费: the period is suspended today.
        case paused
        case running
        case overdue
        case answeredOnTime
        case answeredLate
    }

    public let status: Status
    /// The statutory due date; nil while a 补正 is outstanding (the period restarts when it arrives).
    public let due: CivilDate?
    /// The unit's internal target (ClockPolicy.internalTargetDays), nil with the due date.
    public let internalTarget: CivilDate?
    /// Working days left, today included when it counts (as the publication clock); 0 once overdue.
    public let remainingWorkingDays: Int?
    /// 补正告知 must go out by this day (第三十条).
    public let correctionNoticeDue: CivilDate
    /// Deadlines of a running sub-clock: a consultation's window or the fee payment.
    public let consultationWindows: [CivilDate]
    public let feePaymentDue: CivilDate?
    /// The case has passed a stated deadline that ends it: 补正 not made (三(六)1) or fee not paid (三(六)2).
    public let lapsedOutcome: RequestOutcome?
    /// Every step a clerk checks: event, dates, counted or not, working days left.
    public let steps: [ClockStep]
    /// Years crossed without a published 放假安排; the dates are provisional.
    public let unconfirmedYears: [Int]

    public var isOpen: Bool { status != .answeredOnTime && status != .answeredLate }
}

/// One line of a due-date explanation: 事件, 日期, 计入/不计入, 剩余工作日.
public struct ClockStep: Equatable, Sendable {
    public let event: String
    public let from: CivilDate
    public let to: CivilDate
    /// Working days counted in this line (0 for events and for days not counted).
    public let counted: Int
    /// `计入` / `不计入` / empty for an event line.
    public let treatment: String
    public let remaining: Int

    public init(event: String, from: CivilDate, to: CivilDate? = nil, counted: Int = 0, treatment: String = "", remaining: Int) {
        self.event = event
        self.from = from
        self.to = to ?? from
        self.counted = counted
        self.treatment = treatment
        self.remaining = remaining
    }

    public var dates: String { from == to ? from.description : "\(from) 至 \(to)" }
}

extension RequestClock {
    public static func evaluate(
        _ timeline: RequestTimeline, policy: ClockPolicy = .statutory, calendar: WorkingDayCalendar, today: CivilDate
    ) -> RequestClock {
        let noticeDue = calendar.adding(workingDays: policy.correctionNoticeDays, to: timeline.receivedOn).date
        var steps = [ClockStep(event: "收到申请（收到申请之日不计入，次日起算）", from: timeline.receivedOn, remaining: policy.answerDays)]
        var anchor = timeline.receivedOn
        if let correction = timeline.correction {
            steps.append(
                ClockStep(event: "发出补正告知书（应于 \(noticeDue) 前发出），补正期限至 \(correction.deadline)", from: correction.sentOn, remaining: policy.answerDays))
            guard let corrected = correction.correctedOn else {
                return RequestClock(
                    status: timeline.answeredOn == nil ? .awaitingCorrection : .answeredOnTime, due: nil, internalTarget: nil,
                    remainingWorkingDays: nil, correctionNoticeDue: noticeDue, consultationWindows: [], feePaymentDue: nil,
                    lapsedOutcome: timeline.answeredOn == nil && today > correction.deadline ? .correctionNotMade : nil,
                    steps: steps + [
                        ClockStep(
                            event: "等待申请人补正，答复期限自收到补正之日起重新计算（条例第三十条）", from: correction.sentOn, to: max(correction.sentOn, today), treatment: "不计入",
                            remaining: policy.answerDays)
                    ],
                    unconfirmedYears: calendar.unconfirmedYears(from: timeline.receivedOn, to: correction.deadline))
            }
            anchor = corrected
            steps.append(ClockStep(event: "收到补正后的申请，答复期限自次日起重新计算 \(policy.answerDays) 个工作日（条例第三十条）", from: corrected, remaining: policy.answerDays))
        }
        let pauses = Pause.all(in: timeline, after: anchor, policy: policy, calendar: calendar, today: today)
        let walk = Walk.run(
            from: anchor, allowance: policy.answerDays, extension: timeline.extensionGranted, pauses: pauses, calendar: calendar, today: today)
        steps += walk.steps
        let internalTarget = Walk.run(
            from: anchor, allowance: policy.internalTargetDays, extension: nil, pauses: pauses, calendar: calendar, today: today
        ).due
        var due = walk.due
        var remaining = walk.remaining
        if let custom = timeline.customDeadline {
            due = custom.date
            remaining = today > custom.date ? 0 : calendar.workingDays(from: today.adding(days: -1), to: custom.date)
            steps.append(ClockStep(event: "依条例第三十五条另行确定答复期限：\(custom.reason)", from: custom.date, remaining: remaining))
        }
        let status: Status
        if let answered = timeline.answeredOn {
            status = answered <= due ? .answeredOnTime : .answeredLate
            steps.append(ClockStep(event: answered <= due ? "作出答复（未超过答复期限）" : "作出答复（超过答复期限）", from: answered, remaining: 0))
        } else if pauses.contains(where: { $0.isOngoing }) {
            status = .paused
        } else {
            status = today > due ? .overdue : .running
        }
        let fee = timeline.feeNotice.map { calendar.adding(workingDays: policy.feePaymentDays, to: $0.issuedOn).date }
        var lapsed: RequestOutcome?
        if timeline.answeredOn == nil, let fee, timeline.feeNotice?.paidOn == nil, today > fee { lapsed = .feeNotPaid }
        return RequestClock(
            status: status, due: due, internalTarget: timeline.customDeadline == nil ? internalTarget : nil,
            remainingWorkingDays: timeline.answeredOn == nil ? remaining : nil, correctionNoticeDue: noticeDue,
            consultationWindows: timeline.consultations.filter { $0.answeredOn == nil }.map {
                calendar.adding(workingDays: policy.consultationDays, to: $0.sentOn).date
            },
            feePaymentDue: timeline.feeNotice?.paidOn == nil ? fee : nil, lapsedOutcome: lapsed, steps: steps,
            unconfirmedYears: calendar.unconfirmedYears(from: timeline.receivedOn, to: max(due, today)))
    }
}
