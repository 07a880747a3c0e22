import DisclosureCore

/// One audit entry as a table row in the console.
struct AuditRow: Sendable {
    let id: Int
    let time: String
    let actor: String
    let unitCode: String
    let action: String
    let actionLabel: String
    let target: String
    let summary: String
    let hashPrefix: String

    init(_ record: AuditRecord) {
        self.id = record.id
        self.time = CivilDateTime(stored: record.at).text
        self.actor = record.actor
        self.unitCode = record.unitCode ?? ""
        self.action = record.action
        self.actionLabel = AuditActionLabel.text(record.action)
        self.target = record.target
        self.summary = record.summary == "{}" ? "" : record.summary
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
        default: action
        }
    }
}
