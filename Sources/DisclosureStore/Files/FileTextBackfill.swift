import DisclosureCore
import Foundation
import SQLKit

/// Extracts the text of attachments and reply files uploaded before texts were kept (migrations
/// 0017 and 0019; issue 23's gap): a county that upgrades in place gets its older files into the
/// daily personal-data watch and the pre-approval scan without uploading them again. A batch per
/// round, oldest first; a file missing from the store is recorded as failed so it is not retried
/// every hour. Derived data, so written without an audit entry.
public struct FileTextBackfill: Sendable {
    let database: Database
    let files: any FileStore
    let clock: any WallClock

    public init(database: Database, files: any FileStore, clock: any WallClock) {
        self.database = database
        self.files = files
        self.clock = clock
    }

    public struct Summary: Equatable, Sendable {
        public var attachments = 0
        public var replyFiles = 0

        public init(attachments: Int = 0, replyFiles: Int = 0) {
            self.attachments = attachments
            self.replyFiles = replyFiles
        }
    }

    /// Extracts up to `limit` files of each kind; returns how many.
    public func run(limit: Int = 50) async throws -> Summary {
        var summary = Summary()
        let attachments = try await missing(
            "SELECT a.id, a.media_type, a.sha256 FROM attachments a LEFT JOIN attachment_texts t ON t.attachment_id = a.id WHERE t.attachment_id IS NULL ORDER BY a.id LIMIT ",
            limit: limit)
        for file in attachments {
            let extracted = extract(file)
            try await AttachmentRepository(database.unaudited).saveText(extracted, for: file.id, at: clock.now())
            summary.attachments += 1
        }
        let replies = try await missing(
            "SELECT f.id, f.media_type, f.sha256 FROM request_files f LEFT JOIN request_file_texts t ON t.file_id = f.id WHERE t.file_id IS NULL ORDER BY f.id LIMIT ",
            limit: limit)
        for file in replies {
            let extracted = extract(file)
            try await RequestFileRepository(database.unaudited).saveText(extracted, for: file.id, at: clock.now())
            summary.replyFiles += 1
        }
        return summary
    }

    private struct Missing: Decodable {
        let id: Int
        let mediaType: String
        let sha256: String
    }

    private func missing(_ select: String, limit: Int) async throws -> [Missing] {
        try await database.sql.raw(SQLQueryString(select) + "\(bind: max(1, min(limit, 1000)))").all(
            decoding: Missing.self, with: StoredRowDecoding.decoder)
    }

    private func extract(_ file: Missing) -> AttachmentText.Extracted {
        guard let kind = AttachmentKind.allCases.first(where: { $0.mediaType == file.mediaType }) else {
            return AttachmentText.Extracted(status: .unsupported, text: "")
        }
        guard let bytes = try? files.get(file.sha256) else { return AttachmentText.Extracted(status: .failed, text: "") }
        return AttachmentText.extract(bytes, kind: kind)
    }
}
