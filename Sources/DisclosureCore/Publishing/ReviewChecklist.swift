/// The 保密审查 sign-off a unit reviewer gives before anything is published (条例 第十七条).
public struct ReviewChecklist: Equatable, Sendable, Codable {
    /// 涉密?
    public var containsStateSecrets: Bool
    /// 涉及个人隐私/商业秘密?
    public var containsPrivateOrCommercialData: Bool
    /// 表述准确?
    public var wordingAccurate: Bool
    public var note: String

    public init(containsStateSecrets: Bool, containsPrivateOrCommercialData: Bool, wordingAccurate: Bool, note: String) {
        self.containsStateSecrets = containsStateSecrets
        self.containsPrivateOrCommercialData = containsPrivateOrCommercialData
        self.wordingAccurate = wordingAccurate
        self.note = note
    }

    /// A 主动公开 document passes only when it is not classified, holds no personal or commercial
    /// secrets (条例 第十四、十五条) and its wording was checked. Other 公开属性 only record the findings.
    public func check(for attribute: DisclosureAttribute) throws {
        guard note.count <= 500 else { throw DomainError.invalid("note", "审查意见不能超过 500 字") }
        guard attribute == .proactive else { return }
        if containsStateSecrets {
            throw DomainError.invalid("containsStateSecrets", "涉密信息不得主动公开，请退回修改公开属性")
        }
        if containsPrivateOrCommercialData {
            throw DomainError.invalid("containsPrivateOrCommercialData", "涉及个人隐私或商业秘密的信息须先处理后再审核，请退回修改")
        }
        if !wordingAccurate {
            throw DomainError.invalid("wordingAccurate", "表述未确认准确，不能通过审查")
        }
    }
}
