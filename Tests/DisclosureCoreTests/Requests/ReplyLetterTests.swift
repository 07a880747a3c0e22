import DisclosureCore
import Foundation
import Testing

/// Issue 22: a reply letter is a legal document. Every default template, rendered for a case of
/// every outcome, states the decision in plain words with its basis, names where to turn, and
/// never prints the annual report's row labels or counting notes.
@Suite("Reply letters: plain decision, legal basis, 救济途径, no report wording")
struct ReplyLetterTests {
    static func request(outcome: RequestOutcome?, state: RequestState = .answered) -> InformationRequest {
        let application = RequestApplication(
            unitCode: "CZJ", channel: .inPerson, applicantKind: .naturalPerson, applicantName: "张三", idType: .residentID,
            idNumber: "11010519491231002X", phone: "13812345678", address: "示范县人民路1号", infoTitle: "2026年部门预算", requestedForm: .paper,
            delivery: .post)
        return InformationRequest(
            id: 1, reference: "YSQ2026000001", application: application, submittedAt: .init(timeIntervalSince1970: 1_795_000_000),
            receivedOn: CivilDate(iso: "2026-11-02")!, state: state, outcome: outcome, replyText: "（具体答复）", draftedBy: nil,
            answeredOn: CivilDate(iso: "2026-11-20")!, events: [], createdBy: "editor")
    }

    @Test("every outcome's reply, from the default template, reads as a decision with its basis and remedies", arguments: RequestOutcome.allCases)
    func defaultReply(outcome: RequestOutcome) throws {
        let values = LetterFields.values(
            for: Self.request(outcome: outcome), unitName: "示范县财政局", clock: nil, number: "示范县财政局依申请公开告〔2026〕1号",
            issuedOn: CivilDate(iso: "2026-11-20")!, extra: ["复议机关": "示范县人民政府", "诉讼法院": "示范县人民法院"])
        let letter = DefaultLetterTemplates.template(for: .reply).render(values)
        #expect(letter.hasPrefix("张三：\n"))
        #expect(letter.contains("经审查，答复如下：\(outcome.decision)。"))
        #expect(letter.contains("依据：\(outcome.basis)。"))
        #expect(letter.contains("自收到本告知书之日起60日内向示范县人民政府申请行政复议"))
        #expect(letter.contains("自收到本告知书之日起6个月内向示范县人民法院提起行政诉讼"))
        for reportWording in ["只计这一情形", "不计其他情形", "（一）予以公开", "（二）部分公开", "（三）不予公开", "三安全一稳定", "——"] {
            #expect(!letter.contains(reportWording), "\(outcome.rawValue) prints 「\(reportWording)」")
        }
        // Plain words: the decision speaks to the applicant and ends without a stray full stop.
        #expect(outcome.decision.contains("您") || outcome == .otherHandling)
        #expect(!outcome.decision.hasSuffix("。"))
        #expect(!letter.contains("{{"))
    }

    @Test("every default template renders the sample case with no placeholder left and passes the save check")
    func defaultsPassTheirOwnCheck() throws {
        for kind in LetterKind.allCases {
            let template = DefaultLetterTemplates.template(for: kind)
            try LetterTemplate.checkRendersSample(template, key: kind.rawValue)
            #expect(!template.render(LetterTemplate.sampleValues()).contains("{{"))
        }
    }

    @Test("a template without 救济途径, or with the report's counting note, is refused before it is saved")
    func checkRefuses() throws {
        let silent = try LetterTemplate(validating: "{{申请人}}：\n经审查，答复如下：{{答复类型}}。\n{{答复内容}}")
        #expect(throws: DomainError.self) { try LetterTemplate.checkRendersSample(silent, key: "reply") }
        #expect(throws: DomainError.self) { try LetterTemplate.checkRendersSample(silent, key: "reply.r3.2") }
        // The receipt needs no remedies.
        try LetterTemplate.checkRendersSample(silent, key: "receipt")
        let counting = try LetterTemplate(
            validating: "{{申请人}}：\n答复如下：（二）部分公开（区分处理的，只计这一情形，不计其他情形）。如不服，可申请行政复议或提起行政诉讼。")
        #expect(throws: DomainError.self) { try LetterTemplate.checkRendersSample(counting, key: "reply") }
    }

    @Test(
        "the 复议机关 by kind of unit (行政复议法 2023): departments and townships → the county government; the county government → one level up; vertical agencies → their superior"
    )
    func remedyDefaults() {
        let units = [
            OrgUnit(code: "ZF", name: "示范县人民政府", kind: .countyGovernment, parentCode: nil),
            OrgUnit(code: "CZJ", name: "示范县财政局", kind: .countyDepartment, parentCode: "ZF"),
            OrgUnit(code: "CGZ", name: "城关镇人民政府", kind: .township, parentCode: "ZF"),
            OrgUnit(code: "SWJ", name: "国家税务总局示范县税务局", kind: .verticalAgency, parentCode: "ZF"),
        ]
        let table: [(String, String, String)] = [
            ("ZF", "上一级人民政府", "有管辖权的中级人民法院"),
            ("CZJ", "示范县人民政府", "有管辖权的人民法院"),
            ("CGZ", "示范县人民政府", "有管辖权的人民法院"),
            ("SWJ", "上一级主管部门", "有管辖权的人民法院"),
        ]
        for (code, authority, court) in table {
            let remedy = Remedy.defaults(for: units.first { $0.code == code }!, in: units)
            #expect(remedy.reviewAuthority == authority, "\(code)")
            #expect(remedy.court == court, "\(code)")
        }
    }
}
