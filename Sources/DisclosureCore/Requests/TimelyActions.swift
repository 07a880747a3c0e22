/// Which pauses, extension and 第三十五条 deadline of a timeline were decided in time to count
/// (条例 第三十三条第二款, 第三十五条; 国办函〔2020〕109号 on the fee notice; issue 18).
struct TimelyActions {
    var pauses: [Pause] = []
    var granted: RequestTimeline.Extension?
    var customDeadline: RequestTimeline.CustomDeadline?
    var late: [LateAction] = []
    var notes: [ClockNote] = []

    /// Weighs each action in date order against the due date that the actions accepted before it
    /// give: on or before it, the action counts; after it, it is recorded as late and moves nothing.
    static func decide(
        _ timeline: RequestTimeline, from anchor: CivilDate, policy: ClockPolicy, calendar: WorkingDayCalendar, today: CivilDate
    ) -> TimelyActions {
        enum Candidate {
            case pause(Pause)
            case extensionGranted(RequestTimeline.Extension)

            var date: CivilDate {
                switch self {
                case .pause(let pause): pause.startsAfter
                case .extensionGranted(let granted): granted.approvedOn
                }
            }
        }
        var candidates = Pause.all(in: timeline, after: anchor, policy: policy, calendar: calendar, today: today).map(Candidate.pause)
        if let granted = timeline.extensionGranted { candidates.append(.extensionGranted(granted)) }
        var decided = TimelyActions()
        func due() -> CivilDate {
            Walk.run(
                from: anchor, allowance: policy.answerDays, extension: decided.granted, pauses: decided.pauses, calendar: calendar,
                today: today
            ).due
        }
        for candidate in candidates.sorted(by: { $0.date < $1.date }) {
            let dueThen = due()
            switch candidate {
            case .pause(let pause) where pause.startsAfter <= dueThen:
                decided.pauses.append(pause)
            case .pause(let pause):
                decided.late.append(LateAction(kind: pause.kind, on: pause.startsAfter, label: "逾期操作，不中止计算"))
                decided.notes.append(
                    ClockNote(
                        on: pause.startsAfter,
                        text: "\(pause.startEvent)——已超过答复期限 \(dueThen)，不中止计算（条例第三十三条第二款）"))
            case .extensionGranted(let granted) where granted.approvedOn <= dueThen:
                decided.granted = granted
            case .extensionGranted(let granted):
                decided.late.append(LateAction(kind: .extensionGranted, on: granted.approvedOn, label: "逾期延期，不延长期限"))
                decided.notes.append(
                    ClockNote(
                        on: granted.approvedOn,
                        text: "批准延期答复 \(granted.workingDays) 个工作日——答复期限 \(dueThen) 已过，延期不生效（条例第三十三条第二款）"))
            }
        }
        if let custom = timeline.customDeadline {
            let dueThen = due()
            if let setOn = custom.setOn, setOn > dueThen {
                decided.late.append(LateAction(kind: .customDeadline, on: setOn, label: "逾期确定，不改变期限"))
                decided.notes.append(
                    ClockNote(on: setOn, text: "依条例第三十五条另行确定答复期限至 \(custom.date)——答复期限 \(dueThen) 已过，不改变期限"))
            } else {
                decided.customDeadline = custom
            }
        }
        return decided
    }
}
