/// What staff give with an action; which fields matter depends on the action (see RequestService).
public struct RequestActionInput: Equatable, Sendable {
    /// The day the step happened (a letter sent, an answer received); today when absent.
    public var on: CivilDate?
    /// A stated deadline: the 补正期限, or an art. 35 answer date.
    public var deadline: CivilDate?
    /// Extension length in working days.
    public var days: Int?
    public var party: String
    public var consultationKind: RequestTimeline.Consultation.Kind?
    public var note: String
    public var outcome: RequestOutcome?
    public var replyText: String
    public var feeMethod: FeeMethod?
    public var pages: Int?
    public var unitCode: String

    public init(
        on: CivilDate? = nil, deadline: CivilDate? = nil, days: Int? = nil, party: String = "",
        consultationKind: RequestTimeline.Consultation.Kind? = nil,
        note: String = "", outcome: RequestOutcome? = nil, replyText: String = "", feeMethod: FeeMethod? = nil, pages: Int? = nil,
        unitCode: String = ""
    ) {
        self.on = on
        self.deadline = deadline
        self.days = days
        self.party = party
        self.consultationKind = consultationKind
        self.note = note
        self.outcome = outcome
        self.replyText = replyText
        self.feeMethod = feeMethod
        self.pages = pages
        self.unitCode = unitCode
    }
}
