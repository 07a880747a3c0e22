import DisclosureCore
import Testing

@Suite("Request rules: identity numbers, fees, outcomes, workflow, letters")
struct RequestRulesTests {
    @Test(
        "居民身份证号 (GB 11643) and 统一社会信用代码 (GB 32100) check characters",
        arguments: [
            ("11010519491231002X", true, false), ("11010519491231002x", true, false), ("110105194912310021", false, false),
            ("360421199003071231", true, false), ("360421199013071236", false, false), ("91350100M000100Y43", false, true),
            ("91110000600037341L", false, true), ("91110000600037341M", false, false), ("9135010OM000100Y43", false, false),
        ])
    func identityNumbers(text: String, resident: Bool, credit: Bool) {
        #expect(IdentityNumbers.isValidResidentID(text) == resident)
        #expect(IdentityNumbers.isValidCreditCode(text) == credit)
    }

    @Test(
        "mobile numbers",
        arguments: [("13812345678", "13812345678"), ("+86 138-1234-5678", "13812345678"), ("12812345678", nil), ("1381234567", nil)])
    func mobiles(text: String, expected: String?) {
        #expect(IdentityNumbers.normalizedMobile(text) == expected)
    }

    @Test("masking keeps 3 + 4 characters")
    func masks() {
        #expect(PersonalDataMask.idNumber("110105194912310021") == "110***********0021")
        #expect(PersonalDataMask.phone("13812345678") == "138****5678")
        #expect(PersonalDataMask.email("zhang@example.com") == "z***@example.com")
        #expect(PersonalDataMask.personName("张三丰") == "张**")
    }

    /// statutes §3: 35 requests in a month → 3,000 元; 250 pages → 4,700 元.
    @Test("信息处理费 tariffs")
    func fees() {
        #expect(InformationFee.perRequestMonth(count: 35).total == 3_000)
        #expect(InformationFee.perRequestMonth(count: 10).total == 0)
        #expect(InformationFee.perRequestMonth(count: 45).total == 20 * 100 + 10 * 200 + 5 * 300)
        #expect(InformationFee.perRequest(ordinal: 10).total == 0)
        #expect(InformationFee.perRequest(ordinal: 11).total == 100)
        #expect(InformationFee.perRequest(ordinal: 31).total == 200)
        #expect(InformationFee.perRequest(ordinal: 41).total == 300)
        #expect(InformationFee.byVolume(pages: 250).total == 4_700)
        #expect(InformationFee.byVolume(pages: 30).total == 0)
        #expect(InformationFee.byVolume(pages: 100).total == 700)
        #expect(
            InformationFee.byVolume(pages: 250).explanation == [
                "第 1–30 页：30 页 × 0 元 = 0 元", "第 31–100 页：70 页 × 10 元 = 700 元", "第 101–200 页：100 页 × 20 元 = 2000 元",
                "第 201–250 页：50 页 × 40 元 = 2000 元",
            ])
    }

    @Test("outcomes are the 21 rows of table 三, 2021 format")
    func outcomes() {
        #expect(RequestOutcome.allCases.count == 21)
        #expect(RequestOutcome.partlyDisclosed.label == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        #expect(RequestOutcome.withheldSecurityStability.label == "3.危及“三安全一稳定”")
        #expect(RequestOutcome.correctionNotMade.shortLabel == "其他处理·申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
        #expect(RequestOutcome(text: "r3.4.1") == .notHeld)
    }

    @Test("workflow: roles and states")
    func workflow() throws {
        #expect(throws: DomainError.self) { try RequestAction.extend.check(from: .accepted, role: .editor) }
        #expect(throws: DomainError.self) { try RequestAction.approveReply.check(from: .drafting, role: .reviewer) }
        #expect(throws: DomainError.self) { try RequestAction.reassign.check(from: .accepted, role: .reviewer) }
        try RequestAction.confirm.check(from: .pendingConfirmation, role: .editor)
        try RequestAction.extend.check(from: .consulting, role: .reviewer)
        for action in RequestAction.allCases { #expect(!action.from.isEmpty) }
        #expect(RequestAction.allCases.allSatisfy { action in action.from.allSatisfy(\.isOpen) || action == .archive })
    }

    @Test("application validation names the field")
    func application() throws {
        var form = RequestApplication(
            unitCode: "CZJ", channel: .online, applicantKind: .naturalPerson, applicantName: " 张三 ", idType: .residentID,
            idNumber: "11010519491231002x", phone: "138 1234 5678", infoTitle: "2025年部门预算", requestedForm: .electronicData, delivery: .pickUp)
        let valid = try form.validated()
        #expect(valid.applicantName == "张三")
        #expect(valid.idNumber == "11010519491231002X")
        #expect(valid.phone == "13812345678")
        form.idNumber = "110105194912310021"
        #expect(throws: DomainError.invalid("idNumber", "居民身份证号码无效：应为 18 位，末位校验码须符合 GB 11643")) { try form.validated() }
        form.idNumber = "11010519491231002X"
        form.applicantKind = .business
        #expect((try? form.validated()) == nil)
        form.idType = .creditCode
        form.idNumber = "91350100M000100Y43"
        form.contactPerson = "李四"
        #expect(try form.validated().idNumber == "91350100M000100Y43")
        form.delivery = .post
        #expect(throws: DomainError.self) { try form.validated() }
    }

    @Test("letter templates refuse unknown placeholders and render known ones")
    func templates() throws {
        #expect(throws: DomainError.self) { try LetterTemplate(validating: "{{申请人}}：您好，{{不存在}}。") }
        let template = try LetterTemplate(validating: "{{申请人}}：本机关于{{收到日期}}收到您的申请。")
        #expect(template.render(["申请人": "张三", "收到日期": "2025年9月25日"]) == "张三：本机关于2025年9月25日收到您的申请。")
        for kind in LetterKind.allCases { _ = try LetterTemplate(validating: DefaultLetterTemplates.template(for: kind).text) }
    }
}
