import DisclosureCore
import Foundation

extension RequestService {
    /// Answers in one step that the information is already published (issue 24 §3; 条例 第三十六条
    /// 第（一）项, counted as 三(一) 予以公开): the reply names each chosen document with its 文号,
    /// date and address and goes to the reviewer like any drafted reply.
    public func answerWithPublished(_ id: Int, documents ids: [Int], linkBase: String, by staff: StaffIdentity) async throws {
        let chosen = Array(Set(ids)).sorted()
        guard (1...5).contains(chosen.count) else { throw DomainError.invalid("documents", "请选择 1 至 5 个已公开的文件") }
        let repository = DocumentRepository(database.sql)
        var listed: [(title: String, docNumber: String, publishedOn: CivilDate?, link: String)] = []
        for documentID in chosen {
            guard let document = try await repository.find(documentID), document.isPublic else {
                throw DomainError.invalid("documents", "文件 \(documentID) 未主动公开，不能作为答复依据")
            }
            listed.append((document.draft.title, document.draft.docNumber, document.publishedOn, "\(linkBase)/documents/\(documentID)"))
        }
        try await act(id, .draftReply, RequestActionInput(outcome: .disclosed, replyText: PublishedMatches.replyText(listed)), by: staff)
        try await act(id, .submitReply, RequestActionInput(), by: staff)
    }
}
