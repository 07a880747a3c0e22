/// The five ways the 考核组 checks a drawn unit (seeds/002 四(二)): each is recorded with notes
/// and files; a 座谈会 also with its participant count and composition.
public enum SpotCheckMethod: String, CaseIterable, Sendable, Codable {
    case briefing = "汇报会"
    case siteVisit = "实地查看"
    case forum = "座谈会"
    case interview = "个别访谈"
    case documents = "查阅资料"

    /// Who attends, as the plan says.
    public var guidance: String {
        switch self {
        case .briefing: "听取被考核单位政务公开工作情况汇报，被考核单位政务公开领导小组全体成员参加"
        case .siteVisit: "到政务公开载体现场查看"
        case .forum: "乡镇：基层单位负责人、人大代表、镇村干部代表、基层群众代表等 10 至 15 人；县直单位：机关干部代表、下属单位负责人、服务对象代表等 6 至 8 人"
        case .interview: "找基层单位干部、群众、服务对象个别谈话，了解对政务公开工作的反映和满意程度"
        case .documents: "查阅政务公开相关文件、资料"
        }
    }

    /// seeds/002 四(二)三: a township's 座谈会 has 10–15 participants, a county unit's 6–8.
    public static func forumSize(for kind: UnitKind) -> ClosedRange<Int> {
        kind == .township ? 10...15 : 6...8
    }

    public init?(text: String) {
        guard let method = SpotCheckMethod(rawValue: text) ?? SpotCheckMethod.allCases.first(where: { "\($0)" == text }) else { return nil }
        self = method
    }
}

/// The record of one method used on one unit.
public struct SpotCheckRecord: Equatable, Sendable {
    public var method: SpotCheckMethod
    public var heldOn: CivilDate
    public var participants: Int?
    /// For a 座谈会: who came (干部代表 3 人、服务对象代表 2 人 …).
    public var composition: String
    public var notes: String

    public init(method: SpotCheckMethod, heldOn: CivilDate, participants: Int? = nil, composition: String = "", notes: String = "") {
        self.method = method
        self.heldOn = heldOn
        self.participants = participants
        self.composition = composition
        self.notes = notes
    }

    /// A 座谈会 must have the participant count the scope rule asks for and say who came.
    public func validated(unitKind: UnitKind, today: CivilDate) throws -> SpotCheckRecord {
        var copy = self
        guard heldOn <= today else { throw DomainError.invalid("heldOn", "日期不能晚于今天") }
        copy.composition = try FieldText.text(composition, field: "composition", label: "参加人员构成", limit: 500, required: method == .forum)
        copy.notes = try FieldText.text(notes, field: "notes", label: "考核记录", limit: 5000, required: true)
        if method == .forum {
            let range = SpotCheckMethod.forumSize(for: unitKind)
            guard let count = participants else { throw DomainError.invalid("participants", "座谈会须填写参加人数") }
            guard range.contains(count) else {
                throw DomainError.invalid(
                    "participants", "\(unitKind == .township ? "乡镇" : "县直单位")座谈会参加人数应为 \(range.lowerBound) 至 \(range.upperBound) 人，现为 \(count) 人")
            }
        } else {
            copy.participants = nil
        }
        return copy
    }
}

/// The random draw of units for 抽评: reproducible from its recorded seed, so anyone can re-run
/// it and get the same units (SplitMix64 over the sorted codes, then Fisher–Yates).
public enum SpotCheckDraw {
    public static func draw(from units: [String], count: Int, seed: UInt64) -> [String] {
        var pool = units.sorted()
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        guard pool.count > 1 else { return Array(pool.prefix(count)) }
        for index in stride(from: pool.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            pool.swapAt(index, other)
        }
        return Array(pool.prefix(max(0, count))).sorted()
    }
}
