import DisclosureCore
import Testing

@Suite("Request clock (条例 第三十条 to 第三十五条): dated worked examples")
struct RequestClockTests {
    let calendar = WorkingDayCalendar.china()
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    func clock(_ timeline: RequestTimeline, today: String) -> RequestClock {
        RequestClock.evaluate(timeline, calendar: calendar, today: Self.day(today))
    }

    /// statutes §1.4: received → +7 wd (补正 notice), +20 wd (answer), +40 wd (with a 20-wd extension).
    @Test(
        "statutory worked examples",
        arguments: [
            ("2025-09-25", "2025-10-11", "2025-10-29", "2025-11-26"),
            ("2026-02-10", "2026-02-26", "2026-03-16", "2026-04-14"),
            ("2024-12-31", "2025-01-10", "2025-02-05", "2025-03-04"),
        ])
    func workedExamples(received: String, notice: String, answer: String, extended: String) {
        let plain = clock(RequestTimeline(receivedOn: Self.day(received)), today: received)
        #expect(plain.correctionNoticeDue == Self.day(notice))
        #expect(plain.due == Self.day(answer))
        #expect(plain.remainingWorkingDays == 20)
        #expect(plain.status == .running)
        let approved = Self.day(received).adding(days: 1)
        let withExtension = RequestTimeline(
            receivedOn: Self.day(received), extensionGranted: .init(workingDays: 20, approvedOn: approved, approver: "审核人"))
        #expect(clock(withExtension, today: received).due == Self.day(extended))
    }

    @Test("补正: the 20 days restart from the day the correction arrives")
    func correctionRestarts() {
        var timeline = RequestTimeline(
            receivedOn: Self.day("2025-09-25"), correction: .init(sentOn: Self.day("2025-09-30"), deadline: Self.day("2025-10-20")))
        let waiting = clock(timeline, today: "2025-10-09")
        #expect(waiting.status == .awaitingCorrection)
        #expect(waiting.due == nil)
        #expect(waiting.lapsedOutcome == nil)
        #expect(clock(timeline, today: "2025-10-21").lapsedOutcome == .correctionNotMade)
        timeline.correction?.correctedOn = Self.day("2025-10-09")
        let restarted = clock(timeline, today: "2025-10-09")
        #expect(restarted.due == Self.day("2025-11-05"))
        #expect(restarted.steps.contains { $0.event.contains("重新计算") && $0.from == Self.day("2025-10-09") })
    }

    @Test("a consultation answered 2025-10-20 after a letter of 2025-10-13 moves 10-29 to 11-05")
    func consultationPause() {
        let timeline = RequestTimeline(
            receivedOn: Self.day("2025-09-25"),
            consultations: [.init(kind: .thirdParty, party: "某公司", sentOn: Self.day("2025-10-13"), answeredOn: Self.day("2025-10-20"))])
        let result = clock(timeline, today: "2025-10-21")
        #expect(result.due == Self.day("2025-11-05"))
        let paused = result.steps.first { $0.treatment == "不计入" && $0.event.hasPrefix("征求") }
        #expect(paused?.from == Self.day("2025-10-14"))
        #expect(paused?.to == Self.day("2025-10-20"))
        // 8 working days counted by 10-13, so 12 are left while the letter is out and after it.
        #expect(paused?.remaining == 12)
    }

    @Test("an unanswered consultation pauses until its 15-working-day window closes, then the clock runs again")
    func consultationWindow() {
        let timeline = RequestTimeline(
            receivedOn: Self.day("2025-09-25"), consultations: [.init(kind: .otherAgency, party: "县自然资源局", sentOn: Self.day("2025-10-13"))])
        let during = clock(timeline, today: "2025-10-22")
        #expect(during.status == .paused)
        #expect(during.consultationWindows == [Self.day("2025-11-03")])
        // Window 10-14 … 11-03 (15 working days) not counted: 8 counted before, 12 after from 11-04 → 11-19.
        let after = clock(timeline, today: "2025-11-10")
        #expect(after.status == .running)
        #expect(after.due == Self.day("2025-11-19"))
        #expect(after.steps.contains { $0.event.contains("视为同意公开") })
    }

    @Test("a fee notice suspends the clock until payment; unpaid past 20 wd after delivery lapses as 三(六)2")
    func feePause() {
        var timeline = RequestTimeline(receivedOn: Self.day("2025-09-25"), feeNotice: .init(issuedOn: Self.day("2025-10-13")))
        #expect(clock(timeline, today: "2025-10-15").status == .paused)
        // Until the notice's delivery is recorded the window is provisional and nothing lapses.
        #expect(clock(timeline, today: "2025-11-11").feePaymentDueProvisional)
        #expect(clock(timeline, today: "2025-11-11").lapsedOutcome == nil)
        timeline.feeNotice?.deliveredOn = Self.day("2025-10-13")
        #expect(clock(timeline, today: "2025-11-11").lapsedOutcome == .feeNotPaid)
        #expect(clock(timeline, today: "2025-11-10").lapsedOutcome == nil)
        timeline.feeNotice?.paidOn = Self.day("2025-10-15")
        #expect(clock(timeline, today: "2025-10-16").due == Self.day("2025-10-31"))
    }

    @Test("status, remaining days and the art. 35 deadline")
    func statuses() {
        var timeline = RequestTimeline(receivedOn: Self.day("2025-09-25"))
        #expect(clock(timeline, today: "2025-10-13").remainingWorkingDays == 13)
        #expect(clock(timeline, today: "2025-10-29").remainingWorkingDays == 1)
        #expect(clock(timeline, today: "2025-10-30").status == .overdue)
        #expect(clock(timeline, today: "2025-10-30").remainingWorkingDays == 0)
        timeline.answeredOn = Self.day("2025-10-29")
        #expect(clock(timeline, today: "2025-11-30").status == .answeredOnTime)
        timeline.answeredOn = Self.day("2025-10-30")
        #expect(clock(timeline, today: "2025-11-30").status == .answeredLate)
        timeline.answeredOn = nil
        timeline.customDeadline = .init(date: Self.day("2025-12-31"), reason: "申请数量明显超过合理范围")
        let custom = clock(timeline, today: "2025-11-03")
        #expect(custom.due == Self.day("2025-12-31"))
        #expect(custom.status == .running)
        #expect(custom.internalTarget == nil)
    }

    @Test("the explanation counts every working day exactly once and ends on the due date")
    func explanationAddsUp() {
        let timeline = RequestTimeline(
            receivedOn: Self.day("2025-09-25"),
            consultations: [.init(kind: .thirdParty, party: "某公司", sentOn: Self.day("2025-10-13"), answeredOn: Self.day("2025-10-20"))],
            extensionGranted: .init(workingDays: 10, approvedOn: Self.day("2025-10-27"), approver: "李审核"))
        let result = clock(timeline, today: "2025-10-27")
        #expect(result.steps.reduce(0) { $0 + $1.counted } == 30)
        #expect(result.steps.last?.from == result.due)
        #expect(result.steps.contains { $0.event.contains("调休上班日 2025-09-28") })
        #expect(result.steps.contains { $0.event == "法定节假日" && $0.from == Self.day("2025-10-01") && $0.to == Self.day("2025-10-08") })
        #expect(result.steps.contains { $0.event.contains("李审核") && $0.remaining > 10 })
        #expect(result.internalTarget! < result.due!)
    }
}

extension RequestClockTests {
    @Test("each line's 剩余工作日 is what is left after that line")
    func remainingPerLine() {
        let result = clock(RequestTimeline(receivedOn: Self.day("2026-11-22")), today: "2026-11-22")
        let lines = result.steps.filter { !$0.treatment.isEmpty }.map { "\($0.event) \($0.dates) \($0.remaining)" }
        #expect(Array(lines.prefix(3)) == ["工作日 2026-11-23 至 2026-11-27 15", "周末 2026-11-28 至 2026-11-29 15", "工作日 2026-11-30 至 2026-12-04 10"])
    }
}
