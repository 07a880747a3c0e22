import DisclosureCore
import Foundation
import SQLKit

/// A bearer token's public facts (never the secret).
public struct ApiTokenInfo: Sendable, Equatable {
    public let id: Int
    public let username: String
    public let name: String
    public let createdAt: String
    public let revokedAt: String?
}

/// Named queries over `api_tokens`; only SHA-256 of each token is stored.
public struct ApiTokenRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    public func insert(userID: Int, name: String, tokenHash: String, at now: Date) async throws -> Int {
        try await db.insert(into: "api_tokens").columns("user_id", "name", "token_hash", "created_at")
            .values(SQLBind(userID), SQLBind(name), SQLBind(tokenHash), SQLBind(Timestamp.text(now)))
            .returning("id").first(decodingColumn: "id", as: Int.self) ?? 0
    }

    /// The active account behind an unrevoked token.
    public func account(tokenHash: String) async throws -> StaffAccount? {
        let row = try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("u"))).from(
            SQLAlias(SQLIdentifier("api_tokens"), as: SQLIdentifier("t"))
        )
        .join(
            SQLAlias(SQLIdentifier("staff_users"), as: SQLIdentifier("u")), on: SQLColumn("user_id", table: "t"), .equal, SQLColumn("id", table: "u")
        )
        .where(SQLColumn("token_hash", table: "t"), .equal, SQLBind(tokenHash))
        .where(SQLColumn("revoked_at", table: "t"), .is, SQLLiteral.null)
        .where(SQLColumn("active", table: "u"), .equal, SQLBind(true))
        .first()
        return try row.map { try StaffUserRow.read($0).account() }
    }

    public func list() async throws -> [ApiTokenInfo] {
        try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("t"))).column(SQLColumn("username", table: "u"))
            .from(SQLAlias(SQLIdentifier("api_tokens"), as: SQLIdentifier("t")))
            .join(
                SQLAlias(SQLIdentifier("staff_users"), as: SQLIdentifier("u")), on: SQLColumn("user_id", table: "t"), .equal,
                SQLColumn("id", table: "u")
            )
            .orderBy(SQLColumn("id", table: "t")).all().map { try ApiTokenRow.read($0).info }
    }

    /// Returns whether a token was revoked now (false if unknown or already revoked).
    public func revoke(id: Int, at now: Date) async throws -> Bool {
        let before = try await db.select().column("id").from("api_tokens").where("id", .equal, id)
            .where("revoked_at", .is, SQLLiteral.null).first()
        guard before != nil else { return false }
        try await db.update("api_tokens").set("revoked_at", to: Timestamp.text(now)).where("id", .equal, id).run()
        return true
    }
}

/// A row of `api_tokens` with its owner's username, as the token list reads it.
struct ApiTokenRow: StoredRow {
    static let table = "api_tokens"

    var id: Int
    var username: String
    var name: String
    var createdAt: String
    var revokedAt: String?

    var info: ApiTokenInfo { ApiTokenInfo(id: id, username: username, name: name, createdAt: createdAt, revokedAt: revokedAt) }
}
