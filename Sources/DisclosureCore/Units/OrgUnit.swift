import Foundation

/// An administrative unit (单位): the county government, a department, a township, …
public struct OrgUnit: Equatable, Sendable, Codable {
    /// Short stable code, e.g. `CZJ` for 财政局; used in 索引号 and URLs.
    public var code: String
    public var name: String
    public var kind: UnitKind
    /// Code of the parent unit; nil only for the root (the county government).
    public var parentCode: String?
    public var active: Bool

    public init(code: String, name: String, kind: UnitKind, parentCode: String?, active: Bool = true) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.active = active
    }
}

extension OrgUnit {
    /// Checks the fields a form or API call supplies; Chinese messages name the field.
    public static func validated(code: String, name: String, kind: String, parentCode: String?) throws(DomainError) -> OrgUnit {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else { throw .invalid("code", "单位代码不能为空") }
        guard code.count <= 20, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw .invalid("code", "单位代码只能包含英文字母、数字、- 和 _，最长 20 个字符")
        }
        guard !name.isEmpty else { throw .invalid("name", "单位名称不能为空") }
        guard name.count <= 60 else { throw .invalid("name", "单位名称不能超过 60 个字") }
        guard let kind = UnitKind(text: kind) else {
            throw .invalid("kind", "单位类型无效，应为：" + UnitKind.allCases.map(\.label).joined(separator: "、"))
        }
        let parent = parentCode.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
        if parent == code { throw .invalid("parentCode", "上级单位不能是本单位") }
        return OrgUnit(code: code, name: name, kind: kind, parentCode: parent)
    }
}
