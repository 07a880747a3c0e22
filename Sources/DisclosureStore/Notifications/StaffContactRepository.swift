import DisclosureCore
import Foundation
import SQLKit

/// The contact columns of `staff_users` (migration 0020): where each person gets reminders.
public struct StaffContactRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    private struct Row: Decodable {
        let username: String
        let displayName: String
        let role: Role
        let unitCode: String
        let email: String
        let mobile: String
        let remindersBy: ReminderPreference

        var contact: StaffContact {
            StaffContact(
                username: username, displayName: displayName, role: role, unitCode: unitCode, email: email, mobile: mobile, remindersBy: remindersBy)
        }
    }

    private var columns: [String] { ["username", "display_name", "role", "unit_code", "email", "mobile", "reminders_by"] }

    /// Active accounts of `unit` with one of `roles`.
    public func contacts(unit: String, roles: [Role]) async throws -> [StaffContact] {
        guard !roles.isEmpty else { return [] }
        return try await db.select().columns(columns).from("staff_users").where("unit_code", .equal, unit).where("active", .equal, true)
            .where("role", .in, roles.map(\.rawValue)).orderBy("username").all(decoding: Row.self, with: StoredRowDecoding.decoder).map(\.contact)
    }

    public func contact(username: String) async throws -> StaffContact? {
        try await db.select().columns(columns).from("staff_users").where("username", .equal, username)
            .first(decoding: Row.self, with: StoredRowDecoding.decoder)?.contact
    }

    public func save(username: String, email: String, mobile: String, remindersBy: ReminderPreference) async throws {
        try await db.update("staff_users").set("email", to: email).set("mobile", to: mobile).set("reminders_by", to: remindersBy.rawValue)
            .where("username", .equal, username).run()
    }
}

/// The snake-case column decoding `StoredRow` uses, for a read of a few columns.
enum StoredRowDecoding {
    static var decoder: SQLRowDecoder { SQLRowDecoder(keyDecodingStrategy: .custom(SnakeCaseColumns.column(for:))) }
}
