import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("依申请公开: intake, clock, letters, fees, appeals, monitor (SQLite and PostgreSQL)")
struct RequestServiceTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func application(unit: String = "CZJ", channel: RequestChannel = .inPerson, idNumber: String = "11010519491231002X") -> RequestApplication
    {
        RequestApplication(
            unitCode: unit, channel: channel, applicantKind: .naturalPerson, applicantName: "张三", idType: .residentID, idNumber: idNumber,
            phone: "13812345678", address: "示范县人民路1号", infoTitle: "2025年县级部门预算公开表", requestedForm: .paper, delivery: .post)
    }

    @Test("the worked examples: 补正 restart, consultation pause, extension; letters numbered per unit", arguments: TestDatabase.kinds)
    func clockThroughTheService(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = RequestService(database: database, clock: fixture.clock)
            let calendar = try await service.calendar()

            let first = try await service.intake(Self.application(), receivedOn: Self.day("2025-09-25"), by: fixture.editor)
            var request = try await service.request(first.id, visibleTo: fixture.editor)
            #expect(request.state == .accepted)
            #expect(request.clock(calendar: calendar, today: Self.day("2025-09-25"))?.due == Self.day("2025-10-29"))
            try await service.act(
                first.id, .consult, RequestActionInput(on: Self.day("2025-10-13"), party: "某科技公司", consultationKind: .thirdParty), by: fixture.editor)
            try await service.act(first.id, .recordOpinion, RequestActionInput(on: Self.day("2025-10-20"), note: "不同意公开"), by: fixture.editor)
            request = try await service.request(first.id, visibleTo: fixture.editor)
            #expect(request.state == .accepted)
            #expect(service.clock(of: request, calendar: calendar)?.due == Self.day("2025-11-05"))

            let second = try await service.intake(Self.application(), receivedOn: Self.day("2025-09-25"), by: fixture.editor)
            try await service.act(
                second.id, .requestCorrection, RequestActionInput(on: Self.day("2025-09-30"), note: "请说明所需预算表的年度和部门"), by: fixture.editor)
            await #expect(throws: DomainError.self) {
                try await service.act(second.id, .receiveCorrection, RequestActionInput(on: Self.day("2025-09-30")), by: fixture.editor)
                try await service.act(second.id, .requestCorrection, RequestActionInput(note: "再次补正"), by: fixture.editor)
            }
            try await service.act(second.id, .draftReply, RequestActionInput(outcome: .disclosed, replyText: "先拟一稿"), by: fixture.editor)
            // The second 补正 was refused, but the correction of 09-30 counts: due = 09-30 + 20 wd.
            request = try await service.request(second.id, visibleTo: fixture.editor)
            #expect(service.clock(of: request, calendar: calendar)?.due == calendar.adding(workingDays: 20, to: Self.day("2025-09-30")).date)

            let third = try await service.intake(Self.application(), receivedOn: Self.day("2024-12-31"), by: fixture.editor)
            await #expect(throws: DomainError.self) {
                try await service.act(third.id, .extend, RequestActionInput(on: Self.day("2025-01-20"), days: 20, note: "材料较多"), by: fixture.editor)
            }
            await #expect(throws: DomainError.self) {
                try await service.act(third.id, .extend, RequestActionInput(on: Self.day("2025-01-20"), days: 21, note: "材料较多"), by: fixture.reviewer)
            }
            try await service.act(third.id, .extend, RequestActionInput(on: Self.day("2025-01-20"), days: 20, note: "材料较多"), by: fixture.reviewer)
            await #expect(throws: DomainError.self) {
                try await service.act(third.id, .extend, RequestActionInput(on: Self.day("2025-01-21"), days: 5, note: "再延"), by: fixture.reviewer)
            }
            request = try await service.request(third.id, visibleTo: fixture.editor)
            let clock = service.clock(of: request, calendar: calendar)
            #expect(clock?.due == Self.day("2025-03-04"))
            #expect(clock?.steps.contains { $0.event.contains("reviewer") } == true)

            let letters = try await service.letters(of: request)
            #expect(letters.map(\.kind) == [.receipt, .extensionNotice])
            #expect(letters[1].body.contains("2025年3月4日"))
            #expect(letters[0].number.hasPrefix("示范县财政局依申请公开告〔2024〕"))
            // The unit's fifth letter of 2025: the first case's receipt and 征求意见书, the second's
            // receipt and 补正告知书, then this 延期答复告知书 (the third case's receipt is 〔2024〕).
            #expect(letters[1].number == "示范县财政局依申请公开告〔2025〕5号")
        }
    }

    @Test("online intake waits for confirmation; tracking needs both number and code; scope and masking", arguments: TestDatabase.kinds)
    func intakeAndTracking(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = RequestService(database: database, clock: fixture.clock)
            let receipt = try await service.submitOnline(Self.application(channel: .online))
            #expect(receipt.reference.hasPrefix("YSQ2026"))
            #expect(receipt.queryCode.count == 8)
            let tracked = try await service.track(reference: receipt.reference, code: receipt.queryCode.lowercased())
            #expect(tracked?.state == .pendingConfirmation)
            #expect(tracked?.receivedOn == nil)
            #expect(try await service.track(reference: receipt.reference, code: "WRONG123") == nil)
            #expect(try await service.track(reference: "YSQ2026999999", code: receipt.queryCode) == nil)

            await #expect(throws: DomainError.self) { try await service.request(receipt.id, visibleTo: fixture.otherEditor) }
            await #expect(throws: DomainError.self) {
                try await service.act(receipt.id, .confirm, RequestActionInput(), by: fixture.otherEditor)
            }
            await #expect(throws: DomainError.self) {
                try await service.act(receipt.id, .confirm, RequestActionInput(on: PublishingFixture.today.adding(days: 1)), by: fixture.editor)
            }
            try await service.act(receipt.id, .confirm, RequestActionInput(), by: fixture.editor)
            let confirmed = try await service.request(receipt.id, visibleTo: fixture.office)
            #expect(confirmed.receivedOn == PublishingFixture.today)
            #expect(RequestService.handles(confirmed, fixture.editor))
            #expect(!RequestService.handles(confirmed, fixture.office))
            #expect(try await service.letters(of: confirmed).first?.kind == .receipt)

            var bad = Self.application()
            bad.idNumber = "110105194912310021"
            await #expect(throws: DomainError.invalid("idNumber", "居民身份证号码无效：应为 18 位，末位校验码须符合 GB 11643")) {
                _ = try await service.intake(bad, receivedOn: PublishingFixture.today, by: fixture.editor)
            }
            await #expect(throws: DomainError.self) {
                _ = try await service.intake(Self.application(), receivedOn: PublishingFixture.today.adding(days: 1), by: fixture.editor)
            }
            // Nothing of the applicant's identity reaches the audit log.
            let audit = try await AuditLog.recent(on: database.sql, limit: 50)
            #expect(!audit.contains { $0.summary.contains("11010519491231002X") || $0.summary.contains("13812345678") })
        }
    }

    @Test("reply needs an outcome and another reviewer; fees; lapsed cases close; appeals; reassignment", arguments: TestDatabase.kinds)
    func outcomesFeesAndMonitor(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = RequestService(database: database, clock: fixture.clock)
            let today = PublishingFixture.today

            let answered = try await service.intake(Self.application(), receivedOn: today.adding(days: -3), by: fixture.editor)
            await #expect(throws: DomainError.self) {
                try await service.act(answered.id, .draftReply, RequestActionInput(replyText: "答复"), by: fixture.editor)
            }
            try await service.act(
                answered.id, .draftReply, RequestActionInput(outcome: .partlyDisclosed, replyText: "部分信息涉及个人隐私，已区分处理。"), by: fixture.editor)
            try await service.act(answered.id, .submitReply, RequestActionInput(), by: fixture.editor)
            await #expect(throws: DomainError.self) { try await service.act(answered.id, .approveReply, RequestActionInput(), by: fixture.editor) }
            try await service.act(answered.id, .approveReply, RequestActionInput(), by: fixture.reviewer)
            let done = try await service.request(answered.id, visibleTo: fixture.editor)
            #expect(done.state == .answered)
            #expect(done.outcome == .partlyDisclosed)
            let reply = try await service.letters(of: done).last!
            #expect(reply.kind == .reply)
            #expect(reply.body.contains("第三十七条"))
            try await service.recordDelivery(letter: reply.id, .registeredPost, on: today, trackingNumber: "1234567890123", by: fixture.editor)
            await #expect(throws: DomainError.self) {
                try await service.recordDelivery(letter: reply.id, .registeredPost, on: today, trackingNumber: "", by: fixture.editor)
            }

            let appealID = try await service.recordAppeal(
                Appeal(
                    id: 0, requestID: answered.id, kind: .review, filedOn: today, authority: "示范县人民政府", result: .pending, decidedOn: nil, note: ""),
                by: fixture.editor)
            await #expect(throws: DomainError.self) {
                try await service.decideAppeal(appealID, result: .upheld, decidedOn: nil, note: "", by: fixture.editor)
            }
            try await service.decideAppeal(appealID, result: .upheld, decidedOn: today, note: "维持", by: fixture.editor)
            #expect(try await service.appeals(of: done).first?.result == .upheld)

            // 按件: the same applicant's 11th request in the month costs 100 元; the first ten are free.
            var ids: [Int] = []
            for _ in 0..<11 {
                ids.append(
                    try await service.intake(
                        Self.application(idNumber: "360421199003071231"), receivedOn: today.adding(days: -45), by: fixture.editor
                    ).id)
            }
            await #expect(throws: DomainError.self) {
                try await service.act(ids[0], .issueFeeNotice, RequestActionInput(feeMethod: .perRequest), by: fixture.editor)
            }
            try await service.act(ids[10], .issueFeeNotice, RequestActionInput(feeMethod: .perRequest), by: fixture.editor)
            let feeLetter = try await service.letters(of: try await service.request(ids[10], visibleTo: fixture.editor)).last!
            #expect(feeLetter.kind == .feeNotice)
            #expect(feeLetter.body.contains("100元"))
            try await service.act(
                ids[9], .issueFeeNotice, RequestActionInput(on: today.adding(days: -40), feeMethod: .byVolume, pages: 250), by: fixture.editor)
            // The window runs from the applicant's receipt of the notice (109号), recorded as its delivery.
            let unpaidNotice = try await service.letters(of: try await service.request(ids[9], visibleTo: fixture.editor)).last!
            try await service.recordDelivery(letter: unpaidNotice.id, .inPerson, on: today.adding(days: -40), trackingNumber: "", by: fixture.editor)
            try await service.act(
                ids[8], .requestCorrection, RequestActionInput(on: today.adding(days: -30), deadline: today.adding(days: -10), note: "请写明文件名称"),
                by: fixture.editor)

            let monitor = RequestMonitor(database: database, clock: fixture.clock)
            let summary = try await monitor.run()
            #expect(summary.closed == 2)
            #expect(try await service.request(ids[9], visibleTo: fixture.editor).outcome == .feeNotPaid)
            #expect(try await service.request(ids[8], visibleTo: fixture.editor).outcome == .correctionNotMade)
            #expect(try await monitor.run().reminders == 0)

            await #expect(throws: DomainError.self) {
                try await service.act(ids[0], .reassign, RequestActionInput(note: "信息由教育局掌握", unitCode: "JYJ"), by: fixture.reviewer)
            }
            try await service.act(ids[0], .reassign, RequestActionInput(note: "信息由教育局掌握", unitCode: "JYJ"), by: fixture.office)
            #expect(try await service.request(ids[0], visibleTo: fixture.otherEditor).application.unitCode == "JYJ")
        }
    }
}
