import Foundation

/// An SMS gateway as the carriers and cloud vendors offer it (issue 24 §1): an HTTPS POST with a
/// template id and parameters. The office enters the URL, the headers (an API key) and the JSON
/// body with placeholders, so any vendor's shape fits without code:
///
///     {"PhoneNumbers": "{{手机号}}", "TemplateCode": "SMS_1234", "TemplateParam": {"text": "{{内容}}"}}
public struct SMSGatewaySettings: Equatable, Sendable, Codable {
    public var url: String
    /// One `Name: value` per line.
    public var headers: String
    public var bodyTemplate: String
    /// Text the answer must contain to count as accepted (many gateways answer 200 with an error
    /// code in the body, e.g. `"Code":"OK"`); empty: any 2xx is success.
    public var successContains: String

    public static let placeholders = ["{{手机号}}", "{{内容}}", "{{编号}}"]

    public init(url: String, headers: String, bodyTemplate: String, successContains: String) {
        self.url = url
        self.headers = headers
        self.bodyTemplate = bodyTemplate
        self.successContains = successContains
    }

    public func validated() throws -> SMSGatewaySettings {
        var copy = self
        copy.url = url.trimmingCharacters(in: .whitespaces)
        guard copy.url.count <= 500, let parsed = URL(string: copy.url), ["https", "http"].contains(parsed.scheme?.lowercased() ?? ""),
            parsed.host?.isEmpty == false
        else { throw DomainError.invalid("smsURL", "短信网关地址须为 https:// 开头的网址") }
        guard headers.count <= 2000 else { throw DomainError.invalid("smsHeaders", "请求头过长") }
        _ = try headerFields()
        guard bodyTemplate.count <= 4000 else { throw DomainError.invalid("smsBody", "请求体模板过长") }
        guard bodyTemplate.contains("{{手机号}}"), bodyTemplate.contains("{{内容}}") else {
            throw DomainError.invalid("smsBody", "请求体模板须包含 {{手机号}} 和 {{内容}}")
        }
        // The template must be JSON once filled in; try it with sample values.
        _ = try body(phone: "13800000000", text: "示例", reference: "1")
        copy.successContains = PlainText.singleLine(successContains)
        guard copy.successContains.count <= 100 else { throw DomainError.invalid("smsSuccess", "成功标志最多 100 字") }
        return copy
    }

    /// The headers as name–value pairs; a line without a colon, or a name with characters HTTP
    /// does not allow, is refused.
    public func headerFields() throws -> [(name: String, value: String)] {
        var fields: [(String, String)] = []
        for line in headers.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw DomainError.invalid("smsHeaders", "请求头每行须为 名称: 值") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty,
                name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_".unicodeScalars.contains($0)) })
            else { throw DomainError.invalid("smsHeaders", "请求头名称无效：\(name.prefix(40))") }
            fields.append((name, value))
        }
        return fields
    }

    /// The JSON body for one message: each placeholder replaced by its value as a JSON string's
    /// content, so a quote or a newline in the text cannot change the document's shape.
    public func body(phone: String, text: String, reference: String) throws -> Data {
        var filled = bodyTemplate
        for (placeholder, value) in [("{{手机号}}", phone), ("{{内容}}", text), ("{{编号}}", reference)] {
            filled = filled.replacingOccurrences(of: placeholder, with: Self.jsonStringContent(value))
        }
        let data = Data(filled.utf8)
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
            throw DomainError.invalid("smsBody", "请求体模板填入内容后不是有效的 JSON（占位符应写在引号内）")
        }
        return data
    }

    static func jsonStringContent(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
