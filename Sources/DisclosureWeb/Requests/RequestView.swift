import DisclosureCore

/// How a request's deadline and applicant read on pages and in the API.
enum RequestView {
    /// e.g. "2025-10-29（剩余 5 个工作日）", "补正中：收到补正之日起重新计算".
    static func dueText(_ clock: RequestClock?, state: RequestState) -> String {
        guard let clock else { return "待确认收到申请之日后计算" }
        guard let due = clock.due else { return "补正中：自收到补正之日起重新计算 20 个工作日" }
        let provisional = clock.unconfirmedYears.isEmpty ? "" : "（\(clock.unconfirmedYears.map { "\($0)年" }.joined(separator: "、"))放假安排未公布，日期待确认）"
        switch clock.status {
        case .answeredOnTime: return "\(due)（已按期答复）"
        case .answeredLate: return "\(due)（逾期 \(clock.overdueWorkingDays) 个工作日答复）"
        case .overdue: return "\(due)（已超期 \(clock.overdueWorkingDays) 个工作日）" + provisional
        case .paused: return "\(due)（暂停计算中，按今日恢复推算）" + provisional
        case .awaitingCorrection: return "补正中"
        case .running: return "\(due)（剩余 \(clock.remainingWorkingDays ?? 0) 个工作日）" + provisional
        }
    }

    /// A CSS class for the deadline cell: overdue and due-soon stand out.
    static func severity(_ clock: RequestClock?) -> String {
        guard let clock else { return "" }
        switch clock.status {
        case .overdue, .answeredLate: return "late"
        case .running where (clock.remainingWorkingDays ?? 99) <= 3: return "soon"
        default: return ""
        }
    }

    /// Sort key: overdue (0), due within 3 wd (1), paused (2), awaiting confirmation (3), then by due
    /// date (4); closed last (9). Ranks below 4 need attention.
    static func urgency(_ request: InformationRequest, _ clock: RequestClock?) -> (Int, String) {
        guard request.state.isOpen else { return (9, request.reference) }
        guard let clock else { return (3, request.reference) }
        let due = clock.due?.description ?? "9999"
        switch clock.status {
        case .overdue: return (0, due)
        case .running where (clock.remainingWorkingDays ?? 99) <= 3: return (1, due)
        case .paused, .awaitingCorrection: return (2, due)
        default: return (4, due)
        }
    }

    /// The applicant as shown to someone who does not handle the case (issue 4 §10).
    struct Applicant: Sendable, Encodable {
        let kind: String
        let name: String
        /// nil when there is none, so templates and the API omit it.
        let contactPerson: String?
        let idType: String
        let idNumber: String
        let phone: String
        let email: String
        let address: String
        let masked: Bool

        init(_ application: RequestApplication, unmasked: Bool) {
            kind = application.applicantKind.rawValue
            idType = application.idType.rawValue
            masked = !unmasked
            if unmasked {
                name = application.applicantName
                contactPerson = application.contactPerson.isEmpty ? nil : application.contactPerson
                idNumber = application.idNumber
                phone = application.phone
                email = application.email
                address = application.address
            } else {
                name = application.applicantKind.isOrganisation ? application.applicantName : PersonalDataMask.personName(application.applicantName)
                contactPerson = application.contactPerson.isEmpty ? nil : PersonalDataMask.personName(application.contactPerson)
                idNumber = PersonalDataMask.idNumber(application.idNumber)
                phone = PersonalDataMask.phone(application.phone)
                email = application.email.isEmpty ? "" : PersonalDataMask.email(application.email)
                address = application.address.isEmpty ? "" : String(application.address.prefix(6)) + "***"
            }
        }
    }

    static func sought(_ application: RequestApplication) -> String {
        var text = application.infoTitle
        if !application.infoDocNumber.isEmpty { text += "（\(application.infoDocNumber)）" }
        return text.isEmpty ? String(application.infoDescription.prefix(80)) : text
    }
}
