import DisclosureCore

/// Typical 办理流程 for the demo county's powers, one per kind of power, with the branches a real
/// flowchart shows: 材料不全 → 一次性告知补正 (and back to 受理), 听证, 公示有异议 → 复核, 当场实施.
enum DemoPowerFlows {
    static func flow(for category: PowerCategory, days: Int) -> Workflow {
        let review = max(1, days - 4)
        switch category {
        case .license:
            return Workflow(steps: [
                step("受理", "窗口受理人员", 1, ("材料齐全、符合法定形式", "审查"), ("材料不全", "一次性告知补正"), ("不属于受理范围", "不予受理告知")),
                step("一次性告知补正", "窗口受理人员", 0, ("申请人补正后", "受理")),
                step("不予受理告知", "窗口受理人员", 0),
                step("审查", "业务股室审核人员", review, ("符合条件", "决定"), ("需现场核查", "现场核查")),
                step("现场核查", "核查人员（2 人以上）", 2, ("", "决定")),
                step("决定", "分管负责人", 1, ("准予许可", "制证送达"), ("不予许可", "不予许可决定书送达")),
                step("制证送达", "窗口发证人员", 1),
                step("不予许可决定书送达", "窗口发证人员", 1),
            ])
        case .penalty:
            return Workflow(steps: [
                step("立案", "执法人员", 7, ("", "调查取证")),
                step("调查取证", "执法人员（2 人以上）", nil, ("", "法制审核")),
                step("法制审核", "法制审核人员", 5, ("违法事实成立", "告知陈述申辩和听证权利"), ("违法事实不成立", "撤销立案")),
                step("撤销立案", "执法机构负责人", 1),
                step("告知陈述申辩和听证权利", "执法人员", 3, ("当事人申请听证", "组织听证"), ("未申请听证", "作出处罚决定")),
                step("组织听证", "听证主持人", 10, ("", "作出处罚决定")),
                step("作出处罚决定", "机关负责人（重大案件集体讨论）", 3, ("", "送达")),
                step("送达", "执法人员", 7, ("", "执行")),
                step("执行", "执法人员"),
            ])
        case .enforcement:
            return Workflow(steps: [
                step("调查核实", "执法人员", 3, ("", "审批")),
                step("审批", "机关负责人", 1, ("情况紧急", "当场实施并补办手续"), ("一般情形", "制作强制措施决定书")),
                step("当场实施并补办手续", "执法人员", 1, ("", "解除或处理")),
                step("制作强制措施决定书", "执法人员", 1, ("", "送达并实施")),
                step("送达并实施", "执法人员（2 人以上）", 1, ("", "解除或处理")),
                step("解除或处理", "执法机构负责人", 30),
            ])
        case .benefit, .reward:
            return Workflow(steps: [
                step("申请受理", "窗口受理人员", 1, ("材料齐全", "审核"), ("材料不全", "一次性告知补正")),
                step("一次性告知补正", "窗口受理人员", 0, ("申请人补正后", "申请受理")),
                step("审核", "业务股室审核人员", review, ("", "公示")),
                step("公示", "业务股室", 7, ("无异议", "审批"), ("公示有异议", "复核")),
                step("复核", "业务股室负责人", 5, ("", "审批")),
                step("审批", "分管负责人", 2, ("", "发放")),
                step("发放", "财务人员", 5),
            ])
        case .inspection:
            return Workflow(steps: [
                step("制定检查计划（双随机抽取）", "执法股室", 5, ("", "实施检查")),
                step("实施检查", "执法人员（2 人以上）", 5, ("发现问题", "责令整改"), ("未发现问题", "检查结果公开")),
                step("责令整改", "执法人员", 15, ("", "整改复查")),
                step("整改复查", "执法人员", 5, ("", "检查结果公开")),
                step("检查结果公开", "政务公开工作人员", 20),
            ])
        case .levy:
            return Workflow(steps: [
                step("核定应缴金额", "征收人员", 5, ("", "下达缴费通知")),
                step("下达缴费通知", "征收人员", 2, ("", "缴纳入库")),
                step("缴纳入库", "缴费人、财务人员", 15, ("按期缴纳", "开具票据"), ("逾期未缴", "催缴")),
                step("催缴", "征收人员", 10, ("", "开具票据")),
                step("开具票据", "财务人员", 1),
            ])
        case .confirmation, .adjudication, .other:
            return Workflow(steps: [
                step("受理", "窗口受理人员", 1, ("材料齐全", "审核"), ("材料不全", "一次性告知补正")),
                step("一次性告知补正", "窗口受理人员", 0, ("申请人补正后", "受理")),
                step("审核", "业务股室审核人员", review, ("", "决定")),
                step("决定", "分管负责人", 1, ("", "送达")),
                step("送达", "窗口工作人员", 1),
            ])
        }
    }

    static func step(_ name: String, _ post: String, _ days: Int? = nil, _ next: (String, String)...) -> WorkflowStep {
        WorkflowStep(name: name, post: post, days: days, next: next.map { WorkflowTransition(to: $0.1, condition: $0.0) })
    }
}
