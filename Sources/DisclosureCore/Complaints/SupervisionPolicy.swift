/// The office's numbers for complaints and messages (issue 5 §1–2): the answer limit per complaint
/// kind (default 10 working days; seeds/004 publishes 5–10), when a case turns "due soon", the
/// message reply limit (default 5), and the longest reply. Stored as one settings record.
public struct SupervisionPolicy: Equatable, Sendable, Codable {
    public var complaintDays: [String: Int]
    public var complaintWarningDays: Int
    public var messageDays: Int
    public var messageWarningDays: Int
    public var replyLimit: Int

    public init(
        complaintDays: [String: Int] = [:], complaintWarningDays: Int = 5, messageDays: Int = 5, messageWarningDays: Int = 2,
        replyLimit: Int = 2000
    ) {
        self.complaintDays = complaintDays
        self.complaintWarningDays = complaintWarningDays
        self.messageDays = messageDays
        self.messageWarningDays = messageWarningDays
        self.replyLimit = replyLimit
    }

    public static let standard = SupervisionPolicy()
    public static let defaultComplaintDays = 10

    public func days(for kind: ComplaintKind) -> Int { complaintDays[kind.rawValue] ?? Self.defaultComplaintDays }

    public func validated() throws -> SupervisionPolicy {
        for kind in ComplaintKind.allCases where !(1...60).contains(days(for: kind)) {
            throw DomainError.invalid("complaintDays", "「\(kind.rawValue)」的办理时限须在 1 到 60 个工作日之间")
        }
        for key in complaintDays.keys where ComplaintKind(rawValue: key) == nil {
            throw DomainError.invalid("complaintDays", "未知的投诉类型「\(key)」")
        }
        guard (0...30).contains(complaintWarningDays) else { throw DomainError.invalid("complaintWarningDays", "投诉预警天数须在 0 到 30 之间") }
        guard (1...60).contains(messageDays) else { throw DomainError.invalid("messageDays", "留言答复时限须在 1 到 60 个工作日之间") }
        guard (0...30).contains(messageWarningDays) else { throw DomainError.invalid("messageWarningDays", "留言预警天数须在 0 到 30 之间") }
        guard (100...10000).contains(replyLimit) else { throw DomainError.invalid("replyLimit", "答复字数上限须在 100 到 10000 之间") }
        return self
    }
}
