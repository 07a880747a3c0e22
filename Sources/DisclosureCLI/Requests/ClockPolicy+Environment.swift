import DisclosureCore

extension ClockPolicy {
    /// The office-set numbers of the request clock from the environment; the statutory ones are fixed.
    /// `DISCLOSURE_INTERNAL_TARGET_DAYS` (default 15), `DISCLOSURE_CORRECTION_DAYS` (default 15, 1–60)
    /// and `DISCLOSURE_FEE_COUNT_SCOPE` (`agency`, default, or `county`).
    static func fromEnvironment(_ env: [String: String]) throws -> ClockPolicy {
        var policy = ClockPolicy.statutory
        if let text = env["DISCLOSURE_INTERNAL_TARGET_DAYS"], !text.isEmpty {
            guard let days = Int(text), (1...20).contains(days) else {
                throw DomainError.invalid("DISCLOSURE_INTERNAL_TARGET_DAYS", "DISCLOSURE_INTERNAL_TARGET_DAYS 应为 1–20 的整数（内部目标不能晚于法定期限）")
            }
            policy.internalTargetDays = days
        }
        if let text = env["DISCLOSURE_CORRECTION_DAYS"], !text.isEmpty {
            guard let days = Int(text), (1...60).contains(days) else {
                throw DomainError.invalid("DISCLOSURE_CORRECTION_DAYS", "DISCLOSURE_CORRECTION_DAYS 应为 1–60 的整数")
            }
            policy.correctionWindowDays = days
        }
        if let text = env["DISCLOSURE_FEE_COUNT_SCOPE"], !text.isEmpty {
            guard let scope = FeeCountScope(rawValue: text) else {
                throw DomainError.invalid("DISCLOSURE_FEE_COUNT_SCOPE", "DISCLOSURE_FEE_COUNT_SCOPE 应为 agency（按受理单位，默认）或 county（全县合计）")
            }
            policy.feeCountScope = scope
        }
        return policy
    }
}
