/// A 告知书 as issued: its text is frozen at issue, so a later template edit never changes what an
/// applicant received.
public struct IssuedLetter: Equatable, Sendable {
    public let id: Int
    public let requestID: Int
    public let unitCode: String
    public let kind: LetterKind
    /// e.g. 县财政局依申请公开告〔2025〕3号, numbered per unit and year.
    public let number: String
    public let title: String
    public let addressee: String
    public let body: String
    public let issuedOn: CivilDate
    public let delivery: LetterDelivery?
    public let deliveredOn: CivilDate?
    public let trackingNumber: String?

    public init(
        id: Int, requestID: Int, unitCode: String, kind: LetterKind, number: String, title: String, addressee: String, body: String,
        issuedOn: CivilDate, delivery: LetterDelivery?, deliveredOn: CivilDate?, trackingNumber: String?
    ) {
        self.id = id
        self.requestID = requestID
        self.unitCode = unitCode
        self.kind = kind
        self.number = number
        self.title = title
        self.addressee = addressee
        self.body = body
        self.issuedOn = issuedOn
        self.delivery = delivery
        self.deliveredOn = deliveredOn
        self.trackingNumber = trackingNumber
    }
}

extension CivilDate {
    /// 2025年9月25日, as letters write dates.
    public var chineseText: String { "\(year)年\(month)月\(day)日" }

    /// The date as a letter promises it: with 「（如遇法定节假日顺延）」 when it was counted across a
    /// year whose 放假安排 is not published yet, so the letter never promises a day that may turn
    /// out to be a holiday (issue 18).
    public func promised(provisional: Bool) -> String {
        provisional ? chineseText + "（如遇法定节假日顺延）" : chineseText
    }
}

extension WorkingDayCalendar {
    /// A deadline counted from `start` to `date` as a letter should print it (see `CivilDate.promised`).
    public func promise(_ date: CivilDate, countedFrom start: CivilDate) -> String {
        date.promised(provisional: !unconfirmedYears(from: start, to: date).isEmpty)
    }
}

/// The values a letter's placeholders take for one request (LetterTemplate.fields).
public enum LetterFields {
    public static func values(
        for request: InformationRequest, unitName: String, clock: RequestClock?, number: String, issuedOn: CivilDate, extra: [String: String] = [:]
    ) -> [String: String] {
        let application = request.application
        var sought = application.infoTitle
        if !application.infoDocNumber.isEmpty { sought += "（\(application.infoDocNumber)）" }
        if sought.isEmpty { sought = String(application.infoDescription.prefix(200)) }
        var values = [
            "单位": unitName, "文书编号": number, "日期": issuedOn.chineseText, "申请人": application.applicantName, "受理编号": request.reference,
            "收到日期": request.receivedOn?.chineseText ?? "（待确认）", "收到方式": application.channel.receiptRule, "申请内容": sought,
            "答复期限": clock.flatMap { clock in clock.due?.promised(provisional: !clock.unconfirmedYears.isEmpty) } ?? "收到补正申请之日起20个工作日内",
        ]
        if let outcome = request.outcome {
            // The decision in plain words; the report's row label and its counting note never reach
            // a letter (issue 22).
            values["答复类型"] = outcome.decision
            values["法律依据"] = outcome.basis
            values["答复内容"] = request.replyText
        }
        values["复议机关"] = "本机关的复议机关"
        values["诉讼法院"] = Remedy.anyCourt
        values.merge(extra) { _, new in new }
        return values
    }
}
