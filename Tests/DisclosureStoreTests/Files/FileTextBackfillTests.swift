import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import SQLKit
import Testing

/// Issue 23's gap, closed: attachments uploaded before texts were kept get them from the backfill,
/// so the daily personal-data watch and the review read them like new ones.
@Suite("Older files' texts extracted in place")
struct FileTextBackfillTests {
    @Test("an attachment without its text gets it, once; a file missing from the store is recorded as failed", arguments: TestDatabase.kinds)
    func backfill(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let files = FolderFileStore(root: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("backfill-\(UUID().uuidString)"))
            let document = try await fixture.service.create(fixture.draft(body: "见附件。"), by: fixture.editor)
            let pdf = SamplePDF.make(text: "Contact 13812345678 for the ledger")
            let attached = try await fixture.service.attach(document.id, fileName: "台账.pdf", bytes: pdf, store: files, by: fixture.editor)
            let lost = try await fixture.service.attach(
                document.id, fileName: "丢失.pdf", bytes: SamplePDF.make(text: "gone"), store: files, by: fixture.editor)
            // As uploaded before migration 0017: no text rows; and one file gone from the store.
            try await database.unaudited.delete(from: "attachment_texts").run()
            let lostPath = files.root.appendingPathComponent(String(lost.sha256.prefix(2))).appendingPathComponent(
                String(lost.sha256.dropFirst(2).prefix(2))
            )
            .appendingPathComponent(lost.sha256)
            try? FileManager.default.removeItem(at: lostPath)

            let backfill = FileTextBackfill(database: database, files: files, clock: fixture.clock)
            #expect(try await backfill.run() == FileTextBackfill.Summary(attachments: 2, replyFiles: 0))
            #expect(try await backfill.run() == FileTextBackfill.Summary())
            let texts = try await AttachmentRepository(database.sql).texts(documents: [document.id])[document.id] ?? []
            #expect(texts.first { $0.attachment.id == attached.id }?.text.contains("13812345678") == true)
            #expect(texts.first { $0.attachment.id == lost.id }?.status == .failed)
        }
    }
}
