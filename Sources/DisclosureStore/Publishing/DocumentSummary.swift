import DisclosureCore
import Foundation

/// A row of a document list: enough for lists and dashboards, without the body.
public struct DocumentSummary: Sendable, Equatable {
    public let id: Int
    public let indexNumber: String
    public let unitCode: String
    public let title: String
    public let docNumber: String
    public let category: String
    public let attribute: DisclosureAttribute
    public let state: DocumentState
    public let generatedOn: CivilDate
    public let publishedOn: CivilDate?
    public let isNormative: Bool
    public let validity: DocumentValidity
    /// The catalog rule that times this document (条例 第二十六条 default when no entry is linked).
    public let rule: PublicationRule
    /// For a 政策解读: when the document it interprets was published.
    public let relatedPublishedOn: CivilDate?

    /// Where the publication period starts: the 生成日期, or under a 「关联文件公开」 rule the day
    /// the interpreted document was published (nil until then: nothing is due yet; issue 18).
    public var timelinessAnchor: CivilDate? {
        rule.anchor == .relatedPublication ? relatedPublishedOn : generatedOn
    }
}
