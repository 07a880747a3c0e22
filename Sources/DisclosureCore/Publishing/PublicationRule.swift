/// The machine-readable half of a catalog entry's 公开时限: an anchor event plus N working days.
///
/// 条例 第二十六条: 「自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限
/// 另有规定的，从其规定。」 Catalogs use other periods for some items (statutes §4.1): 7 working days
/// from a 行政许可/处罚 decision, 3 from the publication of the related 规范性文件 for a 政策解读.
public struct PublicationRule: Equatable, Sendable, Codable {
    public enum Anchor: String, CaseIterable, Sendable, Codable {
        /// 信息形成（变更）之日: the document's 生成日期.
        case formedOrChanged = "形成或变更"
        /// 作出行政决定之日: also recorded as the document's 生成日期 (the decision date).
        case decision = "作出决定"
        /// 关联文件公开之日: the publication day of the document a 政策解读 interprets.
        case relatedPublication = "关联文件公开"
    }

    public let anchor: Anchor
    public let workingDays: Int

    public init(anchor: Anchor, workingDays: Int) throws {
        guard (1...60).contains(workingDays) else {
            throw DomainError.invalid("ruleDays", "公开时限的工作日数须在 1 到 60 之间")
        }
        self.anchor = anchor
        self.workingDays = workingDays
    }

    /// 条例 第二十六条 default: formed or changed + 20 working days.
    public static let statutoryDefault = try! PublicationRule(anchor: .formedOrChanged, workingDays: 20)

    /// The wording a catalog prints for this rule.
    public var text: String {
        switch anchor {
        case .formedOrChanged: "信息形成（变更）之日起\(workingDays)个工作日内"
        case .decision: "自作出行政决定之日起\(workingDays)个工作日内"
        case .relatedPublication: "关联文件公开\(workingDays)个工作日内"
        }
    }
}
