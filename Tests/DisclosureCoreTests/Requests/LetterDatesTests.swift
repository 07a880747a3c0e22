import DisclosureCore
import Foundation
import Testing

/// Issue 18 item 7: a letter prints a bare date only when every year it was counted across has a
/// published 放假安排; otherwise it adds 「（如遇法定节假日顺延）」.
@Suite("Dates letters promise")
struct LetterDatesTests {
    let calendar = WorkingDayCalendar.china()
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("a deadline counted into 2027 (not yet published) carries the caveat; one inside 2026 does not")
    func caveat() {
        let start = Self.day("2026-12-20")
        let into2027 = calendar.adding(workingDays: 20, to: start).date
        #expect(into2027.year == 2027)
        #expect(calendar.promise(into2027, countedFrom: start) == "\(into2027.chineseText)（如遇法定节假日顺延）")
        let inside = calendar.adding(workingDays: 5, to: start).date
        #expect(calendar.promise(inside, countedFrom: start) == inside.chineseText)
    }

    @Test("the receipt letter's 答复期限 for a request received 2026-12-20 promises no bare 2027 date")
    func receiptLetter() throws {
        let application = RequestApplication(
            unitCode: "CZJ", channel: .inPerson, applicantKind: .naturalPerson, applicantName: "张三", idType: .residentID,
            idNumber: "11010519491231002X", phone: "13812345678", address: "示范县人民路1号", infoTitle: "预算表", requestedForm: .paper,
            delivery: .post)
        let timeline = RequestTimeline(receivedOn: Self.day("2026-12-20"))
        let clock = RequestClock.evaluate(timeline, calendar: calendar, today: Self.day("2026-12-20"))
        let request = InformationRequest(
            id: 1, reference: "YSQ2026000001", application: application, submittedAt: .init(timeIntervalSince1970: 0),
            receivedOn: Self.day("2026-12-20"),
            state: .accepted, outcome: nil, replyText: "", draftedBy: nil, answeredOn: nil, events: [], createdBy: "editor")
        let values = LetterFields.values(for: request, unitName: "示范县财政局", clock: clock, number: "1", issuedOn: Self.day("2026-12-20"))
        #expect(values["答复期限"]?.hasSuffix("（如遇法定节假日顺延）") == true)
    }
}
