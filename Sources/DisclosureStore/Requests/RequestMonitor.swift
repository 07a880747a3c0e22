import DisclosureCore
import Foundation
import SQLKit

/// The daily watch over open requests (`disclosure monitor run`): ends cases whose 补正 or payment
/// deadline passed, and records reminders in the outbox, once per case, kind and day.
public struct RequestMonitor: Sendable {
    let service: RequestService
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock, policy: ClockPolicy = .statutory) {
        self.service = RequestService(database: database, clock: clock, policy: policy)
        self.database = database
        self.clock = clock
    }

    public struct Summary: Equatable, Sendable {
        public var closed = 0
        public var reminders = 0
        public var open = 0
    }

    public func run() async throws -> Summary {
        let now = clock.now()
        let today = CivilDate(instant: now)
        let calendar = try await service.calendar()
        let units = try await UnitRepository(database.sql).all().map(\.code)
        var summary = Summary()
        for request in try await RequestRepository(database.sql).list(units: units, openOnly: true, limit: 100_000) {
            summary.open += 1
            let clock = request.clock(policy: service.policy, calendar: calendar, today: today)
            if clock?.lapsedOutcome != nil, RequestAction.closeLapsed.from.contains(request.state) {
                if try await service.closeLapsed(request.id, by: .system) != nil { summary.closed += 1 }
                continue
            }
            guard let reminder = Self.reminder(for: request, clock: clock, today: today) else { continue }
            let key = "request:\(request.id):\(reminder.kind):\(today)"
            let inserted = try await Outbox(database.unaudited).record(
                key: key, unit: request.application.unitCode, requestID: request.id, subject: reminder.subject, body: reminder.body,
                path: "/staff/requests/\(request.id)", at: now)
            if inserted { summary.reminders += 1 }
        }
        return summary
    }

    /// The reminder a case needs today, if any: awaiting confirmation, overdue, or due within 3 working days.
    static func reminder(for request: InformationRequest, clock: RequestClock?, today: CivilDate) -> (kind: String, subject: String, body: String)? {
        let title = "\(request.reference)（\(request.application.infoTitle.prefix(30))）"
        guard let clock else {
            return ("confirm", "待确认：\(title)", "网上等渠道提交的申请尚未确认收到；收到申请之日以双方确认之日为准（条例第三十一条）。")
        }
        // The payment window runs from the applicant's receipt (109号); without a recorded delivery
        // the case can never lapse, so the clerk is asked for the date once the provisional window is over.
        if clock.feePaymentDueProvisional, let provisional = clock.feePaymentDue, today > provisional {
            return (
                "fee-delivery", "请登记送达：\(title)",
                "收费通知的送达日期尚未登记。缴费期限自申请人收到收费通知次日起计算（暂按发出日推算为 \(provisional)），登记送达后方能确定是否逾期未缴费。"
            )
        }
        guard let due = clock.due else { return nil }
        switch clock.status {
        case .overdue: return ("overdue", "已超期：\(title)", "答复期限 \(due) 已过，尚未答复。")
        case .running where (clock.remainingWorkingDays ?? 99) <= 3:
            return ("due-soon", "即将到期：\(title)", "答复期限 \(due)，剩余 \(clock.remainingWorkingDays ?? 0) 个工作日（含今日）。")
        default: return nil
        }
    }
}

/// Reminders: each is kept here once per key (the console lists them) and becomes messages to the
/// people who act on it, queued for sending in the same transaction (issue 24 §1).
public struct Outbox: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public struct Message: Equatable, Sendable {
        public let id: Int
        public let unitCode: String
        public let requestID: Int?
        public let subject: String
        public let body: String
        public let createdAt: String
    }

    /// Inserts unless the key exists; returns whether it was new.
    /// `audience`: the roles in `unit` whose people receive it; `path`: the page to act on.
    public func record(
        key: String, unit: String, requestID: Int?, subject: String, body: String, audience: [Role] = [.editor, .reviewer], path: String? = nil,
        at now: Date
    ) async throws -> Bool {
        let exists = try await db.select().column("id").from("outbox").where("key", .equal, key).first() != nil
        guard !exists else { return false }
        try await db.insert(into: "outbox").columns("key", "unit_code", "request_id", "subject", "body", "created_at")
            .values(SQLBind(key), SQLBind(unit), SQLBind(requestID), SQLBind(subject), SQLBind(body), SQLBind(Timestamp.text(now)))
            .ignoringConflicts(with: ["key"]).run()
        try await StaffReminders(db).queue(
            key: key, unit: unit, roles: audience, requestID: requestID, subject: subject, body: body, path: path, at: now)
        return true
    }

    public func recent(units: [String], limit: Int = 50) async throws -> [Message] {
        guard !units.isEmpty else { return [] }
        return try await OutboxRow.all(
            db.select().column("*").from(OutboxRow.table).where("unit_code", .in, units).orderBy("id", .descending).limit(limit)
        )
        .map(\.message)
    }
}

/// A row of `outbox` as read.
struct OutboxRow: StoredRow {
    static let table = "outbox"

    var id: Int
    var unitCode: String
    var requestId: Int?
    var subject: String
    var body: String
    var createdAt: String

    var message: Outbox.Message {
        Outbox.Message(id: id, unitCode: unitCode, requestID: requestId, subject: subject, body: body, createdAt: createdAt)
    }
}
