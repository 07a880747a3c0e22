import DisclosureCore
import Foundation
import PropertyBased
import Testing

/// Issue 24 §1: when a failed message is tried again, when staff SMS waits for the morning, and
/// which addresses a message may go to.
@Suite("Delivery rules: retries, quiet hours, addresses")
struct DeliveryRulesTests {
    /// 2026-12-07 00:00 Beijing time.
    static let midnight = Date(timeIntervalSince1970: 1_796_601_600 - 8 * 3600)

    static func beijing(_ hour: Int, _ minute: Int, second: Int = 0) -> Date {
        midnight.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second))
    }

    @Test("the standard schedule: 1, 5, 30, 120, 360 minutes after each failure, then failed for good")
    func retrySchedule() {
        let failed = Self.beijing(10, 0)
        let schedule = RetrySchedule.standard
        #expect(schedule.nextAttempt(afterFailedAttempts: 1, failedAt: failed) == Self.beijing(10, 1))
        #expect(schedule.nextAttempt(afterFailedAttempts: 2, failedAt: failed) == Self.beijing(10, 5))
        #expect(schedule.nextAttempt(afterFailedAttempts: 5, failedAt: failed) == Self.beijing(16, 0))
        #expect(schedule.nextAttempt(afterFailedAttempts: 6, failedAt: failed) == nil)
        #expect(schedule.nextAttempt(afterFailedAttempts: 0, failedAt: failed) == nil)
        #expect(RetrySchedule(delaysInMinutes: []).nextAttempt(afterFailedAttempts: 1, failedAt: failed) == nil)
    }

    @Test("the office's schedule is read from «1、5，30» and bounded")
    func retryParsing() throws {
        #expect(try RetrySchedule.parse("1、5，30").delaysInMinutes == [1, 5, 30])
        #expect(try RetrySchedule.parse("").delaysInMinutes == [])
        for bad in ["0", "2881", "1、x", "1,2,3,4,5,6,7,8,9,10,11", "99999999999999999999"] {
            #expect(throws: DomainError.self) { try RetrySchedule.parse(bad) }
        }
    }

    @Test("a property: every retry comes strictly later than the failure, and the count of retries is the schedule's length")
    func retryProperty() async {
        await propertyCheck(input: Gen.int(in: 1...2880).array(of: 0...10), Gen.int(in: 0...2_000_000_000)) { delays, seconds in
            let schedule = RetrySchedule(delaysInMinutes: delays)
            let failed = Date(timeIntervalSince1970: TimeInterval(seconds))
            let retries = (1...12).compactMap { schedule.nextAttempt(afterFailedAttempts: $0, failedAt: failed) }
            #expect(retries.count == delays.count)
            #expect(retries.allSatisfy { $0 > failed })
        }
    }

    @Test("quiet hours 21:00–08:00 hold a 22:30 message to 08:00 and a 07:59:30 one to 08:00; 08:00 and 20:59 go at once")
    func quietHours() {
        let quiet = QuietHours.standard
        #expect(quiet.release(Self.beijing(22, 30)) == Self.beijing(32, 0))
        #expect(quiet.release(Self.beijing(7, 59, second: 30)) == Self.beijing(8, 0))
        #expect(quiet.release(Self.beijing(0, 0)) == Self.beijing(8, 0))
        #expect(quiet.release(Self.beijing(21, 0)) == Self.beijing(32, 0))
        #expect(quiet.release(Self.beijing(8, 0)) == Self.beijing(8, 0))
        #expect(quiet.release(Self.beijing(20, 59)) == Self.beijing(20, 59))
        // Within one day (a lunch break), and none at all.
        let lunch = QuietHours(startMinute: 12 * 60, endMinute: 13 * 60 + 30)
        #expect(lunch.release(Self.beijing(12, 10)) == Self.beijing(13, 30))
        #expect(lunch.release(Self.beijing(11, 59)) == Self.beijing(11, 59))
        #expect(QuietHours(startMinute: 0, endMinute: 0).contains(Self.beijing(3, 0)) == false)
    }

    @Test("a property: a released instant is never earlier, never inside the quiet hours, and less than a day later")
    func quietProperty() async {
        await propertyCheck(input: Gen.int(in: 0...1439), Gen.int(in: 0...1439), Gen.int(in: 0...400_000_000)) { start, end, offset in
            let quiet = QuietHours(startMinute: start, endMinute: end)
            let instant = Date(timeIntervalSince1970: 1_700_000_000 + TimeInterval(offset))
            let released = quiet.release(instant)
            #expect(released >= instant)
            #expect(!quiet.contains(released))
            #expect(released.timeIntervalSince(instant) < 86_400)
        }
    }

    @Test("clock times are read as 时:分 and nothing else")
    func clockText() throws {
        #expect(try QuietHours.parseClock("21:00", field: "quietStart") == 1260)
        #expect(try QuietHours.parseClock(" 8:30", field: "quietEnd") == 510)
        for bad in ["24:00", "8", "8:3", "a:00", "-1:00", "123:00"] {
            #expect(throws: DomainError.self) { try QuietHours.parseClock(bad, field: "quietStart") }
        }
        #expect(QuietHours.clockText(510) == "08:30")
    }

    @Test("addresses a server can be given: one @, a dotted domain, ASCII, no characters that change the conversation")
    func addresses() {
        for good in ["zhang.san@example.cn", "a+b@mail.shifan.gov.cn", "x@y.co"] { #expect(MailAddress.isDeliverable(good), "\(good)") }
        for bad in [
            "", "no-at.example.cn", "a@b", "a@@b.cn", "a@b..cn", "a@-b.cn", "<a@b.cn>", "a b@c.cn", "a@b.cn\r\nRCPT TO:<x@y.cn>", "张三@example.cn",
            "a\"b@c.cn", String(repeating: "a", count: 65) + "@b.cn",
        ] {
            #expect(!MailAddress.isDeliverable(bad), "\(bad)")
        }
    }

    @Test("a staff member's reminder addresses follow the choice, and only where an address is usable")
    func staffAddresses() {
        func contact(_ by: ReminderPreference, email: String = "li@shifan.gov.cn", mobile: String = "13812345678") -> StaffContact {
            StaffContact(username: "li", displayName: "李四", role: .editor, unitCode: "czj", email: email, mobile: mobile, remindersBy: by)
        }
        #expect(contact(.email).reminderAddresses.map(\.channel) == [.email])
        #expect(contact(.both).reminderAddresses.map(\.channel) == [.email, .sms])
        #expect(contact(.sms).reminderAddresses.map(\.address) == ["13812345678"])
        #expect(contact(.none).reminderAddresses.isEmpty)
        #expect(contact(.both, email: "not-an-address", mobile: "123").reminderAddresses.isEmpty)
    }
}

/// Issue 24 §2: which publications belong in a subscription's digest.
@Suite("Subscriptions: what a unit, a category or keywords follow")
struct SubscriptionRulesTests {
    static let item = PublishedItem(
        id: 1, unitCode: "CZJ-GKK", category: "财政预决算", title: "国库集中支付业务办理指南", docNumber: "示财发〔2026〕5号",
        body: "为规范国库集中支付，现将办理指南公布如下。", publishedOn: CivilDate(iso: "2026-12-07")!)

    @Test("a unit includes its internal offices; a category is matched exactly; keywords all as substrings, Latin in any case")
    func matching() throws {
        #expect(SubscriptionRules.matches(kind: .unit, value: "CZJ", scope: ["CZJ", "CZJ-GKK"], item: Self.item))
        #expect(!SubscriptionRules.matches(kind: .unit, value: "JYJ", scope: ["JYJ"], item: Self.item))
        #expect(SubscriptionRules.matches(kind: .category, value: "财政预决算", scope: [], item: Self.item))
        #expect(!SubscriptionRules.matches(kind: .category, value: "财政", scope: [], item: Self.item))
        #expect(SubscriptionRules.matches(kind: .search, value: "国库 支付", scope: [], item: Self.item))
        #expect(SubscriptionRules.matches(kind: .search, value: "示财发〔2026〕5号", scope: [], item: Self.item))
        #expect(!SubscriptionRules.matches(kind: .search, value: "国库 低保", scope: [], item: Self.item))
        #expect(try SubscriptionRules.validated(kind: .search, value: "  低保  ") == "低保")
        for bad in ["", String(repeating: "字", count: 41), "，。"] {
            #expect(throws: DomainError.self) { try SubscriptionRules.validated(kind: .search, value: bad) }
        }
    }
}
