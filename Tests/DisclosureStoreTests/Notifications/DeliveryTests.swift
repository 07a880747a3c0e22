import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

/// Issue 24 §1 against a real SMTP server on loopback (aiosmtpd, STARTTLS and TLS, with a login)
/// and our SMS gateway stub, on SQLite and PostgreSQL.
@Suite("Delivery: reminders, letters and retries through real servers (SQLite and PostgreSQL)", .serialized)
struct DeliveryTests {
    /// The day a case received 18 working days before `today` enters its last 3 working days.
    static func receivedForLastThreeDays(_ calendar: WorkingDayCalendar, today: CivilDate) -> CivilDate {
        var day = today
        while calendar.workingDays(from: day, to: today) < 18 { day = day.adding(days: -1) }
        return day
    }

    @Test(
        "a case entering its last 3 working days e-mails the clerk and texts the reviewer, once; the person who chose nothing gets nothing",
        arguments: TestDatabase.kinds)
    func dueSoonReminder(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await DeliveryFixture(database)
            defer { fixture.stop() }
            let service = RequestService(database: database, clock: fixture.clock)
            let calendar = try await service.calendar()
            let received = Self.receivedForLastThreeDays(calendar, today: PublishingFixture.today)
            let request = try await service.intake(RequestServiceTests.application(), receivedOn: received, by: fixture.base.editor)

            let monitor = RequestMonitor(database: database, clock: fixture.clock)
            #expect(try await monitor.run().reminders == 1)
            let queued = try await fixture.deliveries()
            #expect(queued.map(\.message.recipient).sorted() == ["13900000001", "clerk@shifan.gov.cn", "lead@shifan.gov.cn"])
            #expect(queued.allSatisfy { $0.status == .queued && $0.message.purpose == .staffReminder })

            let summary = try await fixture.dispatcher().runOnce()
            #expect(summary == DeliveryDispatcher.Summary(sent: 3))
            let mails = try fixture.smtp.received()
            #expect(mails.map(\.envelopeTo).sorted() == ["clerk@shifan.gov.cn", "lead@shifan.gov.cn"])
            let clerk = try #require(mails.first { $0.envelopeTo == "clerk@shifan.gov.cn" })
            #expect(clerk.authenticated)
            #expect(clerk.subject.hasPrefix("即将到期：\(request.reference)"))
            #expect(clerk.from.hasPrefix("示范县政务公开办"))
            #expect(clerk.text.contains("剩余"))
            #expect(clerk.text.contains("办理页面：https://gk.shifan.gov.cn/staff/requests/\(request.id)"))
            let sms = try #require(fixture.gateway.received.first)
            #expect(fixture.gateway.received.count == 1)
            #expect(sms.headers["authorization"] == "Bearer test-key")
            #expect(sms.json["PhoneNumbers"] as? String == "13900000001")
            #expect(((sms.json["TemplateParam"] as? [String: Any])?["text"] as? String)?.hasPrefix("【即将到期：\(request.reference)") == true)
            let sent = try await fixture.deliveries(status: .sent)
            #expect(sent.count == 3)
            #expect(sent.allSatisfy { $0.sentAt != nil && $0.attempts == 1 })
            #expect(sent.first { $0.message.channel == .email }?.answer?.contains("queued as sink-") == true)

            // The same day again: no new reminder, nothing sent twice.
            #expect(try await monitor.run().reminders == 0)
            #expect(try await fixture.dispatcher().runOnce() == DeliveryDispatcher.Summary())
            #expect(try fixture.smtp.received().count == 2)
        }
    }

    @Test(
        "a wrong password and an unreachable server are retried with the reason; 451 is retried then sent; 550 and a malformed address fail at once; the office can send again",
        arguments: TestDatabase.kinds)
    func failuresAndRetries(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await DeliveryFixture(database)
            defer { fixture.stop() }
            let queue = DeliveryQueue(database.unaudited)
            for recipient in ["ok@example.cn", "busy-1@example.cn", "reject-1@example.cn", "a@b"] {
                #expect(try await queue.enqueue(fixture.test(recipient), at: fixture.clock.now()))
            }
            #expect(try await queue.enqueue(fixture.test("ok@example.cn"), at: fixture.clock.now()) == false)

            try await fixture.save(mail: fixture.mail(security: .implicitTLS, password: "wrong-password"), sms: nil)
            var summary = try await fixture.dispatcher().runOnce()
            #expect(summary.retrying == 3 && summary.failed == 1)
            var rows = try await fixture.deliveries()
            #expect(rows.first { $0.message.recipient == "a@b" }?.status == .failed)
            #expect(rows.first { $0.message.recipient == "a@b" }?.lastError?.contains("收件地址无效") == true)
            let refused = try #require(rows.first { $0.message.recipient == "ok@example.cn" })
            #expect(refused.status == .queued)
            #expect(refused.lastError?.contains("「登录」时答复 535") == true, "\(refused.lastError ?? "")")
            #expect(refused.nextAttemptAt == fixture.clock.now().addingTimeInterval(60))

            // Nothing is tried before its time.
            #expect(try await fixture.dispatcher().runOnce() == DeliveryDispatcher.Summary())

            // A server that is not there: a passing failure too.
            try await fixture.save(mail: fixture.mail(port: 1), sms: nil)
            fixture.clock.advance(by: 61)
            summary = try await fixture.dispatcher().runOnce()
            #expect(summary.retrying == 3)
            #expect(try await fixture.deliveries().first { $0.message.recipient == "ok@example.cn" }?.lastError?.contains("无法连接邮件服务器") == true)

            // The office fixes the settings (an empty password keeps the stored one, so it is given again here).
            try await fixture.save(mail: fixture.mail(security: .startTLS), sms: nil)
            fixture.clock.advance(by: 301)
            summary = try await fixture.dispatcher().runOnce()
            #expect(summary == DeliveryDispatcher.Summary(sent: 1, retrying: 1, failed: 1))
            rows = try await fixture.deliveries()
            #expect(rows.first { $0.message.recipient == "reject-1@example.cn" }?.lastError?.contains("「收件人」时答复 550") == true)
            #expect(rows.first { $0.message.recipient == "busy-1@example.cn" }?.lastError?.contains("451") == true)

            fixture.clock.advance(by: 1801)
            #expect(try await fixture.dispatcher().runOnce() == DeliveryDispatcher.Summary(sent: 1))
            #expect(try fixture.smtp.received().map(\.envelopeTo).sorted() == ["busy-1@example.cn", "ok@example.cn"])
            let busy = try #require(try await fixture.deliveries(status: .sent).first { $0.message.recipient == "busy-1@example.cn" })
            #expect(busy.attempts == 4)

            // Failed messages stay, with their reasons; sent again by the office, the retries start over.
            let failed = try await fixture.deliveries(status: .failed)
            #expect(failed.map(\.message.recipient).sorted() == ["a@b", "reject-1@example.cn"])
            #expect(try await queue.resend(failed[0].id, at: fixture.clock.now()))
            #expect(try await queue.resend(failed[0].id, at: fixture.clock.now()) == false)
            #expect(try await queue.find(failed[0].id)?.status == .queued)
        }
    }

    @Test(
        "an applicant who chose 电子邮件 receives each letter, the reply with its released file attached, and the case records 电子送达 that day",
        arguments: TestDatabase.kinds)
    func applicantLetters(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await DeliveryFixture(database)
            defer { fixture.stop() }
            let service = RequestService(database: database, clock: fixture.clock)
            var application = RequestServiceTests.application()
            application.delivery = .email
            application.email = "zhangsan@example.cn"
            let request = try await service.intake(application, receivedOn: PublishingFixture.today, by: fixture.base.editor)
            let pdf = Array("%PDF-1.4\n2025年县级部门预算公开表\n%%EOF\n".utf8)
            _ = try await service.addReplyFile(request.id, fileName: "2025年部门预算公开表.pdf", bytes: pdf, store: fixture.files, by: fixture.base.editor)
            try await service.act(request.id, .draftReply, RequestActionInput(outcome: .disclosed, replyText: "予以公开，详见附件。"), by: fixture.base.editor)
            try await service.act(request.id, .submitReply, RequestActionInput(), by: fixture.base.editor)
            try await service.act(request.id, .approveReply, RequestActionInput(), by: fixture.base.reviewer)

            #expect(try await fixture.dispatcher().runOnce().sent == 2)
            let mails = try fixture.smtp.received().filter { $0.envelopeTo == "zhangsan@example.cn" }
            #expect(mails.count == 2)
            let reply = try #require(mails.first { $0.subject.contains("答复告知书") })
            #expect(reply.from.hasPrefix("示范县财政局"))
            #expect(reply.text.hasPrefix("张三：\n\n示范县财政局就您的政府信息公开申请（受理编号 \(request.reference)）出具《政府信息公开申请答复告知书》"))
            #expect(reply.text.contains("本告知书以电子邮件方式送达。"))
            #expect(reply.attachments.count == 2)
            #expect(reply.attachments[0].name.hasSuffix(".docx"))
            #expect(reply.attachments[0].data.starts(with: Array("PK".utf8)))
            #expect(reply.attachments[1].name == "2025年部门预算公开表.pdf")
            #expect(reply.attachments[1].data == Data(pdf))

            let letters = try await service.letters(of: try await service.request(request.id, visibleTo: fixture.base.editor))
            #expect(letters.map(\.kind) == [.receipt, .reply])
            // An address the form took but no server would: queued, failed at once with the reason, never silent.
            var odd = application
            odd.email = "张三@example.cn"
            let oddCase = try await service.intake(odd, receivedOn: PublishingFixture.today, by: fixture.base.editor)
            #expect(try await fixture.dispatcher().runOnce() == DeliveryDispatcher.Summary(failed: 1))
            let failed = try #require(try await fixture.deliveries(status: .failed).first)
            #expect(failed.message.requestID == oddCase.id && failed.lastError?.contains("收件地址无效") == true)
            #expect(letters.allSatisfy { $0.delivery == .electronic && $0.deliveredOn == PublishingFixture.today })
            let audit = try await AuditLog.recent(on: database.sql, limit: 500).filter { $0.action == "letter.deliver" }
            #expect(audit.count == 2 && audit.allSatisfy { $0.actor == "system" })
        }
    }

    @Test(
        "a complainant and a questioner who left an address receive the answer by e-mail; one who left none gets nothing",
        arguments: TestDatabase.kinds)
    func answers(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await DeliveryFixture(database)
            defer { fixture.stop() }
            let complaints = ComplaintService(database: database, clock: fixture.clock)
            var submission = ComplaintServiceTests.submission
            submission.email = "lisi@example.cn"
            let complaint = try await complaints.submitOnline(submission)
            try await complaints.act(
                complaint.id, .draftReply, .init(reply: ComplaintReply(outcome: .substantiated, text: "经核查属实。", rectification: "已补充公开。")),
                by: fixture.base.editor)
            try await complaints.act(complaint.id, .approveReply, .init(), by: fixture.base.reviewer)
            let messages = MessageService(database: database, clock: fixture.clock)
            let asked = try await messages.submit(MessageSubmission(unitCode: "CZJ", title: "低保标准", content: "今年标准是多少？", email: "wang@example.cn"))
            let silent = try await messages.submit(MessageSubmission(unitCode: "CZJ", title: "补贴时间", content: "什么时候发？", phone: "13900000000"))
            for id in [asked, silent] {
                try await messages.moderate(id, accept: true, rejection: nil, note: "", by: fixture.base.office)
                try await messages.reply(id, text: "每人每月 800 元。", by: fixture.base.editor)
            }
            #expect(try await fixture.dispatcher().runOnce().sent == 2)
            let mails = try fixture.smtp.received()
            let answer = try #require(mails.first { $0.envelopeTo == "lisi@example.cn" })
            #expect(answer.subject == "示范县财政局：投诉举报答复（\(complaint.reference)）")
            #expect(answer.text.contains("核查结论：属实") && answer.text.contains("经核查属实。") && answer.text.contains("整改情况：已补充公开。"))
            let reply = try #require(mails.first { $0.envelopeTo == "wang@example.cn" })
            #expect(reply.text.contains("您的留言「低保标准」已由示范县财政局答复：\n\n每人每月 800 元。"))
            #expect(try await fixture.deliveries().allSatisfy { $0.message.purpose == .answer })
        }
    }

    @Test("two instances sending from one queue: every message exactly once", arguments: TestDatabase.kinds)
    func exactlyOnce(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await DeliveryFixture(database)
            defer { fixture.stop() }
            let queue = DeliveryQueue(database.unaudited)
            for index in 0..<40 { try await queue.enqueue(fixture.test("user\(index)@example.cn"), at: fixture.clock.now()) }
            let second = try await Database.open(database.url, writeBudget: .seconds(60))
            let totals: [DeliveryDispatcher.Summary]
            do {
                totals = try await Self.sendAll(fixture.dispatcher("instance-a", on: database), fixture.dispatcher("instance-b", on: second))
                try await second.close()
            } catch {
                try? await second.close()
                throw error
            }
            #expect(totals.map(\.sent).reduce(0, +) == 40)
            #expect(totals.allSatisfy { $0.lost == 0 })
            let received = try fixture.smtp.received().map(\.envelopeTo)
            #expect(received.count == 40)
            #expect(Set(received).count == 40)
            #expect(try await fixture.deliveries(status: .sent).count == 40)
        }
    }

    @Test(
        "SMS: a 503 is retried, a 2xx without the success mark and a 400 fail with the gateway's words; staff SMS waits for the morning",
        arguments: TestDatabase.kinds)
    func smsGateway(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await DeliveryFixture(database)
            defer { fixture.stop() }
            let queue = DeliveryQueue(database.unaudited)
            fixture.gateway.answer([(503, "busy"), (200, #"{"Code":"isv.BUSINESS_LIMIT_CONTROL"}"#), (400, "bad template")])
            for number in ["13800000001", "13800000002", "13800000003"] {
                try await queue.enqueue(fixture.test(number, channel: .sms), at: fixture.clock.now())
            }
            var summary = try await fixture.dispatcher().runOnce()
            #expect(summary == DeliveryDispatcher.Summary(retrying: 1, failed: 2))
            let rows = try await fixture.deliveries()
            #expect(rows.map(\.lastError) == ["短信网关答复 503 busy", #"短信网关答复 200 {"Code":"isv.BUSINESS_LIMIT_CONTROL"}"#, "短信网关答复 400 bad template"])
            fixture.clock.advance(by: 61)
            #expect(try await fixture.dispatcher().runOnce() == DeliveryDispatcher.Summary(sent: 1))
            #expect(fixture.gateway.received.count == 4)

            // 23:00 Beijing time: a staff reminder by SMS is held to 08:00 without using an attempt;
            // the e-mail beside it goes at once.
            let evening = CivilDate(instant: fixture.clock.now()).dayNumber * 86_400 - 8 * 3600 + 23 * 3600
            fixture.clock.advance(by: TimeInterval(evening) - fixture.clock.now().timeIntervalSince1970)
            try await queue.enqueue(fixture.test("13900000009", channel: .sms, purpose: .staffReminder), at: fixture.clock.now())
            try await queue.enqueue(fixture.test("night@example.cn", purpose: .staffReminder), at: fixture.clock.now())
            summary = try await fixture.dispatcher().runOnce()
            #expect(summary == DeliveryDispatcher.Summary(sent: 1, postponed: 1))
            let held = try #require(try await fixture.deliveries(status: .queued).first)
            #expect(held.attempts == 0)
            #expect(held.nextAttemptAt == Date(timeIntervalSince1970: TimeInterval(evening + 9 * 3600)))
            fixture.clock.advance(by: 9 * 3600)
            #expect(try await fixture.dispatcher().runOnce() == DeliveryDispatcher.Summary(sent: 1))
        }
    }

    /// Runs both dispatchers at once, in small rounds, until neither finds anything to send.
    static func sendAll(_ dispatchers: DeliveryDispatcher...) async throws -> [DeliveryDispatcher.Summary] {
        try await withThrowingTaskGroup(of: DeliveryDispatcher.Summary.self) { group in
            for dispatcher in dispatchers {
                group.addTask {
                    var total = DeliveryDispatcher.Summary()
                    while true {
                        let round = try await dispatcher.runOnce(limit: 3)
                        if round == DeliveryDispatcher.Summary() { return total }
                        total += round
                    }
                }
            }
            return try await group.reduce(into: [DeliveryDispatcher.Summary]()) { $0.append($1) }
        }
    }
}
