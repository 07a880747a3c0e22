import DisclosureCore
import Foundation
import SQLKit

/// The message queue as staff see it (issue 24 §1): what was sent, what waits and what failed
/// with the server's words, in the viewer's scope; a failed message sent again; the office's
/// settings and test message. Applicants' and subscribers' addresses are masked here: the log
/// is for knowing whether a message went, not for reading citizens' contact details.
public struct DeliveryService: Sendable {
    let database: Database
    let clock: any WallClock

    public init(database: Database, clock: any WallClock) {
        self.database = database
        self.clock = clock
    }

    public struct Entry: Sendable {
        public let delivery: Delivery
        /// The recipient as the viewer may see it.
        public let recipient: String
        public let canResend: Bool
    }

    public func recent(visibleTo staff: StaffIdentity, status: DeliveryStatus?, limit: Int = 200) async throws -> [Entry] {
        let tree = try await UnitRepository(database.sql).tree()
        let units = staff.unitsInScope(of: tree)
        return try await DeliveryQueue(database.sql).recent(units: units, status: status, limit: limit).map { Self.entry($0, for: staff, tree: tree) }
    }

    public func counts(visibleTo staff: StaffIdentity) async throws -> [DeliveryStatus: Int] {
        let tree = try await UnitRepository(database.sql).tree()
        return try await DeliveryQueue(database.sql).counts(units: staff.unitsInScope(of: tree))
    }

    /// Deliveries of the given letters, for the case page.
    public func forLetters(_ ids: [Int]) async throws -> [Delivery] {
        try await DeliveryQueue(database.sql).forLetters(ids)
    }

    static func shown(_ message: OutgoingDelivery) -> String {
        switch message.purpose {
        case .staffReminder, .test: message.recipient
        case .applicantLetter, .answer, .subscription:
            message.channel == .email ? PersonalDataMask.email(message.recipient) : PersonalDataMask.phone(message.recipient)
        }
    }

    static func mayResend(_ staff: StaffIdentity, unit: String, tree: UnitTree) -> Bool {
        staff.role == .office || ([.editor, .reviewer].contains(staff.role) && staff.canHandle(unit: unit, in: tree))
    }

    /// Queues a failed message again, with its retries renewed.
    public func resend(_ id: Int, by staff: StaffIdentity) async throws {
        let tree = try await UnitRepository(database.sql).tree()
        guard let delivery = try await DeliveryQueue(database.sql).find(id), staff.canSee(unit: delivery.message.unitCode, in: tree) else {
            throw DomainError(.notFound, field: "delivery", "消息 \(id) 不存在")
        }
        guard Self.mayResend(staff, unit: delivery.message.unitCode, tree: tree) else {
            throw DomainError(.forbidden, field: "role", "只有本单位经办人、审核人或县政务公开办可以重新发送")
        }
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            guard try await DeliveryQueue(db).resend(id, at: now) else { throw DomainError(.conflict, field: "delivery", "只有发送失败的消息可以重新发送") }
            return ((), AuditEvent("delivery.resend", target: "delivery:\(id)", ["channel": delivery.message.channel.rawValue]))
        }
    }

    /// The office queues a test message; the sender takes it within seconds.
    public func queueTest(to recipient: String, by staff: StaffIdentity) async throws -> Int {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "role", "只有县政务公开办可以发送测试消息") }
        let id = try await DeliveryQueue.queueTest(to: recipient, on: database, at: clock.now())
        try await database.change(by: .staff(staff), at: clock.now()) { _ in ((), AuditEvent("delivery.test", target: "delivery:\(id)")) }
        return id
    }

    public func find(_ id: Int, visibleTo staff: StaffIdentity) async throws -> Entry? {
        let tree = try await UnitRepository(database.sql).tree()
        guard let delivery = try await DeliveryQueue(database.sql).find(id), staff.canSee(unit: delivery.message.unitCode, in: tree) else {
            return nil
        }
        return Self.entry(delivery, for: staff, tree: tree)
    }

    static func entry(_ delivery: Delivery, for staff: StaffIdentity, tree: UnitTree) -> Entry {
        Entry(
            delivery: delivery, recipient: shown(delivery.message),
            canResend: delivery.status == .failed && mayResend(staff, unit: delivery.message.unitCode, tree: tree))
    }
}
