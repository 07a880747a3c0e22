import DisclosureCore
import Foundation

/// The summary JSON of an audit entry in words, field by field.
enum AuditSummaryText {
    static let fieldNames: [String: String] = [
        "from": "原状态", "to": "新状态", "on": "日期", "receivedOn": "收到日期", "deadline": "期限", "outcome": "答复类型", "note": "说明",
        "content": "内容", "file": "文件", "size": "大小（字节）", "days": "天数", "party": "对象", "unitCode": "单位", "name": "名称",
        "title": "标题", "state": "状态", "reason": "理由", "before": "修改前", "reviewAuthority": "复议机关", "court": "人民法院",
        "delivery": "送达方式", "channel": "渠道", "length": "字数", "late": "逾期", "role": "角色", "kind": "类型", "count": "数量",
        "closedOn": "办结日期", "year": "年度", "score": "分数", "address": "地址", "reference": "受理编号",
    ]
    static let hidden: Set<String> = ["sha256", "hash", "token", "password"]

    static func text(_ json: String) -> String {
        guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return "" }
        return object.keys.sorted().filter { !hidden.contains($0) }.compactMap { key -> String? in
            let value = "\(object[key].map { "\($0)" } ?? "")"
            guard !value.isEmpty else { return nil }
            return "\(fieldNames[key] ?? key)：\(words(value))"
        }.joined(separator: "；")
    }

    /// Stored codes in words: an outcome row, a request state, true/false.
    static func words(_ value: String) -> String {
        if let outcome = RequestOutcome(rawValue: value) { return outcome.shortLabel }
        if let state = RequestState(rawValue: value) { return state.label }
        if let state = DocumentState(rawValue: value) { return state.label }
        switch value {
        case "true": return "是"
        case "false": return "否"
        default: return value
        }
    }
}
