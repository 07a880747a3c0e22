import DisclosureCore
import Foundation
import SQLKit

/// Named queries over `messages`.
public struct MessageRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(_ submission: MessageSubmission, on day: CivilDate, file: StoredFile?, at now: Date) async throws -> Int {
        let stamp = Timestamp.text(now)
        let columns: [(String, any Encodable & Sendable)] = [
            ("unit_code", submission.unitCode), ("title", submission.title), ("content", submission.content), ("author_name", submission.authorName),
            ("phone", submission.phone), ("email", submission.email), ("submitted_on", day.description), ("state", MessageState.pending.rawValue),
            ("rejection_note", ""), ("reply_text", ""), ("file_name", file?.name), ("file_type", file?.mediaType), ("file_sha256", file?.sha256),
            ("file_size", file?.size), ("created_at", stamp), ("updated_at", stamp),
        ]
        return try await db.insertReturningID(into: "messages", columns, failure: "留言保存失败")
    }

    public func find(_ id: Int) async throws -> PublicMessage? {
        try await db.select().column("*").from("messages").where("id", .equal, id).first().map(Self.decode)
    }

    /// Messages of the units (nil: all) in the given states, newest first.
    public func list(units: [String]?, states: [MessageState], limit: Int = 500, offset: Int = 0) async throws -> [PublicMessage] {
        var query = db.select().column("*").from("messages").where("state", .in, states.map(\.rawValue))
        if let units {
            guard !units.isEmpty else { return [] }
            query = query.where("unit_code", .in, units)
        }
        return try await query.orderBy("id", .descending).limit(limit).offset(offset).all().map(Self.decode)
    }

    /// Writes the moderation and answer columns of a message, with who moderated it when that
    /// changes (the portal never shows it; the audit log records it too).
    public func save(_ message: PublicMessage, moderatedBy: String? = nil, at now: Date) async throws {
        var update = try db.update(MessageRow.table).set(model: MessageRow.Handling(message, at: now), with: MessageRow.encoder)
        if let moderatedBy { update = update.set("moderated_by", to: moderatedBy) }
        try await update.where("id", .equal, message.id).run()
    }

    static func decode(_ row: any SQLRow) throws -> PublicMessage { try MessageRow.read(row).message }
}

/// A row of `messages` as read (the insert names its columns where it writes them).
struct MessageRow: StoredRow {
    static let table = "messages"

    var id: Int
    var unitCode: String
    var title: String
    var content: String
    var authorName: String
    var phone: String
    var email: String
    var submittedOn: CivilDate
    var state: MessageState
    var rejection: MessageRejection?
    var rejectionNote: String
    var acceptedOn: CivilDate?
    var replyText: String
    var repliedBy: String?
    var answeredOn: CivilDate?
    var fileName: String?
    var fileType: String?
    var fileSha256: String?
    var fileSize: Int?

    /// What changes after a message is submitted: moderation and the answer.
    struct Handling: Encodable {
        /// Saved too: the office may mask personal data in them when accepting (issue 23 §3).
        var title: String
        var content: String
        var state: MessageState
        var rejection: MessageRejection?
        var rejectionNote: String
        var acceptedOn: CivilDate?
        var replyText: String
        var repliedBy: String?
        var answeredOn: CivilDate?
        var updatedAt: String

        init(_ message: PublicMessage, at now: Date) {
            title = message.submission.title
            content = message.submission.content
            state = message.state
            rejection = message.rejection
            rejectionNote = message.rejectionNote
            acceptedOn = message.acceptedOn
            replyText = message.replyText
            repliedBy = message.repliedBy
            answeredOn = message.answeredOn
            updatedAt = Timestamp.text(now)
        }
    }

    var message: PublicMessage {
        let file = StoredFile.stored(name: fileName, type: fileType, sha256: fileSha256, size: fileSize)
        return PublicMessage(
            id: id,
            submission: MessageSubmission(unitCode: unitCode, title: title, content: content, authorName: authorName, phone: phone, email: email),
            submittedOn: submittedOn, state: state, rejection: rejection, rejectionNote: rejectionNote, acceptedOn: acceptedOn, replyText: replyText,
            repliedBy: repliedBy, answeredOn: answeredOn, attachment: file)
    }
}
