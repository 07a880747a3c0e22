import DisclosureCore
import PropertyBased
import Testing

/// Issue 18: invariants of the request clock over random timelines and days, on the real
/// calendar (2024–2026 with their holidays and make-up workdays).
@Suite("Request clock properties")
struct RequestClockPropertyTests {
    static let calendar = WorkingDayCalendar.china()
    static let start = CivilDate(iso: "2024-01-02")!

    /// A timeline built from small offsets: a receipt day, an optional consultation, fee notice
    /// and extension (negative offsets mean "none"), and today.
    struct Scenario: CustomStringConvertible {
        let received: CivilDate
        let consultation: (sent: Int, answered: Int)?
        let fee: (issued: Int, paid: Int)?
        let extensionOn: Int?
        let today: CivilDate

        init(_ offsets: [Int]) {
            received = RequestClockPropertyTests.start.adding(days: offsets[0])
            consultation = offsets[1] >= 0 ? (offsets[1], offsets[2]) : nil
            fee = offsets[3] >= 0 ? (offsets[3], offsets[4]) : nil
            extensionOn = offsets[5] >= 0 ? offsets[5] : nil
            today = received.adding(days: offsets[6])
        }

        var timeline: RequestTimeline {
            var timeline = RequestTimeline(receivedOn: received)
            if let consultation {
                let sent = received.adding(days: consultation.sent)
                timeline.consultations = [
                    .init(
                        kind: .thirdParty, party: "某公司", sentOn: sent,
                        answeredOn: consultation.answered >= 0 ? sent.adding(days: consultation.answered) : nil)
                ]
            }
            if let fee {
                let issued = received.adding(days: fee.issued)
                timeline.feeNotice = .init(issuedOn: issued, paidOn: fee.paid >= 0 ? issued.adding(days: fee.paid) : nil)
            }
            if let extensionOn {
                timeline.extensionGranted = .init(workingDays: 20, approvedOn: received.adding(days: extensionOn), approver: "审核人")
            }
            return timeline
        }

        var description: String {
            "received \(received), \(String(describing: consultation)), \(String(describing: fee)), ext \(String(describing: extensionOn)), today \(today)"
        }
    }

    static let scenarios = Gen.int(in: -40...60).array(of: 7).map { offsets -> Scenario in
        var fixed = offsets
        fixed[0] = abs(offsets[0]) * 13  // receipt days spread over 2024–2025
        fixed[6] = abs(offsets[6]) * 2  // today up to 120 days after receipt
        return Scenario(fixed)
    }

    static func clock(_ timeline: RequestTimeline, _ today: CivilDate) -> RequestClock {
        RequestClock.evaluate(timeline, calendar: calendar, today: today)
    }

    @Test("the due date is always a working day and the explanation counts exactly the allowance")
    func dueIsWorkingDay() async {
        await propertyCheck(count: 300, input: Self.scenarios) { scenario in
            let result = Self.clock(scenario.timeline, scenario.today)
            guard let due = result.due else { return }
            #expect(Self.calendar.isWorkingDay(due), "\(scenario)")
            let granted = result.steps.contains { $0.event.contains("批准延期答复") && !$0.event.contains("不生效") }
            #expect(result.steps.map(\.counted).reduce(0, +) == 20 + (granted ? 20 : 0), "\(scenario)")
        }
    }

    @Test("a step dated after the due date never changes the due date or the status")
    func lateStepsMoveNothing() async {
        await propertyCheck(count: 300, input: Self.scenarios, Gen.int(in: 1...30), Gen.int(in: 0...2)) { scenario, daysAfter, kind in
            let before = Self.clock(scenario.timeline, scenario.today)
            guard let due = before.due else { return }
            var timeline = scenario.timeline
            let lateDay = due.adding(days: daysAfter)
            switch kind {
            case 0: timeline.consultations.append(.init(kind: .otherAgency, party: "迟到的征询", sentOn: lateDay))
            case 1 where timeline.feeNotice == nil: timeline.feeNotice = .init(issuedOn: lateDay)
            default:
                if timeline.extensionGranted == nil { timeline.extensionGranted = .init(workingDays: 20, approvedOn: lateDay, approver: "审核人") }
            }
            let after = Self.clock(timeline, scenario.today)
            #expect(after.due == before.due, "\(scenario) + late step \(kind) on \(lateDay)")
            #expect(after.status == before.status, "\(scenario) + late step \(kind) on \(lateDay)")
        }
    }

    @Test("removing a pause never makes the due date later")
    func removingPausesNeverDelays() async {
        await propertyCheck(count: 300, input: Self.scenarios) { scenario in
            let with = Self.clock(scenario.timeline, scenario.today)
            var without = scenario.timeline
            without.consultations = []
            without.feeNotice = nil
            let plain = Self.clock(without, scenario.today)
            guard let withDue = with.due, let plainDue = plain.due else { return }
            #expect(plainDue <= withDue, "\(scenario)")
        }
    }

    @Test("with nothing paused, the working days left are those from today (or the day after receipt) to the due date")
    func remainingMatchesCalendar() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...700), Gen.int(in: 0...60)) { offset, elapsed in
            let received = Self.start.adding(days: offset)
            let today = received.adding(days: elapsed)
            let result = Self.clock(RequestTimeline(receivedOn: received), today)
            guard let due = result.due, let remaining = result.remainingWorkingDays else { return }
            // The day of receipt itself never counts (counting starts the next day, statutes §1.4).
            let expected = today > due ? 0 : Self.calendar.workingDays(from: max(today.adding(days: -1), received), to: due)
            #expect(remaining == expected, "received \(received), today \(today)")
            #expect((result.status == .overdue) == (today > due))
        }
    }
}
