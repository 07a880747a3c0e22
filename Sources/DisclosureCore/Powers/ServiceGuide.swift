/// How a material is handed in.
public enum MaterialForm: String, CaseIterable, Sendable, Codable {
    case original, copy, both, electronic

    public var label: String {
        switch self {
        case .original: "原件"
        case .copy: "复印件"
        case .both: "原件和复印件"
        case .electronic: "电子材料"
        }
    }

    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let form = MaterialForm(rawValue: trimmed) ?? MaterialForm.allCases.first(where: { $0.label == trimmed }) else { return nil }
        self = form
    }
}

/// One 申请材料 of a 办事指南 (seeds/001: 所需资料): what, in which form, how many, where the
/// applicant gets it, and a blank form to download where there is one.
public struct GuideMaterial: Equatable, Sendable, Codable {
    public var name: String
    public var form: MaterialForm
    public var copies: Int
    public var source: String
    public var template: StoredFile?

    public init(name: String, form: MaterialForm = .original, copies: Int = 1, source: String = "申请人自备", template: StoredFile? = nil) {
        self.name = name
        self.form = form
        self.copies = copies
        self.source = source
        self.template = template
    }
}

public struct GuideQuestion: Equatable, Sendable, Codable {
    public var question: String
    public var answer: String

    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}

/// The 办事指南 of a power that serves the public (issue 6 §3). The power itself supplies its name,
/// 设定依据, 时限, 收费 and 监督电话; the guide adds what an applicant needs to get it done.
public struct ServiceGuide: Equatable, Sendable, Codable {
    /// 申请条件.
    public var conditions: String
    public var materials: [GuideMaterial]
    /// 办理地点.
    public var location: String
    /// 办理时间.
    public var hours: String
    /// 咨询电话.
    public var consultationPhone: String
    /// 网上办理 address, where the service is online.
    public var onlineAddress: String
    public var questions: [GuideQuestion]

    public init(
        conditions: String = "", materials: [GuideMaterial] = [], location: String = "", hours: String = "", consultationPhone: String = "",
        onlineAddress: String = "", questions: [GuideQuestion] = []
    ) {
        self.conditions = conditions
        self.materials = materials
        self.location = location
        self.hours = hours
        self.consultationPhone = consultationPhone
        self.onlineAddress = onlineAddress
        self.questions = questions
    }

    public static let maxMaterials = 40
    public static let maxQuestions = 20

    /// The guide cleaned, with lengths checked; completeness is checked apart (`missing`), so a
    /// half-written guide can be saved as a draft.
    public func validated() throws -> ServiceGuide {
        var guide = self
        guide.conditions = try FieldText.text(conditions, field: "conditions", label: "申请条件", limit: 4000, required: false)
        guard materials.count <= Self.maxMaterials else { throw DomainError.invalid("materials", "申请材料最多 \(Self.maxMaterials) 项") }
        guide.materials = try materials.enumerated().map { index, material in
            var cleaned = material
            cleaned.name = try FieldText.line(material.name, field: "materials", label: "第 \(index + 1) 项材料的名称", limit: 100)
            cleaned.source = try FieldText.line(material.source, field: "materials", label: "第 \(index + 1) 项材料的来源", limit: 100, required: false)
            guard (1...20).contains(material.copies) else { throw DomainError.invalid("materials", "第 \(index + 1) 项材料的份数应为 1–20") }
            return cleaned
        }
        guide.location = try FieldText.line(location, field: "location", label: "办理地点", limit: 200, required: false)
        guide.hours = try FieldText.line(hours, field: "hours", label: "办理时间", limit: 200, required: false)
        guide.consultationPhone = try PowerDraft.servicePhone(consultationPhone, field: "consultationPhone", label: "咨询电话", required: false)
        guide.onlineAddress = onlineAddress.trimmingCharacters(in: .whitespaces)
        if !guide.onlineAddress.isEmpty,
            !(guide.onlineAddress.hasPrefix("https://") || guide.onlineAddress.hasPrefix("http://")) || guide.onlineAddress.count > 300
        {
            throw DomainError.invalid("onlineAddress", "网上办理地址应以 https:// 或 http:// 开头，最多 300 字符")
        }
        guard questions.count <= Self.maxQuestions else { throw DomainError.invalid("questions", "常见问题最多 \(Self.maxQuestions) 条") }
        guide.questions = try questions.enumerated().map { index, item in
            GuideQuestion(
                question: try FieldText.line(item.question, field: "questions", label: "第 \(index + 1) 条常见问题", limit: 200),
                answer: try FieldText.text(item.answer, field: "questions", label: "第 \(index + 1) 条常见问题的解答", limit: 2000))
        }
        return guide
    }

    /// The required elements this guide (with its power and flow) still lacks. The list is the
    /// 服务不实用 veto's 办事指南 要素 (statutes §5.2: 事项名称、设定依据、申请条件、办理材料 …) completed
    /// with what seeds/001 says a guide holds (地点, 程序, 时限, 收费标准) and the phones of issue 6 §3.
    public func missing(for power: PowerDraft, workflow: Workflow) -> [GuideElement] {
        var missing: [GuideElement] = []
        if power.name.isEmpty { missing.append(.name) }
        if power.bases.isEmpty { missing.append(.basis) }
        if conditions.isEmpty { missing.append(.conditions) }
        if materials.isEmpty { missing.append(.materials) }
        if location.isEmpty { missing.append(.location) }
        if hours.isEmpty { missing.append(.hours) }
        if workflow.isEmpty { missing.append(.procedure) }
        if power.promisedDays == nil && power.statutoryDays == nil { missing.append(.timeLimit) }
        if consultationPhone.isEmpty { missing.append(.consultationPhone) }
        if power.supervisionPhone.isEmpty { missing.append(.supervisionPhone) }
        return missing
    }
}

/// The elements a published 办事指南 must have. 收费标准 is always present, because a power with no
/// fee items is stated as 不收费.
public enum GuideElement: String, CaseIterable, Sendable {
    case name, basis, conditions, materials, location, hours, procedure, timeLimit, consultationPhone, supervisionPhone

    public var label: String {
        switch self {
        case .name: "事项名称"
        case .basis: "设定依据"
        case .conditions: "申请条件"
        case .materials: "申请材料"
        case .location: "办理地点"
        case .hours: "办理时间"
        case .procedure: "办理流程"
        case .timeLimit: "办结时限"
        case .consultationPhone: "咨询电话"
        case .supervisionPhone: "监督电话"
        }
    }
}
