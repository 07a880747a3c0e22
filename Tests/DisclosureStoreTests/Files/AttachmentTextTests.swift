import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 23 §3 and §5: attachments' text is extracted, searched with the document and scanned in
/// the 保密审查.
@Suite("Attachment text: extraction, search, personal-data scan")
struct AttachmentTextTests {
    @Test("PDF text layer, DOCX paragraphs and tables, XLSX cells are read; a scan, an image, an old format and a missing tool are marked")
    func extraction() throws {
        let pdf = AttachmentText.extract(SamplePDF.make(text: "GreenValley ledger 2026"), kind: .pdf)
        #expect(pdf.status == .text && pdf.text.contains("GreenValley ledger 2026"))
        #expect(AttachmentText.extract(SamplePDF.make(text: nil), kind: .pdf).status == .noTextLayer)
        #expect(AttachmentText.extract(SamplePDF.make(text: "x"), kind: .pdf, pdftotext: nil).status == .toolMissing)
        #expect(AttachmentText.extract(Array("%PDF-1.4 broken".utf8), kind: .pdf).status != .text)
        let docx = try DOCXDocument.write([.title("专项资金绩效评价报告"), .paragraph("评价结论为良好。")])
        let word = AttachmentText.extract(Array(docx), kind: .docx)
        #expect(word.status == .text && word.text.contains("专项资金绩效评价报告") && word.text.contains("评价结论为良好"))
        let xlsx = try XLSXWorkbook.write([XLSXSheet(name: "明细", rows: [["项目", "金额"], ["高标准农田建设", "1200"]])])
        let sheet = AttachmentText.extract(Array(xlsx), kind: .xlsx)
        #expect(sheet.status == .text && sheet.text.contains("高标准农田建设\t1200"))
        #expect(AttachmentText.extract([0x89, 0x50, 0x4E, 0x47], kind: .png).status == .noTextLayer)
        #expect(AttachmentText.extract([0xD0, 0xCF, 0x11, 0xE0], kind: .doc).status == .unsupported)
        #expect(AttachmentText.extract(Array("PK\u{3}\u{4}junk".utf8), kind: .docx).status == .failed)
    }

    @Test(
        "a word inside a PDF attachment is found once the document is published; its phone number must be confirmed, not masked",
        arguments: TestDatabase.kinds)
    func searchAndScan(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let service = fixture.service
            let files = FolderFileStore(
                root: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("disclosure-att-\(UUID().uuidString)"))
            let document = try await service.create(fixture.draft(), by: fixture.editor)
            _ = try await service.attach(
                document.id, fileName: "ledger.pdf", bytes: SamplePDF.make(text: "GreenValley ledger, tel 13812345678"), store: files,
                by: fixture.editor)
            let docx = try DOCXDocument.write([.paragraph("专项资金绩效评价结论为良好。")])
            _ = try await service.attach(document.id, fileName: "评价.docx", bytes: Array(docx), store: files, by: fixture.editor)
            try await service.submit(document.id, by: fixture.editor)
            let open = try await service.openPrivacyFindings(try #require(try await service.document(document.id)))
            #expect(open.map(\.field) == ["附件「ledger.pdf」"])
            // 遮盖 cannot reach into the file: refused, nothing changes.
            await #expect(throws: DomainError.self) {
                try await service.approve(
                    document.id, checklist: PublishingFixture.clean, privacy: [0: .init(action: "redact", reason: "", masked: nil)],
                    by: fixture.reviewer)
            }
            #expect(try await service.document(document.id)?.state == .pendingReview)
            try await service.approve(
                document.id, checklist: PublishingFixture.clean, privacy: [0: .init(action: "confirm", reason: "台账所列为单位值班电话", masked: nil)],
                by: fixture.reviewer)
            #expect(try await fixture.search("GreenValley").total == 0)
            try await service.publish(document.id, by: fixture.reviewer)
            #expect(try await fixture.search("GreenValley").documentIDs == [document.id])
            #expect(try await fixture.search("绩效评价结论").documentIDs == [document.id])
            #expect(try await fixture.search("GreenValley 预算").documentIDs == [document.id])
        }
    }
}
