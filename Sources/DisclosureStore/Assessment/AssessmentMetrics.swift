import DisclosureCore
import Foundation
import SQLKit

/// Computes issue 7 §3's automatic metrics for one unit and campaign year from the platform's own
/// records, each with the records behind it so the unit can check: work records (issue 5), the
/// publication clock (条例 第二十六条), request answers against the statutory clock (第三十三条),
/// 复议/诉讼 results, complaint and message replies, monitoring findings, and last year's annual
/// report against 第四十九条's dates. Counted "as of" the earlier of today and 31 December.
public struct AssessmentMetrics: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    public func values(unit: String, year: Int) async throws -> [AssessmentMetric: MetricValue] {
        let db = database.sql
        let today = CivilDate(instant: clock.now())
        let asOf = min(today, CivilDate(year: year, month: 12, day: 31)!)
        let calendar = try await CalendarService(database: database, clock: clock).calendar()
        var values: [AssessmentMetric: MetricValue] = [:]
        func set(_ metric: AssessmentMetric, _ fact: IndicatorFact, _ evidence: [String]) {
            values[metric] = MetricValue(metric: metric, fact: fact, evidence: evidence.isEmpty ? ["本年没有相关记录"] : evidence)
        }

        // Work records (issue 5 §3).
        let records = try await WorkRecordRepository(db).list(units: [unit], year: year).filter { $0.date <= asOf }
        let counted: [(AssessmentMetric, WorkRecordKind)] = [
            (.leadershipMeetings, .leadershipMeeting), (.trainings, .training), (.disciplineInspections, .disciplineInspection),
            (.officeInspections, .officeInspection), (.openDays, .openDay),
        ]
        for (metric, kind) in counted {
            let matching = records.filter { $0.kind == kind }
            set(metric, .count(matching.count), matching.map { "\($0.date) \(kind.label)「\($0.title)」" })
        }
        let submitted: [(AssessmentMetric, WorkRecordKind)] = [
            (.selfInspectionReport, .selfInspection), (.halfYearSummary, .halfYearSummary), (.statisticalReturns, .statisticalReturn),
        ]
        for (metric, kind) in submitted {
            let matching = records.filter { $0.kind == kind }
            let lines = matching.map { record in
                "\(record.date) 报送「\(record.title)」（规定 \(record.dueOn?.description ?? "—") 前，\(record.onTime == false ? "逾期" : "按时")）"
            }
            let met = !matching.isEmpty && matching.allSatisfy { $0.onTime != false }
            set(metric, .met(met), matching.isEmpty ? ["本年未报送\(kind.label)"] : lines)
        }

        // 条例 第二十六条: 20 working days from forming.
        // Unpublished documents past their due date count as late (issue 18), not as absent.
        let tally = try await TimelinessWatch(database: database, clock: clock).tally(year: year, units: [unit], asOf: asOf)
        let due = tally.rows.reduce(0) { $0 + $1.counted }
        let late = tally.rows.reduce(0) { $0 + $1.late }
        let unpublished = tally.rows.reduce(0) { $0 + $1.unpublishedOverdue }
        let rate = due == 0 ? Decimal(1) : Decimal.rounded(Decimal(due - late) / Decimal(due), scale: 4)
        set(
            .publicationTimeliness, .rate(rate),
            due == 0
                ? ["本年没有应已公开的主动公开信息，按 100% 计"]
                : ["本年形成、应已公开 \(due) 条，其中超过时限公开 \(late - unpublished) 条、超过时限仍未公开 \(unpublished) 条"]
                    + tally.rows.filter { $0.late > 0 }.map {
                        "\($0.month)月：应已公开 \($0.counted) 条，超期 \($0.late) 条（其中未公开 \($0.unpublishedOverdue) 条）"
                    })

        // 条例 第三十三条: answered late, or open and overdue today.
        var lateRequests: [String] = []
        for request in try await RequestRepository(db).list(units: [unit], limit: 100_000) {
            guard let requestClock = request.clock(policy: .statutory, calendar: calendar, today: asOf) else { continue }
            switch requestClock.status {
            case .answeredLate where request.answeredOn?.year == year:
                lateRequests.append("申请 \(request.reference)：\(request.answeredOn!) 答复，法定期限 \(requestClock.due?.description ?? "—")")
            case .overdue:
                lateRequests.append("申请 \(request.reference)：已超过法定期限 \(requestClock.due?.description ?? "—")，尚未答复")
            default: break
            }
        }
        set(.lateRequestAnswers, .incidents(lateRequests.count), lateRequests)

        // 复议 / 诉讼 decided against the unit in the year.
        let corrected = try await db.select().column(SQLColumn("reference", table: "requests")).column(SQLColumn("kind", table: "appeals"))
            .column(SQLColumn("decided_on", table: "appeals"))
            .from("appeals").join("requests", on: SQLColumn("request_id", table: "appeals"), .equal, SQLColumn("id", table: "requests"))
            .where(SQLColumn("unit_code", table: "requests"), .equal, SQLBind(unit))
            .where(SQLColumn("result", table: "appeals"), .equal, SQLBind(AppealResult.corrected.rawValue))
            .where(SQLColumn("decided_on", table: "appeals"), .greaterThanOrEqual, SQLBind("\(year)-01-01"))
            .where(SQLColumn("decided_on", table: "appeals"), .lessThanOrEqual, SQLBind(asOf.description))
            .all()
            .map { row in
                let kind = AppealKind(rawValue: try row.decode(column: "kind", as: String.self))?.rawValue ?? "复议或诉讼"
                return
                    "申请 \(try row.decode(column: "reference", as: String.self)) 的\(kind)：\(try row.decode(column: "decided_on", as: String.self)) 结果纠正"
            }
        set(.correctedAppeals, .incidents(corrected.count), corrected)

        // Complaints received in the year, answered late or overdue now.
        let policy = try await SupervisionSettings.policy(on: db)
        let lateComplaints = try await ComplaintRepository(db).list(units: [unit], limit: 100_000).compactMap { complaint -> String? in
            guard complaint.receivedOn.year == year else { return nil }
            let deadline = complaint.deadline(policy: policy, calendar: calendar, today: asOf)
            guard deadline.status == .overdue || deadline.status == .answeredLate else { return nil }
            return "投诉 \(complaint.reference)：办理期限 \(deadline.due)，\(deadline.status.label)"
        }
        set(.overdueComplaints, .incidents(lateComplaints.count), lateComplaints)

        // Messages left unanswered for more than 3 months (statutes §5.2).
        let unanswered = try await MessageRepository(db).list(units: [unit], states: [.accepted, .answered], limit: 100_000).compactMap {
            message -> String? in
            let limit = message.submittedOn.adding(months: 3)
            let end = message.answeredOn ?? asOf
            guard end > limit, end.year == year || (message.answeredOn == nil && limit < asOf) else { return nil }
            return "留言「\(message.submission.title)」\(message.submittedOn) 提交，"
                + (message.answeredOn.map { "\($0) 才答复" } ?? "至 \(asOf) 仍未答复")
        }
        set(.unansweredMessages, .incidents(unanswered.count), unanswered)

        // Information moved into 主动公开 from requests and published this year (条例 第四十四条).
        let fromRequests = try await db.select().column("id").column("title").column("published_on").from("documents")
            .where("unit_code", .equal, unit).where("state", .equal, DocumentState.published.rawValue)
            .where("published_on", .greaterThanOrEqual, "\(year)-01-01").where("published_on", .lessThanOrEqual, asOf.description)
            .where(SQLIdentifier("id"), .in, SQLGroupExpression(db.select().column("document_id").from("request_publications").query))
            .orderBy("published_on").all()
            .map { "\(try $0.decode(column: "published_on", as: String.self)) 发布「\(try $0.decode(column: "title", as: String.self))」" }
        set(.publishingFromRequests, .count(fromRequests.count), fromRequests)

        // Website monitoring findings open at some point in the year.
        let findings = try await FindingRepository(db).history(year: year, units: [unit])
        let ordinary = findings.filter { !$0.rule.isVeto }
        let vetoes = findings.filter(\.rule.isVeto)
        set(.monitoringFindings, .incidents(ordinary.count), ordinary.map { "\($0.openedOn) \($0.rule.title)：\($0.subject)" })
        set(.monitoringVeto, .veto(!vetoes.isEmpty), vetoes.map { "\($0.openedOn) \($0.rule.title)：\($0.subject)" })

        // Last year's annual report, due in this year (条例 第四十九条).
        let tree = try await UnitRepository(db).tree()
        if let kind = tree.units[unit]?.kind {
            let record = try await AnnualReportRepository(db).find(unit: unit, year: year - 1)
            let deadlines = ReportDeadlines.for(year: year - 1, unitKind: kind)
            // The county government publishes without filing (第四十九条): its filing date is its publication.
            let filed = record?.filedOn ?? record?.publishedOn
            let filingDue = deadlines.filing ?? deadlines.publication
            let filingLate = ReportDeadlines.daysLate(due: filingDue, done: filed, today: asOf)
            let publicationLate = ReportDeadlines.daysLate(due: deadlines.publication, done: record?.publishedOn, today: asOf)
            func line(_ verb: String, _ done: CivilDate?, _ due: CivilDate, _ daysLate: Int) -> String {
                "\(year - 1)年度报告应于 \(due) 前\(verb)，" + (done.map { "\($0) \(verb)" } ?? "尚未\(verb)") + (daysLate > 0 ? "，逾期 \(daysLate) 天" : "")
            }
            set(.annualReportFiledOnTime, .met(filed != nil && filingLate == 0), [line("报送", filed, filingDue, filingLate)])
            set(
                .annualReportPublishedOnTime, .met(record?.publishedOn != nil && publicationLate == 0),
                [line("公开", record?.publishedOn, deadlines.publication, publicationLate)])
        }
        return values
    }

    /// The facts a scheme's metric leaves take from `values`.
    public static func facts(for scheme: AssessmentScheme, from values: [AssessmentMetric: MetricValue]) -> AssessmentFacts {
        var facts = AssessmentFacts()
        for leaf in scheme.leaves {
            guard let name = leaf.rule?.metric, let metric = AssessmentMetric(rawValue: name), let value = values[metric] else { continue }
            facts[leaf.id] = value.fact
        }
        return facts
    }
}
