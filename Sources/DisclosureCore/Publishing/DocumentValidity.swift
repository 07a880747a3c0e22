/// 有效性 of a 规范性文件: 有效 from its effective date, 失效 once its 失效日期 has passed, 废止 from the
/// day it is repealed. Derived from the dates and today, never stored, so the "nightly switch" is
/// simply the date passing (DESIGN §4: derived values are computed).
public enum ValidityStatus: String, CaseIterable, Sendable, Codable {
    case notYetEffective = "尚未生效"
    case effective = "有效"
    case expired = "失效"
    case repealed = "废止"
}

public struct DocumentValidity: Equatable, Sendable {
    public var effectiveFrom: CivilDate?
    /// 失效日期: the first day the document no longer applies.
    public var expiresOn: CivilDate?
    /// 废止日期.
    public var repealedOn: CivilDate?

    public init(effectiveFrom: CivilDate? = nil, expiresOn: CivilDate? = nil, repealedOn: CivilDate? = nil) {
        self.effectiveFrom = effectiveFrom
        self.expiresOn = expiresOn
        self.repealedOn = repealedOn
    }

    public func status(on today: CivilDate) -> ValidityStatus {
        if let repealedOn, repealedOn <= today { return .repealed }
        if let expiresOn, expiresOn <= today { return .expired }
        if let effectiveFrom, effectiveFrom > today { return .notYetEffective }
        return .effective
    }

    public func validated() throws -> DocumentValidity {
        if let effectiveFrom, let expiresOn, expiresOn <= effectiveFrom {
            throw DomainError.invalid("expiresOn", "失效日期须晚于生效日期")
        }
        if let effectiveFrom, let repealedOn, repealedOn < effectiveFrom {
            throw DomainError.invalid("repealedOn", "废止日期不能早于生效日期")
        }
        return self
    }
}
