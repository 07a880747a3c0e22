import Foundation

/// A stored 政府信息公开申请 with its handling facts. Deadlines are not here: they are computed
/// by `RequestClock` from `timeline`.
public struct InformationRequest: Equatable, Sendable {
    public let id: Int
    /// 受理编号, given to the applicant with a separate 查询码.
    public let reference: String
    public var application: RequestApplication
    public let submittedAt: Date
    /// 收到申请之日 (条例 第三十一条); nil while an online, fax, e-mail or ordinary-letter application
    /// waits for confirmation.
    public var receivedOn: CivilDate?
    public var state: RequestState
    public var outcome: RequestOutcome?
    public var replyText: String
    public var draftedBy: String?
    public var answeredOn: CivilDate?
    public var events: [RequestEvent]
    public let createdBy: String

    public init(
        id: Int, reference: String, application: RequestApplication, submittedAt: Date, receivedOn: CivilDate?, state: RequestState,
        outcome: RequestOutcome?, replyText: String, draftedBy: String?, answeredOn: CivilDate?, events: [RequestEvent], createdBy: String
    ) {
        self.id = id
        self.reference = reference
        self.application = application
        self.submittedAt = submittedAt
        self.receivedOn = receivedOn
        self.state = state
        self.outcome = outcome
        self.replyText = replyText
        self.draftedBy = draftedBy
        self.answeredOn = answeredOn
        self.events = events
        self.createdBy = createdBy
    }

    /// The dated facts the clock needs, or nil before the receipt day is fixed.
    public var timeline: RequestTimeline? {
        guard let receivedOn else { return nil }
        var timeline = RequestTimeline(receivedOn: receivedOn, answeredOn: answeredOn)
        for event in events {
            switch event.kind {
            case .correctionRequested:
                timeline.correction = .init(sentOn: event.on, deadline: event.until ?? event.on)
            case .correctionReceived:
                timeline.correction?.correctedOn = event.on
            case .consultationSent:
                let kind = RequestTimeline.Consultation.Kind(rawValue: event.detail) ?? .thirdParty
                timeline.consultations.append(.init(kind: kind, party: event.party, sentOn: event.on))
            case .opinionReceived:
                if let index = timeline.consultations.firstIndex(where: { $0.party == event.party && $0.answeredOn == nil }) {
                    timeline.consultations[index].answeredOn = event.on
                }
            case .extended:
                timeline.extensionGranted = .init(workingDays: event.days ?? 0, approvedOn: event.on, approver: event.actor)
            case .feeNoticeIssued:
                timeline.feeNotice = .init(issuedOn: event.on)
            case .feePaid:
                timeline.feeNotice?.paidOn = event.on
            case .customDeadline:
                if let until = event.until { timeline.customDeadline = .init(date: until, reason: event.detail, setOn: event.on) }
            case .letterDelivered where event.detail == LetterKind.feeNotice.rawValue:
                if timeline.feeNotice?.deliveredOn == nil { timeline.feeNotice?.deliveredOn = event.on }
            case .letterDelivered where event.detail == LetterKind.consultation.rawValue:
                if let index = timeline.consultations.firstIndex(where: { $0.party == event.party && $0.deliveredOn == nil }) {
                    timeline.consultations[index].deliveredOn = event.on
                }
            case .reassigned, .letterDelivered:
                break
            }
        }
        return timeline
    }

    public func clock(policy: ClockPolicy = .statutory, calendar: WorkingDayCalendar, today: CivilDate) -> RequestClock? {
        timeline.map { RequestClock.evaluate($0, policy: policy, calendar: calendar, today: today) }
    }

    /// Consultations still waiting for an answer (their parties).
    public var openConsultations: [String] {
        timeline?.consultations.filter { $0.answeredOn == nil }.map(\.party) ?? []
    }
}

/// One dated fact in a request's handling. Stored append-only; the clock reads them.
public struct RequestEvent: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case correctionRequested, correctionReceived, consultationSent, opinionReceived, extended, feeNoticeIssued, feePaid, customDeadline,
            reassigned, letterDelivered

        public var label: String {
            switch self {
            case .correctionRequested: "告知补正"
            case .correctionReceived: "收到补正"
            case .consultationSent: "征求意见"
            case .opinionReceived: "收到意见"
            case .extended: "延期答复"
            case .feeNoticeIssued: "发出收费通知"
            case .feePaid: "缴费"
            case .customDeadline: "另行确定答复期限"
            case .reassigned: "转交"
            case .letterDelivered: "文书送达"
            }
        }
    }

    public let kind: Kind
    public let on: CivilDate
    public let until: CivilDate?
    public let days: Int?
    public let party: String
    public let detail: String
    public let actor: String

    public init(kind: Kind, on: CivilDate, until: CivilDate? = nil, days: Int? = nil, party: String = "", detail: String = "", actor: String) {
        self.kind = kind
        self.on = on
        self.until = until
        self.days = days
        self.party = party
        self.detail = detail
        self.actor = actor
    }
}
