/// A stretch of days the answer period does not count: from the day after a letter went out up to
/// and including the day its answer came, its window closed, or payment arrived (条例 第三十三条).
struct Pause: Equatable, Sendable {
    /// `.consultation` or `.feeNotice`: what the step is called when it comes too late.
    let kind: LateAction.Kind
    let startsAfter: CivilDate
    let endsOn: CivilDate
    let label: String
    let startEvent: String
    let endEvent: String?
    let isOngoing: Bool

    func contains(_ date: CivilDate) -> Bool { date > startsAfter && date <= endsOn }

    static func all(in timeline: RequestTimeline, after anchor: CivilDate, policy: ClockPolicy, calendar: WorkingDayCalendar, today: CivilDate)
        -> [Pause]
    {
        var pauses: [Pause] = []
        for consultation in timeline.consultations where consultation.sentOn >= anchor {
            let window = calendar.adding(workingDays: policy.consultationDays, to: consultation.windowAnchor).date
            let who = "\(consultation.kind.rawValue)（\(consultation.party)）"
            let endEvent: String?
            let end: CivilDate
            if let answered = consultation.answeredOn, answered <= window {
                end = answered
                endEvent = "收到\(who)意见"
            } else if today >= window || consultation.answeredOn != nil {
                end = window
                endEvent =
                    consultation.kind == .thirdParty
                    ? "第三方征询期限届满（逾期未答复，由行政机关依法决定，条例第三十二条）" : "其他机关征询期限届满（逾期未提出意见视为同意公开，条例第三十四条）"
            } else {
                end = today
                endEvent = nil
            }
            pauses.append(
                Pause(
                    kind: .consultation, startsAfter: consultation.sentOn, endsOn: end,
                    label: "征求\(who)意见期间" + (endEvent == nil ? "（进行中，暂计至今日）" : ""),
                    startEvent: "发出征求意见函：\(who)，应于 \(window) 前答复（条例\(consultation.kind.article)）；征求意见时间不计入答复期限（条例第三十三条）",
                    endEvent: endEvent, isOngoing: endEvent == nil))
        }
        if let fee = timeline.feeNotice, fee.issuedOn >= anchor {
            let end = fee.paidOn ?? max(today, fee.issuedOn)
            pauses.append(
                Pause(
                    kind: .feeNotice, startsAfter: fee.issuedOn, endsOn: end, label: "待缴费期间" + (fee.paidOn == nil ? "（进行中，暂计至今日）" : ""),
                    startEvent: "发出收费通知，答复期限中止至缴费之日（信息处理费管理办法）", endEvent: fee.paidOn == nil ? nil : "收到申请人缴费",
                    isOngoing: fee.paidOn == nil))
        }
        return pauses
    }
}

/// An event line the walk prints on its date without counting anything (a late step).
struct ClockNote: Equatable, Sendable {
    let on: CivilDate
    let text: String
}

/// Walks the calendar day by day from the anchor until the allowance is used up, grouping days
/// into the lines a clerk checks.
struct Walk {
    var due: CivilDate
    var remaining: Int
    var steps: [ClockStep]

    static func run(
        from anchor: CivilDate, allowance: Int, extension granted: RequestTimeline.Extension?, pauses: [Pause], notes: [ClockNote] = [],
        calendar: WorkingDayCalendar, today: CivilDate
    ) -> Walk {
        var total = allowance
        var counted = 0
        var countedBeforeToday = 0
        var steps: [ClockStep] = []
        var run: (key: String, label: String, treatment: String, from: CivilDate, to: CivilDate, counted: Int, remaining: Int)?

        func flush() {
            guard let open = run else { return }
            steps.append(
                ClockStep(
                    event: open.label, from: open.from, to: open.to, counted: open.counted, treatment: open.treatment, remaining: open.remaining))
            run = nil
        }
        func events(on date: CivilDate) {
            var lines: [String] = []
            for pause in pauses where pause.startsAfter == date { lines.append(pause.startEvent) }
            for pause in pauses where pause.endsOn == date { if let end = pause.endEvent { lines.append(end) } }
            if let granted, granted.approvedOn == date {
                total += granted.workingDays
                lines.append("经 \(granted.approver) 批准延期答复 \(granted.workingDays) 个工作日（条例第三十三条）")
            }
            for note in notes where note.on == date { lines.append(note.text) }
            guard !lines.isEmpty else { return }
            flush()
            for line in lines { steps.append(ClockStep(event: line, from: date, remaining: total - counted)) }
        }

        var date = anchor
        events(on: anchor)
        var guardDays = 0
        while counted < total, guardDays < 3000 {
            guardDays += 1
            date = date.adding(days: 1)
            let key: String
            let label: String
            let treatment: String
            if let pause = pauses.first(where: { $0.contains(date) }) {
                key = "pause:\(pause.startsAfter)"
                label = pause.label
                treatment = "不计入"
            } else if calendar.isWorkingDay(date) {
                counted += 1
                key = "work"
                label = "工作日"
                treatment = "计入"
            } else {
                let holiday = calendar.reason(for: date) == "法定节假日放假"
                key = holiday ? "holiday" : "weekend"
                label = holiday ? "法定节假日" : "周末"
                treatment = "不计入"
            }
            if date < today { countedBeforeToday = counted }
            if let open = run, open.key == key {
                run!.to = date
                if treatment == "计入" { run!.counted += 1 }
                run!.remaining = total - counted
            } else {
                flush()
                run = (key, label, treatment, date, date, treatment == "计入" ? 1 : 0, total - counted)
            }
            if key == "work", date.isWeekend {
                // 调休 make-up days count (statutes §1.4); the line names them so the clerk can check.
                run!.label = run!.label == "工作日" ? "工作日（含调休上班日 \(date)）" : run!.label.dropLast() + "、\(date)）"
            }
            events(on: date)
        }
        flush()
        steps.append(ClockStep(event: "答复期限届满日（\(date.chineseWeekday)）", from: date, remaining: 0))
        // Steps dated after the due date (or before the anchor) still show, in date order.
        for note in notes.sorted(by: { $0.on < $1.on }) where note.on > date || note.on < anchor {
            steps.append(ClockStep(event: note.text, from: note.on, remaining: 0))
        }
        // Like the publication clock, a working day today still counts as left (含今日).
        let remaining = today > date ? 0 : total - countedBeforeToday
        return Walk(due: date, remaining: remaining, steps: steps)
    }
}
