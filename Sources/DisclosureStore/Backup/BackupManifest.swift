import DisclosureCore
import Foundation

/// What a backup archive holds, written into it as `manifest.json` (issue 17): the schema
/// version (a newer one is refused on restore), the audit chain's head at the moment of the
/// snapshot (so a restore proves nothing was lost from the tail), and a SHA-256 for the database
/// snapshot and every attachment file.
public struct BackupManifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        /// Path inside the archive, e.g. `database.sqlite` or `files/ab/cd/abcd…`.
        public let path: String
        public let sha256: String
        public let bytes: Int
    }

    public static let currentFormat = "disclosure-backup/1"
    public static let fileName = "manifest.json"
    public static let databaseName = "database.sqlite"

    public var format = BackupManifest.currentFormat
    /// UTC timestamp of the snapshot.
    public let createdAt: String
    public let schemaVersion: Int
    public let auditHead: AuditHead
    public let database: Entry
    public let files: [Entry]

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
