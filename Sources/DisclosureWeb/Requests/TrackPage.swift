import DisclosureCore
import DisclosureStore

/// What the holder of both numbers sees (issue 21 §6): what they asked for, the status and the
/// current due date with its caveat, each letter to read, print or download, what they sent as
/// 补正, and, while a 补正 is pending, the form to send it online. The two numbers travel in the
/// page's own forms (posted, never in a URL), so every follow-up proves them again.
struct TrackPage: Sendable {
    struct Letter: Sendable {
        let id: Int
        let number: String
        let title: String
        let issuedOn: String
        let delivery: String
        let paragraphs: [String]
    }

    /// A file the reply released.
    struct File: Sendable {
        let id: Int
        let name: String
        let size: String
        /// SHA-256 of the bytes, so the applicant can show the file received is the one released.
        let sha256: String
    }

    /// A 补正 the case has received: when, how, and what was sent.
    struct Correction: Sendable {
        let on: String
        let party: String
        let paragraphs: [String]
    }

    /// The pending 补正 notice: what to correct and by when.
    struct PendingCorrection: Sendable {
        let items: [String]
        let deadline: String
        let text: String
        let error: String?
    }

    struct Result: Sendable {
        let reference: String
        /// The 查询码 as typed, for the page's follow-up forms.
        let queryCode: String
        let unitName: String
        let state: String
        let submittedOn: String
        let receivedOn: String
        let due: String
        let outcome: String?
        let infoTitle: String?
        let infoDocNumber: String?
        let infoDescription: [String]
        let requestedForm: String
        let delivery: String
        let letters: [Letter]
        let hasLetters: Bool
        let files: [File]
        let corrections: [Correction]
        let pendingCorrection: PendingCorrection?

        init(
            _ request: InformationRequest, queryCode: String, calendar: CalendarService, requests: RequestService, unitQueries: UnitQueries,
            correctionText: String = "", correctionError: String? = nil
        ) async throws {
            let calendar = try await calendar.calendar()
            let clock = requests.clock(of: request, calendar: calendar)
            reference = request.reference
            self.queryCode = queryCode
            unitName = try await unitQueries.names()[request.application.unitCode] ?? request.application.unitCode
            state = request.state == .archived ? RequestState.answered.label : request.state.label
            submittedOn = CivilDate(instant: request.submittedAt).chineseText
            receivedOn = request.receivedOn?.chineseText ?? "待确认（网上申请以双方确认之日为收到申请之日）"
            due = RequestView.dueText(clock, state: request.state)
            outcome = request.state == .answered || request.state == .archived ? request.outcome?.shortLabel : nil
            let application = request.application
            infoTitle = application.infoTitle.isEmpty ? nil : application.infoTitle
            infoDocNumber = application.infoDocNumber.isEmpty ? nil : application.infoDocNumber
            infoDescription = PlainText.paragraphs(application.infoDescription)
            requestedForm = application.requestedForm.rawValue
            delivery = application.delivery.rawValue
            letters = try await requests.letters(of: request).map { letter in
                Letter(
                    id: letter.id, number: letter.number, title: letter.title, issuedOn: letter.issuedOn.chineseText,
                    delivery: letter.delivery.map { "\($0.rawValue) \(letter.deliveredOn?.chineseText ?? "")" } ?? "",
                    paragraphs: PlainText.paragraphs(letter.body))
            }
            hasLetters = !letters.isEmpty
            files = try await requests.releasedFiles(of: request).map {
                File(id: $0.id, name: $0.fileName, size: FileSizeText.text($0.size), sha256: $0.sha256)
            }
            corrections = request.events.filter { $0.kind == .correctionReceived }.map { event in
                Correction(on: event.on.chineseText, party: event.party, paragraphs: PlainText.paragraphs(event.detail))
            }
            if request.state == .awaitingCorrection, let notice = request.events.last(where: { $0.kind == .correctionRequested }) {
                pendingCorrection = PendingCorrection(
                    items: PlainText.paragraphs(notice.detail), deadline: notice.until?.chineseText ?? "补正告知书所载期限",
                    text: correctionText, error: correctionError)
            } else {
                pendingCorrection = nil
            }
        }
    }

    let reference: String
    let result: Result?
    let complaint: ComplaintTrack?
    /// A case was found: its status comes first and the lookup form after it (on a phone the form
    /// pushed the answer a screen down).
    let found: Bool

    init(reference: String, result: Result?, complaint: ComplaintTrack?) {
        self.reference = reference
        self.result = result
        self.complaint = complaint
        found = result != nil || complaint != nil
    }
}
