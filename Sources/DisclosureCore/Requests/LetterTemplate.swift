/// A letter template with `{{名称}}` placeholders. Rendering is plain substitution, so what the
/// office writes is what the applicant reads; an unknown placeholder is refused when the
/// template is saved rather than printed as braces.
public struct LetterTemplate: Equatable, Sendable {
    public let text: String

    /// The placeholders a letter may use, each filled from the request.
    public static let fields = [
        "单位", "文书编号", "日期", "申请人", "受理编号", "收到日期", "收到方式", "申请内容", "答复期限", "补正事项", "补正期限",
        "延期天数", "延期理由", "征询对象", "征询期限", "收费金额", "收费明细", "缴费期限", "答复类型", "法律依据", "答复内容",
        "复议机关", "诉讼法院",
    ]

    public init(validating text: String) throws {
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard (10...20_000).contains(text.count) else { throw DomainError.invalid("text", "模板内容应为 10–20000 字") }
        for name in Self.placeholders(in: text) where !Self.fields.contains(name) {
            throw DomainError.invalid("text", "模板中的占位符「{{\(name)}}」不存在；可用：\(Self.fields.joined(separator: "、"))")
        }
        self.text = text
    }

    init(trusted text: String) { self.text = text }

    public func render(_ values: [String: String]) -> String {
        var output = text
        for name in Self.placeholders(in: text) {
            output = output.replacingOccurrences(of: "{{\(name)}}", with: values[name] ?? "")
        }
        return output
    }

    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }
}
