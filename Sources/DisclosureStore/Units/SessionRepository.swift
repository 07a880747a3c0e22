import DisclosureCore
import Foundation
import SQLKit

/// Staff sessions in the database, so several server processes share them (DESIGN §8).
public struct SessionRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func create(tokenHash: String, userID: Int, at now: Date, expires: Date) async throws {
        try await db.insert(into: "staff_sessions").columns("token_hash", "user_id", "created_at", "expires_at")
            .values(SQLBind(tokenHash), SQLBind(userID), SQLBind(Timestamp.text(now)), SQLBind(Timestamp.text(expires)))
            .run()
    }

    /// The active account behind an unexpired session.
    public func account(tokenHash: String, now: Date) async throws -> StaffAccount? {
        let row = try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("u"))).from(
            SQLAlias(SQLIdentifier("staff_sessions"), as: SQLIdentifier("s"))
        )
        .join(
            SQLAlias(SQLIdentifier("staff_users"), as: SQLIdentifier("u")), on: SQLColumn("user_id", table: "s"), .equal, SQLColumn("id", table: "u")
        )
        .where(SQLColumn("token_hash", table: "s"), .equal, SQLBind(tokenHash))
        .where(SQLColumn("expires_at", table: "s"), .greaterThan, SQLBind(Timestamp.text(now)))
        .where(SQLColumn("active", table: "u"), .equal, SQLBind(true))
        .first()
        return try row.map { try StaffUserRow.read($0).account() }
    }

    public func delete(tokenHash: String) async throws {
        try await db.delete(from: "staff_sessions").where("token_hash", .equal, tokenHash).run()
    }

    public func deleteAll(userID: Int) async throws {
        try await db.delete(from: "staff_sessions").where("user_id", .equal, userID).run()
    }

    public func deleteExpired(now: Date) async throws {
        try await db.delete(from: "staff_sessions").where("expires_at", .lessThanOrEqual, Timestamp.text(now)).run()
    }
}
