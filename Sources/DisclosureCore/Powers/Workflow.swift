/// One way out of a step: to another step, under a condition where the flow branches
/// (e.g. 材料不全 → 一次性告知补正). An empty condition is the normal path.
public struct WorkflowTransition: Equatable, Sendable, Codable {
    public var to: String
    public var condition: String

    public init(to: String, condition: String = "") {
        self.to = to
        self.condition = condition
    }
}

/// One step of a power's 办理流程: its name, the post responsible, its time limit and where it goes.
/// A step with no transitions ends the flow.
public struct WorkflowStep: Equatable, Sendable, Codable {
    public var name: String
    /// 责任岗位, e.g. 窗口受理人员.
    public var post: String
    /// 时限 in working days; nil where the step has none of its own.
    public var days: Int?
    public var next: [WorkflowTransition]

    public init(name: String, post: String = "", days: Int? = nil, next: [WorkflowTransition] = []) {
        self.name = name
        self.post = post
        self.days = days
        self.next = next
    }

    public var isEnd: Bool { next.isEmpty }
}

/// The ordered steps of a power's 办理流程 (issue 6 §2). The first step is where every case starts;
/// a valid flow reaches every step from it, branches only to steps that exist and has an end.
public struct Workflow: Equatable, Sendable, Codable {
    public var steps: [WorkflowStep]

    public init(steps: [WorkflowStep] = []) { self.steps = steps }

    public static let maxSteps = 30
    public static let maxBranches = 4

    public var isEmpty: Bool { steps.isEmpty }

    public func step(named name: String) -> WorkflowStep? { steps.first { $0.name == name } }

    /// The flow cleaned, or the first broken rule naming the step and what is wrong with it.
    public func validated() throws -> Workflow {
        guard steps.count <= Self.maxSteps else { throw DomainError.invalid("steps", "办理流程最多 \(Self.maxSteps) 个步骤") }
        var cleaned: [WorkflowStep] = []
        var seen: Set<String> = []
        for (index, step) in steps.enumerated() {
            let label = "第 \(index + 1) 步"
            let name = PlainText.singleLine(step.name)
            guard !name.isEmpty else { throw DomainError.invalid("steps", "\(label)：请填写步骤名称") }
            guard name.count <= 30 else { throw DomainError.invalid("steps", "\(label)「\(name.prefix(10))…」：步骤名称不能超过 30 字") }
            guard seen.insert(name).inserted else { throw DomainError.invalid("steps", "步骤名称「\(name)」重复：每个步骤的名称须不同") }
            let post = PlainText.singleLine(step.post)
            guard post.count <= 40 else { throw DomainError.invalid("steps", "步骤「\(name)」：责任岗位不能超过 40 字") }
            if let days = step.days, !(0...PowerDraft.maxDays).contains(days) {
                throw DomainError.invalid("steps", "步骤「\(name)」：时限应为 0–\(PowerDraft.maxDays) 个工作日")
            }
            guard step.next.count <= Self.maxBranches else { throw DomainError.invalid("steps", "步骤「\(name)」最多 \(Self.maxBranches) 个去向") }
            let next = step.next.map { WorkflowTransition(to: PlainText.singleLine($0.to), condition: PlainText.singleLine($0.condition)) }
            cleaned.append(WorkflowStep(name: name, post: post, days: step.days, next: next))
        }
        for step in cleaned {
            var targets: Set<String> = []
            for transition in step.next {
                guard seen.contains(transition.to) else {
                    throw DomainError.invalid("steps", "步骤「\(step.name)」的去向「\(transition.to)」不存在")
                }
                guard transition.to != step.name else { throw DomainError.invalid("steps", "步骤「\(step.name)」不能指向自己") }
                guard targets.insert(transition.to).inserted else {
                    throw DomainError.invalid("steps", "步骤「\(step.name)」重复指向「\(transition.to)」")
                }
                guard transition.condition.count <= 30 else {
                    throw DomainError.invalid("steps", "步骤「\(step.name)」：分支条件不能超过 30 字")
                }
            }
            if step.next.count > 1, step.next.contains(where: { $0.condition.isEmpty }) {
                throw DomainError.invalid("steps", "步骤「\(step.name)」有多个去向：每个去向都要写明条件（如「材料不全」）")
            }
        }
        let flow = Workflow(steps: cleaned)
        guard !cleaned.isEmpty else { return flow }
        let reached = flow.reachable()
        if let lost = cleaned.first(where: { !reached.contains($0.name) }) {
            throw DomainError.invalid("steps", "步骤「\(lost.name)」从第一步「\(cleaned[0].name)」出发无法到达")
        }
        guard cleaned.contains(where: \.isEnd) else { throw DomainError.invalid("steps", "办理流程没有结束步骤：至少一个步骤不再指向其他步骤") }
        return flow
    }

    /// Names of the steps reachable from the first one.
    public func reachable() -> Set<String> {
        guard let first = steps.first else { return [] }
        var reached: Set<String> = [first.name]
        var queue = [first.name]
        while let name = queue.popLast() {
            for transition in step(named: name)?.next ?? [] where reached.insert(transition.to).inserted {
                queue.append(transition.to)
            }
        }
        return reached
    }

    /// Working days along the normal path (each step's first way out, stopping at an end or a
    /// step already passed): what the promised limit should cover.
    public var mainPathDays: Int {
        var total = 0
        var visited: Set<String> = []
        var current = steps.first
        while let step = current, visited.insert(step.name).inserted {
            total += step.days ?? 0
            current = step.next.first.flatMap { self.step(named: $0.to) }
        }
        return total
    }
}
