/// A 行政复议 or 行政诉讼 about a request (条例 第五十一条): one entry of annual-report table 四.
public struct Appeal: Equatable, Sendable {
    public let id: Int
    public let requestID: Int
    public var kind: AppealKind
    public var filedOn: CivilDate
    /// The 复议机关 or the court.
    public var authority: String
    public var result: AppealResult
    public var decidedOn: CivilDate?
    public var note: String

    public init(
        id: Int, requestID: Int, kind: AppealKind, filedOn: CivilDate, authority: String, result: AppealResult, decidedOn: CivilDate?, note: String
    ) {
        self.id = id
        self.requestID = requestID
        self.kind = kind
        self.filedOn = filedOn
        self.authority = authority
        self.result = result
        self.decidedOn = decidedOn
        self.note = note
    }

    /// A decided result needs its date and a pending one has none.
    public func validated(today: CivilDate) throws -> Appeal {
        var copy = self
        copy.authority = PlainText.singleLine(authority)
        copy.note = PlainText.singleLine(note)
        guard filedOn <= today else { throw DomainError.invalid("filedOn", "申请复议或起诉日期不能晚于今天") }
        guard (2...100).contains(copy.authority.count) else { throw DomainError.invalid("authority", "请填写复议机关或受理法院") }
        switch (result, decidedOn) {
        case (.pending, nil): break
        case (.pending, _): throw DomainError.invalid("decidedOn", "尚未审结的案件不填写审结日期")
        case (_, nil): throw DomainError.invalid("decidedOn", "请填写审结日期")
        case (_, let decided?):
            guard decided >= filedOn, decided <= today else { throw DomainError.invalid("decidedOn", "审结日期应在立案日期与今天之间") }
        }
        guard copy.note.count <= 1000 else { throw DomainError.invalid("note", "备注不超过 1000 字") }
        return copy
    }
}
