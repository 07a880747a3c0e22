extension RequestClock {
    /// The clock of `timeline` on `today`.
    ///
    /// What may move the statutory due date is fixed by the law, and an action taken too late
    /// never moves it (issue 18; every wrong answer here used to favour the agency):
    /// - 补正 (第三十条): the 20 working days restart from the corrected application only when the
    ///   notice went out within 7 working days of receipt. A later notice is still a 补正告知 (the
    ///   applicant must still correct, and not correcting still ends the case), but the agency has
    ///   lost the restart: 第三十条 ties it to a notice given 「自收到申请之日起7个工作日内」, so
    ///   the period keeps running from receipt and the notice is labelled 「逾期告知」.
    /// - Consultations (第三十二条, 第三十四条) and the fee notice (国办函〔2020〕109号: sent
    ///   「在答复期限内」) pause the period only when they begin on or before the due date as it
    ///   stands then (第三十三条第二款); an extension and a 第三十五条 deadline likewise count only
    ///   when decided by then. Each is weighed in date order against the due date the earlier
    ///   accepted ones give, so accepting one can never un-accept another.
    /// - A 补正期限 or 第三十五条 deadline set on a rest day runs to the next working day
    ///   (民法典 第二百零三条, statutes §1.4).
    public static func evaluate(
        _ timeline: RequestTimeline, policy: ClockPolicy = .statutory, calendar: WorkingDayCalendar, today: CivilDate
    ) -> RequestClock {
        let noticeDue = calendar.adding(workingDays: policy.correctionNoticeDays, to: timeline.receivedOn).date
        var steps = [ClockStep(event: "收到申请（收到申请之日不计入，次日起算）", from: timeline.receivedOn, remaining: policy.answerDays)]
        var late: [LateAction] = []
        var notes: [ClockNote] = []
        var anchor = timeline.receivedOn
        var lapse: (outcome: RequestOutcome, on: CivilDate)?
        if let correction = timeline.correction {
            let deadline = calendar.workingDay(onOrAfter: correction.deadline)
            let stated = deadline == correction.deadline ? "\(deadline)" : "\(correction.deadline)（休息日，顺延至 \(deadline)）"
            if timeline.answeredOn == nil, correction.correctedOn == nil, today > deadline {
                lapse = (.correctionNotMade, deadline.adding(days: 1))
            }
            if correction.sentOn <= noticeDue {
                steps.append(ClockStep(event: "发出补正告知书（应于 \(noticeDue) 前发出），补正期限至 \(stated)", from: correction.sentOn, remaining: policy.answerDays))
                guard let corrected = correction.correctedOn else {
                    return RequestClock(
                        status: timeline.answeredOn == nil ? .awaitingCorrection : .answeredOnTime, due: nil, internalTarget: nil,
                        remainingWorkingDays: nil, correctionNoticeDue: noticeDue, consultationWindows: [], feePaymentDue: nil,
                        feePaymentDueProvisional: false,
                        lapsedOutcome: lapse?.outcome, lapsedOn: lapse?.on, overdueWorkingDays: 0, lateActions: [],
                        steps: steps + [
                            ClockStep(
                                event: "等待申请人补正，答复期限自收到补正之日起重新计算（条例第三十条）", from: correction.sentOn, to: max(correction.sentOn, today),
                                treatment: "不计入", remaining: policy.answerDays)
                        ],
                        unconfirmedYears: calendar.unconfirmedYears(from: timeline.receivedOn, to: deadline))
                }
                anchor = corrected
                steps.append(
                    ClockStep(event: "收到补正后的申请，答复期限自次日起重新计算 \(policy.answerDays) 个工作日（条例第三十条）", from: corrected, remaining: policy.answerDays))
            } else {
                late.append(LateAction(kind: .correctionNotice, on: correction.sentOn, label: "逾期告知"))
                notes.append(
                    ClockNote(
                        on: correction.sentOn,
                        text: "发出补正告知书（逾期告知：应于 \(noticeDue) 前发出，条例第三十条），补正期限至 \(stated)；答复期限不重新计算，仍自收到申请之日起算"))
                if let corrected = correction.correctedOn {
                    notes.append(ClockNote(on: corrected, text: "收到补正后的申请（因逾期告知，答复期限不重新计算）"))
                }
            }
        }
        let decided = TimelyActions.decide(timeline, from: anchor, policy: policy, calendar: calendar, today: today)
        late += decided.late
        notes += decided.notes
        let walk = Walk.run(
            from: anchor, allowance: policy.answerDays, extension: decided.granted, pauses: decided.pauses, notes: notes, calendar: calendar,
            today: today)
        steps += walk.steps
        let internalTarget = Walk.run(
            from: anchor, allowance: policy.internalTargetDays, extension: nil, pauses: decided.pauses, calendar: calendar, today: today
        ).due
        var due = walk.due
        var remaining = walk.remaining
        if let custom = decided.customDeadline {
            due = calendar.workingDay(onOrAfter: custom.date)
            remaining = today > due ? 0 : calendar.workingDays(from: today.adding(days: -1), to: due)
            let shifted = due == custom.date ? "" : "（\(custom.date) 为休息日，顺延至 \(due)）"
            steps.append(ClockStep(event: "依条例第三十五条另行确定答复期限：\(custom.reason)\(shifted)", from: due, remaining: remaining))
        }
        let status: Status
        var overdueDays = 0
        if let answered = timeline.answeredOn {
            status = answered <= due ? .answeredOnTime : .answeredLate
            overdueDays = calendar.workingDays(from: due, to: answered)
            steps.append(
                ClockStep(event: answered <= due ? "作出答复（未超过答复期限）" : "作出答复（超过答复期限 \(overdueDays) 个工作日）", from: answered, remaining: 0))
        } else if today > due {
            status = .overdue
            overdueDays = calendar.workingDays(from: due, to: today)
        } else if decided.pauses.contains(where: { $0.isOngoing }) {
            status = .paused
        } else {
            status = .running
        }
        // 109号: the applicant has 20 working days from receiving the notice. Until its delivery is
        // recorded the window is counted from the issue date for display only; it never lapses
        // on that provisional date.
        let fee = timeline.feeNotice.map { calendar.adding(workingDays: policy.feePaymentDays, to: $0.deliveredOn ?? $0.issuedOn).date }
        let feeDelivered = timeline.feeNotice?.deliveredOn != nil
        if lapse == nil, timeline.answeredOn == nil, let fee, feeDelivered, timeline.feeNotice?.paidOn == nil, today > fee {
            lapse = (.feeNotPaid, fee.adding(days: 1))
        }
        if let notice = timeline.feeNotice, let fee, notice.paidOn == nil, timeline.answeredOn == nil {
            let basis =
                feeDelivered
                ? "自收到收费通知（\(notice.deliveredOn!)）次日起 \(policy.feePaymentDays) 个工作日"
                : "暂按发出日 \(notice.issuedOn) 推算；登记收费通知送达日期后自收到次日起重新计算，此前不因逾期终止"
            steps.append(ClockStep(event: "缴费期限至 \(fee)（\(basis)，国办函〔2020〕109号）", from: fee, remaining: remaining))
        }
        return RequestClock(
            status: status, due: due, internalTarget: timeline.customDeadline == nil ? internalTarget : nil,
            remainingWorkingDays: timeline.answeredOn == nil ? remaining : nil, correctionNoticeDue: noticeDue,
            consultationWindows: timeline.consultations.filter { $0.answeredOn == nil }.map {
                calendar.adding(workingDays: policy.consultationDays, to: $0.windowAnchor).date
            },
            feePaymentDue: timeline.feeNotice?.paidOn == nil ? fee : nil,
            feePaymentDueProvisional: timeline.feeNotice != nil && !feeDelivered, lapsedOutcome: lapse?.outcome, lapsedOn: lapse?.on,
            overdueWorkingDays: overdueDays, lateActions: late.sorted { $0.on < $1.on }, steps: steps,
            unconfirmedYears: calendar.unconfirmedYears(from: timeline.receivedOn, to: max(due, today)))
    }
}
