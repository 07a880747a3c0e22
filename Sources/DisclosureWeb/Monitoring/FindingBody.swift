import DisclosureStore

/// A recorded inspection finding with its rule's title, source and what clears it.
struct FindingBody: Encodable, Sendable {
    let id: Int
    let unitCode: String
    let rule: String
    let title: String
    let source: String
    let isVeto: Bool
    let subject: String
    let detail: String
    let since: String
    let openedOn: String
    let closedOn: String?
    let clears: String

    init(_ finding: RecordedFinding) {
        id = finding.id
        unitCode = finding.unitCode
        rule = finding.rule.rawValue
        title = finding.rule.title
        source = finding.rule.source
        isVeto = finding.rule.isVeto
        subject = finding.subject
        detail = finding.detail
        since = finding.since.description
        openedOn = finding.openedOn.description
        closedOn = finding.closedOn?.description
        clears = finding.rule.clears
    }
}
