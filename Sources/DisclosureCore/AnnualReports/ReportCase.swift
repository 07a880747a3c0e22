/// One request as the annual report sees it: who applied, when it was received and answered,
/// and its outcome row. Built from platform requests and from imported legacy cases alike.
public struct ReportCase: Equatable, Sendable, Codable {
    public var applicantKind: ApplicantKind
    public var receivedOn: CivilDate
    public var answeredOn: CivilDate?
    public var outcome: RequestOutcome?

    public init(applicantKind: ApplicantKind, receivedOn: CivilDate, answeredOn: CivilDate?, outcome: RequestOutcome?) {
        self.applicantKind = applicantKind
        self.receivedOn = receivedOn
        self.answeredOn = answeredOn
        self.outcome = outcome
    }

    /// Whether the case was still open at the end of the given day.
    public func isOpen(atEndOf day: CivilDate) -> Bool {
        guard receivedOn <= day else { return false }
        guard let answeredOn, outcome != nil else { return true }
        return answeredOn > day
    }
}
