import DisclosureCore
import DisclosureStore
import Foundation

/// An application in the JSON API; choices are the Chinese labels of the form (e.g. "自然人").
struct ApplicationBody: Decodable, Sendable {
    let unitCode: String
    let channel: String?
    let receivedOn: String?
    let applicantKind: String
    let applicantName: String
    let contactPerson: String?
    let idType: String
    let idNumber: String
    let phone: String
    let email: String?
    let address: String?
    let infoTitle: String?
    let infoDocNumber: String?
    let infoDescription: String?
    let requestedForm: String
    let delivery: String

    /// The same parsing as the HTML form, so both report the same field errors.
    func application(channel fixed: RequestChannel?) throws -> RequestApplication {
        var values = [
            "unitCode": unitCode, "applicantKind": applicantKind, "applicantName": applicantName, "idType": idType, "idNumber": idNumber,
            "phone": phone, "requestedForm": requestedForm, "delivery": delivery,
        ]
        values["channel"] = channel
        values["contactPerson"] = contactPerson
        values["email"] = email
        values["address"] = address
        values["infoTitle"] = infoTitle
        values["infoDocNumber"] = infoDocNumber
        values["infoDescription"] = infoDescription
        return try ApplicationForm.application(from: FormData(values), channel: fixed)
    }

    func receivedDate() throws -> CivilDate? {
        guard let receivedOn, !receivedOn.isEmpty else { return nil }
        guard let date = CivilDate(iso: receivedOn) else { throw DomainError.invalid("receivedOn", "收到申请之日应为 YYYY-MM-DD") }
        return date
    }
}

/// An action in the JSON API: `{"action": "extend", "on": "2025-01-20", "days": 20, "note": "…"}`.
struct ActionBody: Decodable, Sendable {
    let action: String
    let on: String?
    let deadline: String?
    let days: Int?
    let party: String?
    let consultationKind: String?
    let note: String?
    let outcome: String?
    let replyText: String?
    let feeMethod: String?
    let pages: Int?
    let unitCode: String?

    func input() throws -> (RequestAction, RequestActionInput) {
        guard let action = RequestAction(text: action) else {
            throw DomainError.invalid("action", "action 无效，应为：\(RequestAction.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        var values: [String: String] = [:]
        values["on"] = on
        values["deadline"] = deadline
        values["days"] = days.map(String.init)
        values["party"] = party
        values["consultationKind"] = consultationKind
        values["note"] = note
        values["outcome"] = outcome
        values["replyText"] = replyText
        values["feeMethod"] = feeMethod
        values["pages"] = pages.map(String.init)
        values["unitCode"] = unitCode
        return (action, try RequestActionForm.input(from: values))
    }
}

struct ClockBody: Encodable, Sendable {
    struct Step: Encodable, Sendable {
        let event: String
        let from: String
        let to: String
        let treatment: String
        let counted: Int
        let remaining: Int
    }
    let status: String
    let due: String?
    let internalTarget: String?
    let remainingWorkingDays: Int?
    let correctionNoticeDue: String
    let overdueWorkingDays: Int
    let lapsedOutcome: String?
    let lapsedOn: String?
    /// Steps taken after their time, kept and labelled; they moved nothing (issue 18).
    let lateActions: [LateStep]
    let unconfirmedYears: [Int]
    let explanation: [Step]

    struct LateStep: Encodable, Sendable {
        let kind: String
        let on: String
        let label: String
    }

    init(_ clock: RequestClock, withExplanation: Bool = true) {
        status = clock.status.rawValue
        due = clock.due?.description
        internalTarget = clock.internalTarget?.description
        remainingWorkingDays = clock.remainingWorkingDays
        correctionNoticeDue = clock.correctionNoticeDue.description
        overdueWorkingDays = clock.overdueWorkingDays
        lapsedOutcome = clock.lapsedOutcome?.rawValue
        lapsedOn = clock.lapsedOn?.description
        lateActions = clock.lateActions.map { LateStep(kind: $0.kind.rawValue, on: $0.on.description, label: $0.label) }
        unconfirmedYears = clock.unconfirmedYears
        explanation = (withExplanation ? clock.steps : []).map {
            Step(
                event: $0.event, from: $0.from.description, to: $0.to.description, treatment: $0.treatment, counted: $0.counted,
                remaining: $0.remaining)
        }
    }
}

struct LetterBody: Encodable, Sendable {
    let id: Int
    let kind: String
    let title: String
    let number: String
    let issuedOn: String
    let delivery: String?
    let deliveredOn: String?
    let body: String

    init(_ letter: IssuedLetter) {
        id = letter.id
        kind = letter.kind.rawValue
        title = letter.title
        number = letter.number
        issuedOn = letter.issuedOn.description
        delivery = letter.delivery?.rawValue
        deliveredOn = letter.deliveredOn?.description
        body = letter.body
    }
}

struct OutcomeBody: Encodable, Sendable {
    let row: String
    let label: String
    let group: String
    let basis: String

    init(_ outcome: RequestOutcome) {
        row = outcome.rawValue
        label = outcome.label
        group = outcome.group
        basis = outcome.basis
    }
}

/// A request for staff: the applicant unmasked only for the handling unit (issue 4 §10).
struct RequestBody: Encodable, Sendable {
    let id: Int
    let reference: String
    let unitCode: String
    let state: String
    let stateLabel: String
    let channel: String
    let submittedAt: String
    let receivedOn: String?
    let applicant: RequestView.Applicant
    let infoTitle: String
    let infoDocNumber: String
    let infoDescription: String
    let requestedForm: String
    let delivery: String
    let outcome: OutcomeBody?
    let replyText: String
    let answeredOn: String?
    let clock: ClockBody?
    let letters: [LetterBody]?

    init(_ request: InformationRequest, clock: RequestClock?, unmasked: Bool, letters: [IssuedLetter]?, withExplanation: Bool) {
        let application = request.application
        id = request.id
        reference = request.reference
        unitCode = application.unitCode
        state = request.state.rawValue
        stateLabel = request.state.label
        channel = application.channel.rawValue
        submittedAt = Timestamp.text(request.submittedAt)
        receivedOn = request.receivedOn?.description
        applicant = RequestView.Applicant(application, unmasked: unmasked)
        infoTitle = application.infoTitle
        infoDocNumber = application.infoDocNumber
        infoDescription = application.infoDescription
        requestedForm = application.requestedForm.rawValue
        delivery = application.delivery.rawValue
        outcome = request.outcome.map(OutcomeBody.init)
        replyText = request.replyText
        answeredOn = request.answeredOn?.description
        self.clock = clock.map { ClockBody($0, withExplanation: withExplanation) }
        self.letters = letters.map { $0.map(LetterBody.init) }
    }
}

/// What `/track` returns: no applicant data at all.
struct TrackBody: Encodable, Sendable {
    let reference: String
    let unitCode: String
    let state: String
    let stateLabel: String
    let receivedOn: String?
    let due: String?
    let dueText: String
    let outcome: OutcomeBody?
    let letters: [LetterBody]
}
