import DisclosureCore
import Testing

/// Issue 18: a step taken after its time is recorded and labelled, and moves nothing. Dated
/// examples across 国庆 2025 (10-01 to 10-08 off, 09-28 and 10-11 make-up workdays) and 春节 2026.
/// Received 2025-09-25: 补正 notice due 2025-10-11, answer due 2025-10-29 (statutes §1.4).
@Suite("Request clock: late and out-of-order steps (条例 第三十条, 第三十三条, 第三十五条)")
struct LateActionTests {
    let calendar = WorkingDayCalendar.china()
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let received = day("2025-09-25")

    func clock(_ timeline: RequestTimeline, today: String) -> RequestClock {
        RequestClock.evaluate(timeline, calendar: calendar, today: Self.day(today))
    }

    @Test("a 补正 notice after the 7 working days is 「逾期告知」 and does not restart the period (第三十条)")
    func lateCorrectionNotice() {
        var timeline = RequestTimeline(
            receivedOn: Self.received, correction: .init(sentOn: Self.day("2025-10-20"), deadline: Self.day("2025-11-03")))
        let waiting = clock(timeline, today: "2025-10-24")
        #expect(waiting.status == .running)
        #expect(waiting.due == Self.day("2025-10-29"))
        #expect(waiting.lateActions == [LateAction(kind: .correctionNotice, on: Self.day("2025-10-20"), label: "逾期告知")])
        #expect(waiting.steps.contains { $0.event.contains("逾期告知：应于 2025-10-11 前发出") && $0.from == Self.day("2025-10-20") })
        timeline.correction?.correctedOn = Self.day("2025-10-27")
        let corrected = clock(timeline, today: "2025-11-03")
        #expect(corrected.due == Self.day("2025-10-29"))
        #expect(corrected.status == .overdue)
        #expect(corrected.overdueWorkingDays == 3)
        timeline.answeredOn = Self.day("2025-11-05")
        let answered = clock(timeline, today: "2025-11-05")
        #expect(answered.status == .answeredLate)
        #expect(answered.overdueWorkingDays == 5)
    }

    @Test("a notice on its last day (2025-10-11, a make-up Saturday) still restarts the period")
    func timelyOnLastDay() {
        let timeline = RequestTimeline(
            receivedOn: Self.received,
            correction: .init(sentOn: Self.day("2025-10-11"), deadline: Self.day("2025-10-24"), correctedOn: Self.day("2025-10-20")))
        let result = clock(timeline, today: "2025-10-20")
        #expect(result.lateActions.isEmpty)
        #expect(result.due == Self.day("2025-11-17"))
    }

    @Test(
        "a consultation, fee notice or extension after the due date pauses nothing and the case stays overdue (第三十三条第二款)",
        arguments: ["consultation", "fee", "extension"])
    func lateSteps(kind: String) {
        var timeline = RequestTimeline(receivedOn: Self.received)
        let after = Self.day("2025-10-30")
        switch kind {
        case "consultation": timeline.consultations = [.init(kind: .thirdParty, party: "某公司", sentOn: after)]
        case "fee": timeline.feeNotice = .init(issuedOn: after)
        default: timeline.extensionGranted = .init(workingDays: 20, approvedOn: after, approver: "审核人")
        }
        let result = clock(timeline, today: "2025-11-05")
        #expect(result.due == Self.day("2025-10-29"))
        #expect(result.status == .overdue)
        #expect(result.overdueWorkingDays == 5)
        #expect(result.lateActions.map(\.on) == [after])
        #expect(result.steps.contains { $0.from == after && $0.event.contains("2025-10-29") })
        #expect(result.steps.map(\.counted).reduce(0, +) == 20)
    }

    @Test("the same steps inside the period still count: a consultation from 10-13 to 10-20 moves 10-29 to 11-05")
    func timelyStepsCount() {
        let timeline = RequestTimeline(
            receivedOn: Self.received,
            consultations: [.init(kind: .otherAgency, party: "县财政局", sentOn: Self.day("2025-10-13"), answeredOn: Self.day("2025-10-20"))],
            extensionGranted: .init(workingDays: 5, approvedOn: Self.day("2025-11-04"), approver: "审核人"))
        let result = clock(timeline, today: "2025-11-04")
        #expect(result.lateActions.isEmpty)
        // 11-05 plus 5 working days.
        #expect(result.due == Self.day("2025-11-12"))
    }

    @Test("a step is weighed against the due date that earlier accepted steps give")
    func chronologicalAcceptance() {
        // The consultation (10-13 to 10-20) moves the due date to 11-05, so a fee notice on 11-03 is in time.
        let timeline = RequestTimeline(
            receivedOn: Self.received,
            consultations: [.init(kind: .thirdParty, party: "某公司", sentOn: Self.day("2025-10-13"), answeredOn: Self.day("2025-10-20"))],
            feeNotice: .init(issuedOn: Self.day("2025-11-03")))
        let result = clock(timeline, today: "2025-11-10")
        #expect(result.lateActions.isEmpty)
        #expect(result.status == .paused)
    }

    @Test("a 第三十五条 deadline set after the due date changes nothing; one set in time on a Sunday runs to Monday")
    func customDeadlines() {
        let tooLate = RequestTimeline(
            receivedOn: Self.received, customDeadline: .init(date: Self.day("2025-12-31"), reason: "数量巨大", setOn: Self.day("2025-11-03")))
        let late = clock(tooLate, today: "2025-11-05")
        #expect(late.due == Self.day("2025-10-29"))
        #expect(late.status == .overdue)
        #expect(late.lateActions.map(\.kind) == [.customDeadline])
        let sunday = RequestTimeline(
            receivedOn: Self.received, customDeadline: .init(date: Self.day("2025-11-30"), reason: "数量巨大", setOn: Self.day("2025-10-20")))
        let shifted = clock(sunday, today: "2025-11-05")
        #expect(shifted.due == Self.day("2025-12-01"))
        #expect(shifted.steps.contains { $0.event.contains("2025-11-30 为休息日，顺延至 2025-12-01") })
    }

    @Test("a 补正期限 on a holiday runs to the next working day; the lapse is dated the day after it")
    func correctionDeadlineOnHoliday() {
        let timeline = RequestTimeline(
            receivedOn: Self.received, correction: .init(sentOn: Self.day("2025-09-26"), deadline: Self.day("2025-10-04")))
        #expect(clock(timeline, today: "2025-10-09").lapsedOutcome == nil)
        let lapsed = clock(timeline, today: "2025-10-10")
        #expect(lapsed.lapsedOutcome == .correctionNotMade)
        #expect(lapsed.lapsedOn == Self.day("2025-10-10"))
        #expect(lapsed.steps.contains { $0.event.contains("2025-10-04（休息日，顺延至 2025-10-09）") })
    }

    @Test("a lapse on 12-30 is dated 12-31 even when noticed in January; across 春节 2026 an unpaid fee lapses the day after its window")
    func lapsesAreDated() {
        let year = RequestTimeline(
            receivedOn: Self.day("2025-12-10"), correction: .init(sentOn: Self.day("2025-12-12"), deadline: Self.day("2025-12-30")))
        let noticed = clock(year, today: "2026-01-05")
        #expect(noticed.lapsedOn == Self.day("2025-12-31"))
        // 2026-02-10 + 20 working days crosses 春节 (02-15 to 02-23 off, 02-14 and 02-28 worked) to 03-16.
        let fee = RequestTimeline(
            receivedOn: Self.day("2026-02-09"), feeNotice: .init(issuedOn: Self.day("2026-02-10"), deliveredOn: Self.day("2026-02-10")))
        let unpaid = clock(fee, today: "2026-03-20")
        #expect(unpaid.lapsedOutcome == .feeNotPaid)
        #expect(unpaid.lapsedOn == Self.day("2026-03-17"))
    }

    /// Issue 18 item 5: the windows run from receipt of the letter (109号 「收到收费通知的次日起」;
    /// 第三十二条 「自收到征求意见书之日起」), which a letter posted on Friday reaches on Tuesday.
    @Test("the payment and consultation windows run from the recorded delivery, provisionally from the issue date until then")
    func windowsFromDelivery() {
        // Posted Friday 2025-11-07, received Tuesday 2025-11-11.
        var timeline = RequestTimeline(receivedOn: Self.day("2025-11-03"), feeNotice: .init(issuedOn: Self.day("2025-11-07")))
        let provisional = clock(timeline, today: "2025-11-10")
        #expect(provisional.feePaymentDueProvisional)
        #expect(provisional.feePaymentDue == calendar.adding(workingDays: 20, to: Self.day("2025-11-07")).date)
        timeline.feeNotice?.deliveredOn = Self.day("2025-11-11")
        let served = clock(timeline, today: "2025-11-12")
        #expect(!served.feePaymentDueProvisional)
        #expect(served.feePaymentDue == calendar.adding(workingDays: 20, to: Self.day("2025-11-11")).date)
        // The day after the provisional window, the case has not lapsed: the applicant still has two days.
        let dayAfterProvisional = calendar.adding(workingDays: 20, to: Self.day("2025-11-07")).date.adding(days: 1)
        #expect(clock(timeline, today: dayAfterProvisional.description).lapsedOutcome == nil)

        let consultation = RequestTimeline(
            receivedOn: Self.day("2025-11-03"),
            consultations: [.init(kind: .thirdParty, party: "某公司", sentOn: Self.day("2025-11-07"), deliveredOn: Self.day("2025-11-11"))])
        #expect(clock(consultation, today: "2025-11-12").consultationWindows == [calendar.adding(workingDays: 15, to: Self.day("2025-11-11")).date])
    }
}
