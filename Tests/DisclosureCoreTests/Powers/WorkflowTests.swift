import DisclosureCore
import Testing

@Suite("办理流程: a valid flow starts at step one, reaches every step, branches only to steps that exist")
struct WorkflowTests {
    static func step(_ name: String, _ next: (String, String)...) -> WorkflowStep {
        WorkflowStep(name: name, post: "窗口", days: 1, next: next.map { WorkflowTransition(to: $0.1, condition: $0.0) })
    }

    static let license = Workflow(steps: [
        step("受理", ("材料齐全", "审查"), ("材料不全", "一次性告知补正")),
        step("一次性告知补正", ("补正后", "受理")),
        step("审查", ("", "决定")),
        step("决定"),
    ])

    @Test("a branching flow with a loop back to 受理 is valid and its main path sums the step limits")
    func valid() throws {
        let flow = try Self.license.validated()
        #expect(flow.steps.count == 4)
        #expect(flow.reachable() == ["受理", "一次性告知补正", "审查", "决定"])
        #expect(flow.mainPathDays == 3)
    }

    @Test(
        "bad flows are refused with the step named",
        arguments: [
            (Workflow(steps: [step("受理", ("", "审查")), step("审查"), step("孤立步骤")]), "步骤「孤立步骤」从第一步「受理」出发无法到达"),
            (Workflow(steps: [step("受理", ("", "审核")), step("审查")]), "步骤「受理」的去向「审核」不存在"),
            (Workflow(steps: [step("受理", ("", "审查")), step("审查", ("", "受理"))]), "办理流程没有结束步骤：至少一个步骤不再指向其他步骤"),
            (Workflow(steps: [step("受理", ("", "审查"), ("", "决定")), step("审查"), step("决定")]), "步骤「受理」有多个去向：每个去向都要写明条件（如「材料不全」）"),
            (Workflow(steps: [step("受理", ("", "审查")), step("审查"), step("审查")]), "步骤名称「审查」重复：每个步骤的名称须不同"),
            (Workflow(steps: [step("受理", ("", "受理"))]), "步骤「受理」不能指向自己"),
        ])
    func invalid(flow: Workflow, message: String) {
        #expect(throws: DomainError.invalid("steps", message)) { try flow.validated() }
    }

    @Test("an empty flow is allowed (not yet drawn) and a step limit above a year is refused")
    func edges() throws {
        #expect(try Workflow().validated().isEmpty)
        let long = Workflow(steps: [WorkflowStep(name: "受理", days: 400)])
        #expect(throws: DomainError.invalid("steps", "步骤「受理」：时限应为 0–365 个工作日")) { try long.validated() }
    }
}
