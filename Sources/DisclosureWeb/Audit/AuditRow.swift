import DisclosureCore

/// One audit entry as a table row in the console: who (name and unit), what (in Chinese, with
/// the changed fields in words) and when (China time), with the raw entry kept for auditors
/// behind 「详情」 (issue 22 §4).
struct AuditRow: Sendable {
    let id: Int
    let time: String
    let actor: String
    let unitCode: String
    let action: String
    let actionLabel: String
    let target: String
    let targetHref: String?
    /// The changed fields in words: 「收到日期：2026-11-20；答复类型：予以公开」.
    let details: String
    /// The stored summary JSON, for auditors.
    let summary: String
    let rawActor: String
    let hashPrefix: String

    init(_ record: AuditRecord, names: PeopleNames? = nil) {
        self.id = record.id
        self.time = CivilDateTime(stored: record.at).text
        self.actor = names?.actor(record.actor) ?? record.actor
        self.rawActor = record.actor
        self.unitCode = record.unitCode.map { names?.units[$0] ?? $0 } ?? ""
        self.action = record.action
        self.actionLabel = AuditActionLabel.text(record.action)
        let target: (text: String, href: String?) = names?.target(record.target) ?? (record.target, nil)
        self.target = target.text
        self.targetHref = target.href
        self.summary = record.summary == "{}" ? "" : record.summary
        self.details = AuditSummaryText.text(record.summary)
        self.hashPrefix = String(record.hash.prefix(12))
    }
}

/// Chinese names of audit actions for the console.
enum AuditActionLabel {
    static func text(_ action: String) -> String {
        switch action {
        case "login.success": "登录成功"
        case "login.failed": "登录失败"
        case "login.locked": "锁定期间尝试登录"
        case "login.throttled": "暂停期间尝试登录"
        case "logout": "退出登录"
        case "unit.create": "新建单位"
        case "unit.update": "修改单位"
        case "user.create": "新建账号"
        case "user.update": "修改账号"
        case "user.password": "修改密码"
        case "user.enable": "启用账号"
        case "user.disable": "停用账号"
        case "user.unlock": "解除锁定"
        case "token.create": "创建接口令牌"
        case "token.revoke": "撤销接口令牌"
        case "calendar.import": "导入放假安排"
        case "calendar.override": "调整日历"
        case "calendar.override.remove": "撤销日历调整"
        case "catalog.create": "新增目录条目"
        case "catalog.update": "修改目录条目"
        case "catalog.delete": "删除目录条目"
        case "catalog.import": "导入标准目录"
        case "document.create": "新建信息"
        case "document.edit": "修改草稿"
        case "document.submit": "提交审核"
        case "document.returnToDraft": "退回修改"
        case "document.approve": "保密审查通过"
        case "document.publish": "发布"
        case "document.schedule": "定时发布"
        case "document.withdraw": "撤回"
        case "document.correct": "更正"
        case "document.import": "批量导入"
        case "document.validity": "有效性变更"
        case "document.attach": "上传附件"
        case "document.detach": "删除附件"
        case "document.publish.skip": "定时发布跳过"
        case "request.create": "登记申请"
        case "request.addFile": "上传答复附件"
        case "request.removeFile": "移除答复附件"
        case "request.closeLapsed": "逾期终止"
        case "request.closeLapsed.skip": "逾期检查（未终止）"
        case "letter.deliver": "登记告知书送达"
        case "letter.template": "修改告知书模板"
        case "appeal.record": "登记复议或诉讼"
        case "appeal.decide": "登记复议或诉讼结果"
        case "complaint.create": "受理投诉举报"
        case "complaint.escalate": "投诉逾期上报"
        case "message.create": "收到留言"
        case "message.reply": "答复留言"
        case "monitor.run": "定时监测"
        case "power.create": "新增权力事项"
        case "power.update": "修改权力事项"
        case "power.import": "导入权责清单"
        case "record.create": "登记工作记录"
        case "record.delete": "删除工作记录"
        case "rectification.create": "下达整改任务"
        case "rectification.submit": "提交整改情况"
        case "rectification.review": "审核整改情况"
        case "report.legacy.import": "导入历史申请"
        case "settings.supervision": "修改监督设置"
        case "unit.remedy": "设置救济途径"
        case "assessment.scheme.import": "导入考核指标体系"
        case "assessment.campaign.create": "新建考核"
        case "assessment.self.save": "保存自评"
        case "assessment.self.submit": "提交自评"
        case "assessment.choose": "指定抽评单位"
        case "assessment.draw": "抽取抽评单位"
        case "assessment.publish": "发布考核结果"
        case "assessment.approve": "审定考核结果"
        default: prefixed(action)
        }
    }

    /// An action without its own name: its module and the step's own label.
    static func prefixed(_ action: String) -> String {
        let parts = action.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return action }
        switch parts[0] {
        case "request": return RequestAction(rawValue: parts[1]).map { "依申请公开：\($0.label)" } ?? "依申请公开：\(parts[1])"
        case "complaint": return ComplaintAction(rawValue: parts[1]).map { "投诉举报：\($0.label)" } ?? "投诉举报：\(parts[1])"
        case "document": return "主动公开：\(parts[1])"
        case "assessment": return "考核：\(parts[1])"
        default: return action
        }
    }
}
