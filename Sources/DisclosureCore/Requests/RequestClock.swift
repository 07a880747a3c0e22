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
    /// The payment window is counted from the issue date because the notice's delivery is not
    /// recorded yet: shown as provisional, and the case does not lapse on it (issue 18).
    public let feePaymentDueProvisional: Bool
    /// The case has passed a stated deadline that ends it: 补正 not made (三(六)1) or fee not paid (三(六)2).
    public let lapsedOutcome: RequestOutcome?
    /// The day the lapse took effect: the day after the deadline, whenever it is noticed (issue 18).
    public let lapsedOn: CivilDate?
    /// Working days past the due date: up to today while open, up to the answer when answered late.
    public let overdueWorkingDays: Int
    /// Steps recorded after the answer period had ended (or a 补正 notice after its 7 days): kept
    /// and shown, labelled late, but they moved nothing.
    public let lateActions: [LateAction]
    /// Every step a clerk checks: event, dates, counted or not, working days left.
    public let steps: [ClockStep]
    /// Years crossed without a published 放假安排; the dates are provisional.
    public let unconfirmedYears: [Int]

    public var isOpen: Bool { status != .answeredOnTime && status != .answeredLate }
}

/// A step taken too late to have its statutory effect (issue 18).
public struct LateAction: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case correctionNotice, consultation, feeNotice, extensionGranted, customDeadline
    }

    public let kind: Kind
    public let on: CivilDate
    /// What the console shows beside the step: 「逾期告知」 or 「逾期操作，不中止计算」….
    public let label: String

    public init(kind: Kind, on: CivilDate, label: String) {
        self.kind = kind
        self.on = on
        self.label = label
    }
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
