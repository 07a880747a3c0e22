import DisclosureCore
import Foundation
import SQLKit

/// The inspection half of `disclosure monitor run` (issue 5 §4): takes a snapshot of the portal's
/// columns, messages and every clock, applies `WebsiteInspection`, and opens and closes findings so
/// that they follow the data by themselves. Overdue complaints are escalated to the office here too.
public struct SupervisionMonitor: Sendable {
    let database: Database
    let clock: any WallClock
    let requestPolicy: ClockPolicy

    public init(database: Database, clock: any WallClock, requestPolicy: ClockPolicy = .statutory) {
        self.database = database
        self.clock = clock
        self.requestPolicy = requestPolicy
    }

    public struct Summary: Equatable, Sendable {
        public var opened = 0
        public var closed = 0
        public var open = 0
        public var escalated = 0
    }

    /// Everything the rules see, and what they find, for one day.
    public struct Snapshot: Sendable {
        public let today: CivilDate
        public let findings: [InspectionFinding]
        public let overdue: [OverdueItem]
        public let complaints: [Complaint]
        public let messages: [PublicMessage]
    }

    public func snapshot() async throws -> Snapshot {
        let db = database.sql
        let today = CivilDate(instant: clock.now())
        let calendar = try await CalendarService(database: database, clock: clock).calendar()
        let units = try await UnitRepository(db).all()
        let codes = units.map(\.code)
        let policy = try await SupervisionSettings.policy(on: db)
        var overdue: [OverdueItem] = []
        for flag in try await TimelinessWatch(database: database, clock: clock).flags(units: nil, today: today)
        where flag.document.state != .published && flag.timeliness.due.date < today {
            overdue.append(
                OverdueItem(
                    kind: .publication, id: flag.document.id, unitCode: flag.document.unitCode, title: "信息「\(flag.document.title)」",
                    due: flag.timeliness.due.date))
        }
        for request in try await RequestRepository(db).list(units: codes, openOnly: true, limit: 100_000) {
            guard let requestClock = request.clock(policy: requestPolicy, calendar: calendar, today: today), requestClock.status == .overdue,
                let due = requestClock.due
            else { continue }
            overdue.append(
                OverdueItem(kind: .request, id: request.id, unitCode: request.application.unitCode, title: "申请 \(request.reference)", due: due))
        }
        let complaints = try await ComplaintRepository(db).list(units: codes, openOnly: true, limit: 100_000)
        for complaint in complaints {
            let deadline = complaint.deadline(policy: policy, calendar: calendar, today: today)
            if deadline.status == .overdue {
                overdue.append(
                    OverdueItem(
                        kind: .complaint, id: complaint.id, unitCode: complaint.unitCode, title: "投诉 \(complaint.reference)", due: deadline.due))
            }
        }
        let messages = try await MessageRepository(db).list(units: nil, states: [.accepted], limit: 100_000)
        let activity = PortalActivity(db)
        let root = units.first { $0.parentCode == nil }?.code ?? "XZF"
        let findings = WebsiteInspection.findings(
            columns: try await activity.columns(), homeUnit: root, homeLastPublished: try await activity.lastPublished(),
            homeSince: try await activity.firstDay() ?? today, messages: messages, overdue: overdue, today: today)
        return Snapshot(today: today, findings: findings, overdue: overdue, complaints: complaints, messages: messages)
    }

    public func run() async throws -> Summary {
        let units = try await UnitRepository(database.sql).all()
        let root = units.first { $0.parentCode == nil }?.code ?? "XZF"
        var summary = Summary()
        summary.escalated = try await ComplaintService(database: database, clock: clock).escalateOverdue(officeUnit: root)
        let snapshot = try await snapshot()
        let now = clock.now()
        let (opened, closed) = try await database.change(by: .system, at: now) { db in
            let repository = FindingRepository(db)
            let current = Dictionary(snapshot.findings.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let open = try await repository.open()
            let openKeys = Set(open.map(\.key))
            var closed = 0
            // Personal-data findings follow their own daily watch (`PrivacyWatch`).
            for finding in open where finding.rule != .personalDataPublished {
                if let still = current[finding.key] {
                    if still.detail != finding.detail || still.subject != finding.subject {
                        try await repository.refresh(finding.id, detail: still.detail, subject: still.subject)
                    }
                } else {
                    try await repository.close(finding.id, on: snapshot.today)
                    closed += 1
                }
            }
            var opened = 0
            for finding in snapshot.findings where !openKeys.contains(finding.key) {
                try await repository.insert(finding, on: snapshot.today)
                opened += 1
            }
            return (
                (opened, closed),
                AuditEvent("monitor.run", target: "findings", ["opened": "\(opened)", "closed": "\(closed)", "open": "\(snapshot.findings.count)"])
            )
        }
        summary.opened = opened
        summary.closed = closed
        summary.open = snapshot.findings.count
        return summary
    }
}
