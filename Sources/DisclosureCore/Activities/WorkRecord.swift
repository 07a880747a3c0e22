/// One piece of evidence of a unit's 政务公开 work: a meeting, a training, an inspection, a report
/// handed in (with its due date), or a 5·15 open day with the figures its summary reports.
public struct WorkRecord: Equatable, Sendable {
    public var id: Int?
    public var unitCode: String
    public var kind: WorkRecordKind
    /// The day it was held, done or submitted.
    public var date: CivilDate
    public var title: String
    public var chair: String
    public var attendees: String
    public var attendeeCount: Int?
    public var place: String
    /// 议题 / 纪要 / 检查发现 in prose.
    public var detail: String
    /// For submissions: the office's due date.
    public var dueOn: CivilDate?
    public var openDay: OpenDayFigures?
    public var file: StoredFile?

    public init(
        id: Int? = nil, unitCode: String, kind: WorkRecordKind, date: CivilDate, title: String, chair: String = "", attendees: String = "",
        attendeeCount: Int? = nil, place: String = "", detail: String = "", dueOn: CivilDate? = nil, openDay: OpenDayFigures? = nil,
        file: StoredFile? = nil
    ) {
        self.id = id
        self.unitCode = unitCode
        self.kind = kind
        self.date = date
        self.title = title
        self.chair = chair
        self.attendees = attendees
        self.attendeeCount = attendeeCount
        self.place = place
        self.detail = detail
        self.dueOn = dueOn
        self.openDay = openDay
        self.file = file
    }

    /// Submitted by its due date; nil for records that have none.
    public var onTime: Bool? { dueOn.map { date <= $0 } }

    public func validated(today: CivilDate) throws -> WorkRecord {
        var copy = self
        guard date <= today else { throw DomainError.invalid("date", "日期不能晚于今天（只记录已经发生的工作）") }
        copy.title = try FieldText.line(title, field: "title", label: "名称或主题", limit: 120)
        copy.chair = try FieldText.line(chair, field: "chair", label: "主持人", limit: 50, required: kind == .leadershipMeeting)
        copy.attendees = try FieldText.text(attendees, field: "attendees", label: "参加人员", limit: 1000, required: kind.isMeeting)
        copy.place = try FieldText.line(place, field: "place", label: "地点", limit: 100, required: kind == .openDay)
        copy.detail = try FieldText.text(detail, field: "detail", label: "内容", limit: 5000, required: false)
        if let count = attendeeCount, !(1...10000).contains(count) { throw DomainError.invalid("attendeeCount", "参加人数须在 1 到 10000 之间") }
        if kind.isSubmission {
            guard dueOn != nil else { throw DomainError.invalid("dueOn", "「\(kind.label)」须填写规定报送日期，以判断是否按时") }
        } else {
            copy.dueOn = nil
        }
        if kind == .openDay {
            guard let figures = openDay else { throw DomainError.invalid("visitors", "政府开放日须填写活动数据") }
            copy.openDay = try figures.validated()
        } else {
            copy.openDay = nil
        }
        return copy
    }
}

/// The figures a 5·15 政务公开日 summary reports (issue 5 §3).
public struct OpenDayFigures: Equatable, Sendable, Codable {
    public var visitors: Int
    public var boards: Int
    public var consultations: Int
    public var questionsAnswered: Int
    public var materials: Int

    public init(visitors: Int, boards: Int, consultations: Int, questionsAnswered: Int, materials: Int) {
        self.visitors = visitors
        self.boards = boards
        self.consultations = consultations
        self.questionsAnswered = questionsAnswered
        self.materials = materials
    }

    public func validated() throws -> OpenDayFigures {
        for (field, label, value) in [
            ("visitors", "参加群众人数", visitors), ("boards", "展板数", boards), ("consultations", "接受咨询人次", consultations),
            ("questionsAnswered", "解答问题数", questionsAnswered), ("materials", "发放资料份数", materials),
        ] where !(0...1_000_000).contains(value) {
            throw DomainError.invalid(field, "\(label)须为 0 到 1000000 之间的整数")
        }
        guard questionsAnswered <= consultations || consultations == 0 else {
            throw DomainError.invalid("questionsAnswered", "解答问题数不能多于接受咨询人次")
        }
        return self
    }
}
