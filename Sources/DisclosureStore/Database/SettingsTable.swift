import Foundation
import SQLKit

/// The `settings` key-value table: office policies as JSON, job marks. Every instance reads the
/// same values (DESIGN §8: no process-local state that matters).
struct SettingsTable: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    func value(_ key: String) async throws -> String? {
        try await db.select().column("value").from("settings").where("key", .equal, key).first(decodingColumn: "value", as: String.self)
    }

    /// A JSON value decoded, or nil when it is missing or no longer reads.
    func decoded<Value: Decodable>(_ key: String, as type: Value.Type) async throws -> Value? {
        guard let text = try await value(key) else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Replaces the value (inside the caller's transaction).
    func set(_ key: String, _ value: String, by actor: String, at now: Date) async throws {
        try await db.delete(from: "settings").where("key", .equal, key).run()
        try await db.insert(into: "settings").columns("key", "value", "updated_by", "updated_at")
            .values(SQLBind(key), SQLBind(value), SQLBind(actor), SQLBind(Timestamp.text(now))).run()
    }
}
