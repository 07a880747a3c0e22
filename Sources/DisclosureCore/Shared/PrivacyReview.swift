/// The personal-data step of the 保密审查 (issue 23 §3; 条例 第十五条: 个人隐私 is not disclosed
/// without consent). Every hit `PersonalDataScan` finds in what is about to go public must be
/// handled before approval: 遮盖 — the value replaced by its mask where it stands — or 确认可以公开
/// with a reason (a unit's published hotline, the 法定代表人 named in a penalty decision). A
/// confirmation is kept by kind and masked text, the form the reviewer saw, so the value itself is
/// never stored; the nightly watch skips confirmed hits.
public enum PrivacyReview {
    public enum Action: String, Sendable, CaseIterable {
        case redact
        case confirm

        public var label: String {
            switch self {
            case .redact: "遮盖"
            case .confirm: "确认可以公开"
            }
        }
    }

    /// One hit in one field of the text under review (`title`, `body`, `answer` …).
    public struct Finding: Equatable, Sendable {
        public let field: String
        public let hit: PersonalDataScan.Hit

        public init(field: String, hit: PersonalDataScan.Hit) {
            self.field = field
            self.hit = hit
        }

        /// What the reviewer sees and what a confirmation is kept by: 手机号码 138****5678.
        public var label: String { "\(hit.kind.rawValue) \(hit.masked)" }
    }

    /// A reviewer's decision about one distinct value.
    public struct Decision: Equatable, Sendable {
        public let kind: PersonalDataScan.Kind
        public let masked: String
        public let action: Action
        public let reason: String

        public init(kind: PersonalDataScan.Kind, masked: String, action: Action, reason: String) {
            self.kind = kind
            self.masked = masked
            self.action = action
            self.reason = reason
        }

        func covers(_ hit: PersonalDataScan.Hit) -> Bool { hit.kind == kind && hit.masked == masked }

        /// For the audit log: masked, with the reason (遮盖 手机号码 138****5678).
        public var auditText: String { "\(action.label) \(kind.rawValue) \(masked)" + (reason.isEmpty ? "" : "（\(reason)）") }
    }

    /// What the reviewer answered for the distinct value at one place of the list (form fields
    /// `privacy.N.action`, `privacy.N.reason` and `privacy.N.masked`, the last to notice a text
    /// that changed under the form).
    public struct Answer: Equatable, Sendable {
        public let action: String?
        public let reason: String
        public let masked: String?

        public init(action: String?, reason: String, masked: String?) {
            self.action = action
            self.reason = reason
            self.masked = masked
        }
    }

    public static let reasonLimit = 200

    /// Every hit in the fields, in field order and then where it stands.
    public static func findings(in fields: [(field: String, text: String)]) -> [Finding] {
        fields.flatMap { field in PersonalDataScan.hits(in: field.text).map { Finding(field: field.field, hit: $0) } }
    }

    /// The findings a confirmation does not cover, one per distinct value (the same number in the
    /// title and twice in the body is one question), in the order they first stand.
    public static func open(_ findings: [Finding], confirmed: [Decision]) -> [Finding] {
        var seen: Set<String> = []
        return findings.filter { finding in
            guard !confirmed.contains(where: { $0.action == .confirm && $0.covers(finding.hit) }) else { return false }
            return seen.insert(finding.hit.kind.rawValue + "\u{0}" + finding.hit.text).inserted
        }
    }

    /// The reviewer's decisions for `open` (from `open(_:confirmed:)`), or a Chinese error naming
    /// the first place left unanswered, answered for a value that has since changed, or confirmed
    /// without a reason.
    public static func decisions(for open: [Finding], answers: [Int: Answer]) throws -> [Decision] {
        try open.enumerated().map { index, finding in
            let field = "privacy.\(index).action"
            let place = "第 \(index + 1) 处个人信息（\(finding.label)）"
            guard let answer = answers[index], let raw = answer.action, !raw.isEmpty else {
                throw DomainError.invalid(field, "\(place)须选择「遮盖」或「确认可以公开」")
            }
            guard let action = Action(rawValue: raw) else { throw DomainError.invalid(field, "\(place)的处理方式无效") }
            if let masked = answer.masked, masked != finding.hit.masked {
                throw DomainError.invalid(field, "第 \(index + 1) 处个人信息与审查页面上显示的不同（待审内容已变化），请刷新页面后重新审查")
            }
            let reason = answer.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if action == .confirm && reason.isEmpty {
                throw DomainError.invalid("privacy.\(index).reason", "\(place)确认可以公开的，须写明理由")
            }
            guard reason.count <= reasonLimit else {
                throw DomainError.invalid("privacy.\(index).reason", "\(place)的理由不能超过 \(reasonLimit) 字")
            }
            return Decision(kind: finding.hit.kind, masked: finding.hit.masked, action: action, reason: reason)
        }
    }

    /// `text` with every hit a decision says to redact replaced by its mask where it stands.
    public static func redacting(_ text: String, decisions: [Decision]) -> String {
        let redact = decisions.filter { $0.action == .redact }
        guard !redact.isEmpty else { return text }
        var characters = Array(text)
        // From the end, so earlier offsets stay true.
        for hit in PersonalDataScan.hits(in: text).reversed() where redact.contains(where: { $0.covers(hit) }) {
            let end = hit.offset + hit.text.count
            guard end <= characters.count else { continue }
            characters.replaceSubrange(hit.offset..<end, with: Array(hit.masked))
        }
        return String(characters)
    }
}
