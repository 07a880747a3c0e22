import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 23 §4 (条例 第四十四条): requests for the same information become 主动公开.
@Suite("依申请转主动: similar requests, the clerk's link, the draft with the released files")
struct ProactivePublicationTests {
    static func application(_ title: String, _ description: String, id: String) -> RequestApplication {
        RequestApplication(
            unitCode: "CZJ", channel: .inPerson, applicantKind: .naturalPerson, applicantName: "张三", idType: .residentID, idNumber: id,
            phone: "13812345678", infoTitle: title, infoDescription: description, requestedForm: .paper, delivery: .pickUp)
    }

    static let ids = ["11010519491231002X", "360421199003071231", "110105198001010016"]

    @Test(
        "the third request for a budget offers 转为主动公开; the draft carries the released file and links back; below the threshold only a reviewer may",
        arguments: TestDatabase.kinds)
    func proactive(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let service = RequestService(database: database, clock: fixture.clock)
            let files = FolderFileStore(
                root: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("disclosure-44-\(UUID().uuidString)"))
            let day = CivilDate(iso: "2026-11-02")!
            let first = try await service.intake(
                Self.application("2025年县级部门预算公开表", "示范县财政局2025年县级部门预算公开表及说明", id: Self.ids[0]), receivedOn: day, by: fixture.editor)
            let unrelated = try await service.intake(
                Self.application("城乡低保资金发放明细", "2025年第三季度城乡低保资金发放明细", id: Self.ids[1]), receivedOn: day, by: fixture.editor)
            let second = try await service.intake(
                Self.application("财政局2025年部门预算公开表", "请提供示范县财政局2025年县级部门预算公开表及其说明", id: Self.ids[1]), receivedOn: day.adding(days: 3),
                by: fixture.editor)
            let third = try await service.intake(
                Self.application("2025年县级部门预算", "示范县财政局2025年县级部门预算公开表和说明", id: Self.ids[2]), receivedOn: day.adding(days: 7),
                by: fixture.editor)

            // Not answered yet: the similar requests are listed, but nothing can be published.
            var check = try await service.publicationCheck(try await service.request(third.id, visibleTo: fixture.editor))
            #expect(Set(check.matches.map(\.candidate.id)) == [first.id, second.id])
            #expect(check.reachesThreshold && !check.disclosable)
            await #expect(throws: DomainError.self) { _ = try await service.convertToProactive(third.id, store: files, by: fixture.editor) }

            // The same budget asked in other words: too few characters in common for the
            // whole-text comparison, found by the search engine from its distinctive fragments.
            let otherWords = try await service.intake(
                Self.application("再要一份预算表", "去年有人申请过的县级部门预算公开表，请提供2025年的", id: Self.ids[0]), receivedOn: day.adding(days: 8),
                by: fixture.editor)
            let otherWordsCheck = try await service.publicationCheck(try await service.request(otherWords.id, visibleTo: fixture.editor))
            #expect(otherWordsCheck.matches.contains { $0.candidate.id == first.id && $0.reason == .text })
            #expect(!otherWordsCheck.matches.contains { $0.candidate.id == unrelated.id })
            let asCandidates = [first.id, otherWords.id].map { id in
                otherWordsCheck.matches.first { $0.candidate.id == id }?.candidate
                    ?? SimilarRequests.Candidate(
                        id: id, reference: "", unitCode: "CZJ", receivedOn: day, infoTitle: "再要一份预算表",
                        infoDocNumber: "", infoDescription: "去年有人申请过的县级部门预算公开表，请提供2025年的")
            }
            #expect(SimilarRequests.matches(for: asCandidates[1], among: [asCandidates[0]]).isEmpty)

            // Answered 予以公开 with the budget table released.
            let pdf = Array("%PDF-1.4\n2025年县级部门预算公开表\n%%EOF\n".utf8)
            let released = try await service.addReplyFile(third.id, fileName: "2025年部门预算公开表.pdf", bytes: pdf, store: files, by: fixture.editor)
            try await service.act(third.id, .draftReply, RequestActionInput(outcome: .disclosed, replyText: "予以公开，详见附件。"), by: fixture.editor)
            try await service.act(third.id, .submitReply, RequestActionInput(), by: fixture.editor)
            try await service.act(third.id, .approveReply, RequestActionInput(on: day.adding(days: 10)), by: fixture.reviewer)
            let documentID = try await service.convertToProactive(third.id, store: files, by: fixture.editor)
            let document = try #require(try await fixture.service.document(documentID))
            #expect(document.state == .draft)
            #expect(document.draft.unitCode == "CZJ" && document.draft.title == "2025年县级部门预算")
            #expect(document.draft.body.contains("第四十四条") && document.draft.body.contains(third.reference))
            let attachments = try await PublishingQueries(database: database).attachments(of: documentID)
            #expect(attachments.map(\.sha256) == [released.sha256])
            #expect(try await PublishingQueries(database: database).sourceRequest(ofDocument: documentID)?.reference == third.reference)
            check = try await service.publicationCheck(try await service.request(third.id, visibleTo: fixture.editor))
            #expect(check.documentID == documentID)
            await #expect(throws: DomainError.self) { _ = try await service.convertToProactive(third.id, store: files, by: fixture.editor) }
            // Through the normal review to the portal, and counted for the assessment.
            let metrics = AssessmentMetrics(database: database, clock: fixture.clock)
            #expect(try await metrics.values(unit: "CZJ", year: 2026)[.publishingFromRequests]?.fact == .count(0))
            try await fixture.service.submit(documentID, by: fixture.editor)
            try await fixture.service.approve(documentID, checklist: PublishingFixture.clean, by: fixture.reviewer)
            try await fixture.service.publish(documentID, by: fixture.reviewer)
            let counted = try #require(try await metrics.values(unit: "CZJ", year: 2026)[.publishingFromRequests])
            #expect(counted.fact == .count(1))
            #expect(counted.evidence.first?.contains("2025年县级部门预算") == true)

            // The office raises the threshold to 5: an editor may no longer, a reviewer still may.
            try await service.saveSimilarPolicy(SimilarRequests.Policy(count: 5, months: 12), by: fixture.office)
            try await service.act(second.id, .draftReply, RequestActionInput(outcome: .disclosed, replyText: "予以公开。"), by: fixture.editor)
            try await service.act(second.id, .submitReply, RequestActionInput(), by: fixture.editor)
            try await service.act(second.id, .approveReply, RequestActionInput(on: day.adding(days: 10)), by: fixture.reviewer)
            await #expect(throws: DomainError.self) { _ = try await service.convertToProactive(second.id, store: files, by: fixture.editor) }
            _ = try await service.convertToProactive(second.id, store: files, by: fixture.reviewer)

            // A clerk's link counts whatever the words.
            #expect(try await service.publicationCheck(try await service.request(unrelated.id, visibleTo: fixture.editor)).matches.isEmpty)
            try await service.link(unrelated.id, toReference: first.reference, by: fixture.editor)
            let linked = try await service.publicationCheck(try await service.request(unrelated.id, visibleTo: fixture.editor)).matches
            #expect(linked.map(\.candidate.id) == [first.id] && linked.first?.reason == .linked)
            await #expect(throws: DomainError.self) { try await service.link(unrelated.id, toReference: first.reference, by: fixture.editor) }
            await #expect(throws: DomainError.self) { try await service.link(unrelated.id, toReference: "NOPE-1", by: fixture.editor) }
            await #expect(throws: DomainError.self) { try await service.link(unrelated.id, toReference: first.reference, by: fixture.otherEditor) }
        }
    }
}
