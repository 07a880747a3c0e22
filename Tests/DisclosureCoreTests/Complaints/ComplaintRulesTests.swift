import DisclosureCore
import Testing

@Suite("Complaints and messages: what is accepted and what is refused, by field")
struct ComplaintRulesTests {
    static let valid = ComplaintSubmission(
        unitCode: "CZJ", kind: .notTimely, subject: "示财〔2026〕3号", content: "该局预算公开说明生成后两个月才公开，超过二十个工作日。", complainantName: "李四",
        phone: "138 0000 0000")

    @Test("a valid complaint is trimmed and its phone normalised")
    func valid() throws {
        let checked = try Self.valid.validated()
        #expect(checked.phone == "13800000000")
        #expect(checked.email == "")
    }

    @Test(
        "bad complaints name the field",
        arguments: [
            ("content", "   "), ("content", "太短了"), ("phone", "12345"), ("email", "a@b"), ("complainantName", ""), ("unitCode", ""),
        ])
    func invalid(field: String, value: String) {
        var submission = Self.valid
        switch field {
        case "content": submission.content = value
        case "phone": submission.phone = value
        case "email": submission.email = value
        case "complainantName": submission.complainantName = value
        default: submission.unitCode = value
        }
        #expect {
            try submission.validated()
        } throws: { ($0 as? DomainError)?.field == field }
    }

    @Test("a reply needs an outcome; a (partly) true one needs its 整改; the length limit holds")
    func replies() throws {
        #expect(throws: DomainError.self) { try ComplaintReply(outcome: nil, text: "已核实。").validated(limit: 2000) }
        #expect {
            try ComplaintReply(outcome: .substantiated, text: "经核实属实。").validated(limit: 2000)
        } throws: { ($0 as? DomainError)?.field == "rectification" }
        _ = try ComplaintReply(outcome: .unsubstantiated, text: "经核实，该信息已按期公开。").validated(limit: 2000)
        #expect {
            try ComplaintReply(outcome: .unsubstantiated, text: String(repeating: "字", count: 2001)).validated(limit: 2000)
        } throws: { ($0 as? DomainError)?.field == "replyText" }
    }

    @Test("workflow: only the reviewer approves, a closed complaint takes no second answer")
    func workflow() {
        #expect(ComplaintAction.approveReply.allowed(.reviewer))
        #expect(!ComplaintAction.approveReply.allowed(.editor))
        #expect(ComplaintAction.reassign.allowed(.office))
        #expect(throws: DomainError(.conflict, field: "state", "该投诉已办结，不能再次答复或修改")) { try ComplaintAction.draftReply.check(.closed) }
    }

    @Test("a message needs a way to answer it, and the public name is masked")
    func messages() throws {
        let message = MessageSubmission(unitCode: "CZJ", title: "低保标准", content: "今年城乡低保标准是多少？", authorName: "王小明")
        #expect { try message.validated() } throws: { ($0 as? DomainError)?.field == "phone" }
        var withPhone = message
        withPhone.phone = "13900000000"
        #expect(try withPhone.validated().publicName == "王**")
        withPhone.title = String(repeating: "长", count: 61)
        #expect { try withPhone.validated() } throws: { ($0 as? DomainError)?.field == "title" }
    }

    @Test("互动回应差: unanswered more than 3 calendar months after it was left")
    func unanswered() {
        let message = PublicMessage(
            id: 1, submission: MessageSubmission(unitCode: "CZJ", title: "t", content: "c", phone: "13900000000"),
            submittedOn: CivilDate(iso: "2026-08-20")!, state: .accepted, acceptedOn: CivilDate(iso: "2026-08-21")!)
        #expect(message.unansweredSince(today: CivilDate(iso: "2026-11-20")!) == nil)
        #expect(message.unansweredSince(today: CivilDate(iso: "2026-11-21")!) == CivilDate(iso: "2026-11-21"))
        var answered = message
        answered.state = .answered
        #expect(answered.unansweredSince(today: CivilDate(iso: "2027-01-01")!) == nil)
    }
}
