/// Applies the inspection rules to a snapshot of the portal: pure, so every threshold is table-tested.
///
/// statutes §5.2 栏目不更新: a 动态/要闻 column is stale with no item in the 2 weeks before the check,
/// a 通知公告/政策文件 column with none in the 6 months before; ≥5 stale or ≥5 blank columns is a
/// veto. 首页不更新: nothing new in 2 weeks. 互动回应差: a valid message unanswered > 3 months.
public enum WebsiteInspection {
    public static let vetoColumnCount = 5

    public static func findings(
        columns: [ColumnActivity], homeUnit: String, homeLastPublished: CivilDate?, homeSince: CivilDate, messages: [PublicMessage],
        overdue: [OverdueItem], today: CivilDate
    ) -> [InspectionFinding] {
        var found: [InspectionFinding] = []
        var staleByUnit: [String: Int] = [:]
        var blankByUnit: [String: Int] = [:]
        for column in columns {
            let key = "\(column.unitCode)/\(column.column)"
            let name = "栏目「\(column.column)」"
            guard let last = column.lastPublishedOn, column.publishedCount > 0 else {
                found.append(
                    InspectionFinding(
                        rule: .blankColumn, subjectKey: key, unitCode: column.unitCode, subject: name, since: column.createdOn,
                        detail: "栏目自 \(column.createdOn) 设立以来没有发布任何信息"))
                blankByUnit[column.unitCode, default: 0] += 1
                if column.kind != .other { staleByUnit[column.unitCode, default: 0] += 1 }
                continue
            }
            if let since = staleSince(kind: column.kind, lastPublished: last), today >= since {
                let rule: InspectionRule = column.kind == .news ? .staleDynamicColumn : .staleNoticeColumn
                found.append(
                    InspectionFinding(
                        rule: rule, subjectKey: key, unitCode: column.unitCode, subject: name, since: since, detail: "最近一次更新为 \(last)"))
                staleByUnit[column.unitCode, default: 0] += 1
            }
        }
        for (unit, count) in staleByUnit where count >= vetoColumnCount {
            found.append(
                InspectionFinding(
                    rule: .staleColumnsVeto, subjectKey: unit, unitCode: unit, subject: "本单位栏目", since: today,
                    detail: "不更新栏目 \(count) 个（达到 \(vetoColumnCount) 个即单项否决）"))
        }
        for (unit, count) in blankByUnit where count >= vetoColumnCount {
            found.append(
                InspectionFinding(
                    rule: .blankColumnsVeto, subjectKey: unit, unitCode: unit, subject: "本单位栏目", since: today,
                    detail: "空白栏目 \(count) 个（达到 \(vetoColumnCount) 个即单项否决）"))
        }
        let homeStale = (homeLastPublished ?? homeSince.adding(days: -15)).adding(days: 15)
        if today >= homeStale {
            found.append(
                InspectionFinding(
                    rule: .staleHomePage, subjectKey: "home", unitCode: homeUnit, subject: "门户首页", since: max(homeStale, homeSince),
                    detail: homeLastPublished.map { "最近一次发布为 \($0)" } ?? "门户尚未发布任何信息"))
        }
        for message in messages {
            guard let since = message.unansweredSince(today: today) else { continue }
            found.append(
                InspectionFinding(
                    rule: .unansweredMessage, subjectKey: "message:\(message.id)", unitCode: message.unitCode,
                    subject: "留言「\(message.submission.title)」", since: since, detail: "留言于 \(message.submittedOn) 提交，至今未答复"))
        }
        for item in overdue where today > item.due {
            let rule: InspectionRule =
                switch item.kind {
                case .publication: .overduePublication
                case .request: .overdueRequest
                case .complaint: .overdueComplaint
                }
            found.append(
                InspectionFinding(
                    rule: rule, subjectKey: "\(item.id)", unitCode: item.unitCode, subject: item.title, since: item.due.adding(days: 1),
                    detail: "期限 \(item.due)，至今未办结"))
        }
        return found.sorted { ($0.unitCode, $0.rule.rawValue, $0.key) < ($1.unitCode, $1.rule.rawValue, $1.key) }
    }

    /// The first day a column counts as stale after its last item, or nil for columns without an
    /// update frequency (statutes §5.2 names only 动态/要闻 and 通知公告/政策文件).
    public static func staleSince(kind: ColumnKind, lastPublished: CivilDate) -> CivilDate? {
        switch kind {
        case .news: lastPublished.adding(days: 15)
        case .notices, .policies: lastPublished.adding(months: 6).adding(days: 1)
        case .other: nil
        }
    }
}
