import Foundation
import SQLKit

/// One case per online application form (migration 0012): the receipt a form's first post
/// produced, kept 24 hours under the hash of the form's token, so a repeated post or the receipt
/// page after the redirect shows it again instead of filing a second case.
enum FormSubmissions {
    static let kept: TimeInterval = 24 * 3_600

    /// The key a form is kept under: its one-time token bound to the browser's CSRF cookie, so the
    /// receipt page's address alone shows nothing in another browser.
    static func key(token: String, browser: String) -> String { SecretToken.storedForm(token + "|" + browser) }

    static func receipt(_ key: String, now: Date, on db: any SQLDatabase) async throws -> RequestService.Receipt? {
        guard
            let row = try await db.select().column("request_id").column("reference").column("query_code").column("unit_code").from("form_submissions")
                .where("token_hash", .equal, key).where("created_at", .greaterThan, Timestamp.text(now.addingTimeInterval(-kept))).first()
        else { return nil }
        return RequestService.Receipt(
            id: try row.decode(column: "request_id", as: Int.self), reference: try row.decode(column: "reference", as: String.self),
            queryCode: try row.decode(column: "query_code", as: String.self), unitCode: try row.decode(column: "unit_code", as: String.self))
    }

    /// Inside the transaction that files the case; a second filing of the same form fails here on
    /// the primary key and rolls back. Rows past 24 hours go at the same time.
    static func record(_ key: String, receipt: RequestService.Receipt, at now: Date, on db: any SQLDatabase) async throws {
        try await db.delete(from: "form_submissions").where("created_at", .lessThan, Timestamp.text(now.addingTimeInterval(-kept))).run()
        try await db.insert(into: "form_submissions").columns("token_hash", "request_id", "reference", "query_code", "unit_code", "created_at")
            .values(
                SQLBind(key), SQLBind(receipt.id), SQLBind(receipt.reference), SQLBind(receipt.queryCode), SQLBind(receipt.unitCode),
                SQLBind(Timestamp.text(now))
            ).run()
    }
}
