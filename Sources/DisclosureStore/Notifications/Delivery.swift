import DisclosureCore
import Foundation

/// What a message carries besides its text, named rather than copied: the files are read when
/// the message is sent, so the queue never holds a second copy of a letter or a released file.
public enum DeliveryAttachment: Codable, Equatable, Sendable {
    /// An issued 告知书, sent as the Word file the case page offers.
    case letter(Int)
    /// A file a reply releases (`request_files`).
    case requestFile(Int)
}

/// A message to queue (issue 24 §1).
public struct OutgoingDelivery: Equatable, Sendable {
    /// One message per event, recipient and channel: queueing the same key again does nothing.
    public var key: String
    public var purpose: DeliveryPurpose
    public var channel: DeliveryChannel
    public var recipient: String
    public var recipientLabel: String
    public var unitCode: String
    public var requestID: Int?
    public var letterID: Int?
    public var subject: String
    public var body: String
    public var attachments: [DeliveryAttachment]
    /// Extra e-mail headers, e.g. List-Unsubscribe on a digest (RFC 8058).
    public var headers: [String: String]

    public init(
        key: String, purpose: DeliveryPurpose, channel: DeliveryChannel, recipient: String, recipientLabel: String, unitCode: String,
        requestID: Int? = nil, letterID: Int? = nil, subject: String, body: String, attachments: [DeliveryAttachment] = [],
        headers: [String: String] = [:]
    ) {
        self.key = key
        self.purpose = purpose
        self.channel = channel
        self.recipient = recipient
        self.recipientLabel = recipientLabel
        self.unitCode = unitCode
        self.requestID = requestID
        self.letterID = letterID
        self.subject = subject
        self.body = body
        self.attachments = attachments
        self.headers = headers
    }
}

/// A queued message as stored.
public struct Delivery: Equatable, Sendable {
    public let id: Int
    public let message: OutgoingDelivery
    public let status: DeliveryStatus
    public let attempts: Int
    public let nextAttemptAt: Date
    public let lastError: String?
    /// The server's or gateway's answer to the successful attempt.
    public let answer: String?
    public let sentAt: Date?
    public let createdAt: Date
}

/// A row of `deliveries`.
struct DeliveryRow: StoredRow {
    static let table = "deliveries"

    var id: Int?
    var key: String
    var purpose: DeliveryPurpose
    var channel: DeliveryChannel
    var recipient: String
    var recipientLabel: String
    var unitCode: String
    var requestId: Int?
    var letterId: Int?
    var subject: String
    var body: String
    var attachments: String
    var status: DeliveryStatus
    var attempts: Int
    var nextAttemptAt: String
    var claimedBy: String?
    var claimedUntil: String?
    var lastError: String?
    var answer: String?
    var sentAt: String?
    var createdAt: String
    /// Migration 0022: JSON of the extra headers, empty for none.
    var headers: String?

    init(_ message: OutgoingDelivery, next: Date, at now: Date) throws {
        key = message.key
        purpose = message.purpose
        channel = message.channel
        recipient = message.recipient
        recipientLabel = message.recipientLabel
        unitCode = message.unitCode
        requestId = message.requestID
        letterId = message.letterID
        subject = message.subject
        body = message.body
        attachments = String(decoding: try JSONEncoder().encode(message.attachments), as: UTF8.self)
        headers = message.headers.isEmpty ? "" : String(decoding: try JSONEncoder().encode(message.headers), as: UTF8.self)
        status = .queued
        attempts = 0
        nextAttemptAt = Timestamp.text(next)
        createdAt = Timestamp.text(now)
    }

    func delivery() throws -> Delivery {
        let id = id ?? 0
        func instant(_ text: String, _ column: String) throws -> Date {
            try CorruptRow.timestamp(text, table: Self.table, column: column, id: "\(id)")
        }
        guard let listed = try? JSONDecoder().decode([DeliveryAttachment].self, from: Data(attachments.utf8)) else {
            throw CorruptRow(table: Self.table, column: "attachments", id: "\(id)", reason: "附件列表无法读取")
        }
        let message = OutgoingDelivery(
            key: key, purpose: purpose, channel: channel, recipient: recipient, recipientLabel: recipientLabel, unitCode: unitCode,
            requestID: requestId, letterID: letterId, subject: subject, body: body, attachments: listed,
            headers: (headers?.isEmpty ?? true) ? [:] : (try? JSONDecoder().decode([String: String].self, from: Data((headers ?? "").utf8))) ?? [:])
        return Delivery(
            id: id, message: message, status: status, attempts: attempts, nextAttemptAt: try instant(nextAttemptAt, "next_attempt_at"),
            lastError: lastError, answer: answer, sentAt: try sentAt.map { try instant($0, "sent_at") },
            createdAt: try instant(createdAt, "created_at"))
    }
}
