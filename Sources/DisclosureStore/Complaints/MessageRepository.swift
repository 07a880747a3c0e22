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

    public func update(_ id: Int, at now: Date, _ values: [String: (any Encodable & Sendable)?]) async throws {
        try await db.updateRow("messages", id: id, at: now, values)
    }

    static func decode(_ row: any SQLRow) throws -> PublicMessage {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func date(_ column: String) throws -> CivilDate? { try optional(column).flatMap(CivilDate.init(iso:)) }
        let submission = MessageSubmission(
            unitCode: try text("unit_code"), title: try text("title"), content: try text("content"), authorName: try text("author_name"),
            phone: try text("phone"), email: try text("email"))
        var file: StoredFile?
        if let sha = try optional("file_sha256") {
            file = StoredFile(
                name: try optional("file_name") ?? "附件", mediaType: try optional("file_type") ?? "application/octet-stream", sha256: sha,
                size: try row.decode(column: "file_size", as: Int?.self) ?? 0)
        }
        return PublicMessage(
            id: try row.decode(column: "id", as: Int.self), submission: submission,
            submittedOn: try date("submitted_on") ?? CivilDate(year: 1970, month: 1, day: 1)!,
            state: MessageState(rawValue: try text("state")) ?? .pending,
            rejection: try optional("rejection").flatMap(MessageRejection.init(rawValue:)),
            rejectionNote: try text("rejection_note"), acceptedOn: try date("accepted_on"), replyText: try text("reply_text"),
            repliedBy: try optional("replied_by"), answeredOn: try date("answered_on"), attachment: file)
    }
}
