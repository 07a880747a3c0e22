import Foundation

/// Checks every API response the tests receive against `openapi.json`, schema-deep (issue 19):
/// the status must be documented for the operation and the body must match the documented schema.
/// Objects are closed unless the schema says `additionalProperties`, so a field the code adds
/// without documenting it fails as surely as a documented field the code stops sending.
struct OpenAPIContract: Sendable {
    static let shared = OpenAPIContract()

    let document: JSONValue
    /// Path templates under `/api/v1`, split into segments.
    let templates: [(path: String, segments: [Substring])]

    init() {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DisclosureWeb/Resources/openapi.json")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? "{}"
        document = JSONValue.parse(text) ?? .object([:])
        if case .object(let paths)? = document["paths"] {
            templates = paths.keys.map { ($0, $0.split(separator: "/")) }
        } else {
            templates = []
        }
    }

    /// The documented path template for a concrete path: literal segments win over `{parameters}`.
    func template(for path: String) -> String? {
        let segments = path.split(separator: "/")
        let candidates = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        return candidates.max { lhs, rhs in
            lhs.segments.filter { !$0.hasPrefix("{") }.count < rhs.segments.filter { !$0.hasPrefix("{") }.count
        }?.path
    }

    /// Problems with one response; empty when it follows the contract.
    func problems(method: String, uri: String, status: Int, contentType: String?, body: String) -> [String] {
        let path = String(uri.split(separator: "?", maxSplits: 1)[0])
        guard path.hasPrefix("/api/v1/") else { return [] }
        let relative = String(path.dropFirst("/api/v1".count))
        guard let template = template(for: relative) else { return ["\(method) \(path)：openapi.json 没有这个路径"] }
        let label = "\(method) \(template) \(status)"
        guard let operation = document["paths"]?[template]?[method.lowercased()] else { return ["\(label)：openapi.json 没有这个方法"] }
        guard let response = operation["responses"]?[String(status)] ?? operation["responses"]?["default"] else {
            return ["\(label)：状态码未在 openapi.json 中说明"]
        }
        let mediaType = contentType.map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces) } ?? ""
        guard mediaType.hasSuffix("json") else { return [] }
        guard let schema = response["content"]?[mediaType]?["schema"] else {
            return ["\(label)：响应类型 \(mediaType) 未在 openapi.json 中说明"]
        }
        guard let value = JSONValue.parse(body) else { return ["\(label)：响应不是有效的 JSON"] }
        var found: [String] = []
        check(value, against: schema, at: "$", into: &found)
        return found.prefix(10).map { "\(label)：\($0)" }
    }

    func resolve(_ schema: JSONValue) -> JSONValue {
        guard let reference = schema["$ref"]?.string, reference.hasPrefix("#/") else { return schema }
        var node: JSONValue? = document
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node.map(resolve) ?? .object([:])
    }

    func check(_ value: JSONValue, against raw: JSONValue, at place: String, into found: inout [String]) {
        let schema = resolve(raw)
        if case .array(let options)? = schema["oneOf"] ?? schema["anyOf"] {
            let matching = options.filter { option in
                var trial: [String] = []
                check(value, against: option, at: place, into: &trial)
                return trial.isEmpty
            }
            if matching.isEmpty { found.append("\(place) 不符合 oneOf 的任何一种") }
            return
        }
        if case .array(let parts)? = schema["allOf"] {
            for part in parts { check(value, against: part, at: place, into: &found) }
        }
        if let type = schema["type"] {
            let allowed: Set<String>
            switch type {
            case .string(let name): allowed = [name]
            case .array(let names): allowed = Set(names.compactMap(\.string))
            default: allowed = []
            }
            if !allowed.isEmpty, value.typeNames.isDisjoint(with: allowed) {
                found.append("\(place) 应为 \(allowed.sorted().joined(separator: "|"))，实际为 \(value.typeNames.sorted().last ?? "?")")
                return
            }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            found.append("\(place) 的值不在 enum 中：\(value)")
        }
        switch value {
        case .string(let text):
            if case .number(let limit)? = schema["maxLength"], Double(text.count) > limit { found.append("\(place) 超过 maxLength \(Int(limit))") }
            if schema["format"]?.string == "date", text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                found.append("\(place) 不是 date 格式：\(text)")
            }
        case .number(let number):
            if case .number(let minimum)? = schema["minimum"], number < minimum { found.append("\(place) 小于 minimum \(minimum)") }
            if case .number(let maximum)? = schema["maximum"], number > maximum { found.append("\(place) 大于 maximum \(maximum)") }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(place)[\(index)]", into: &found) }
            }
        case .object(let object):
            checkObject(object, schema: schema, at: place, into: &found)
        case .null, .bool:
            break
        }
    }

    private func checkObject(_ object: [String: JSONValue], schema: JSONValue, at place: String, into found: inout [String]) {
        if case .array(let required)? = schema["required"] {
            for name in required.compactMap(\.string) where object[name] == nil { found.append("\(place).\(name) 是必需字段，响应中没有") }
        }
        let properties: [String: JSONValue]
        if case .object(let declared)? = schema["properties"] { properties = declared } else { properties = [:] }
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            if let property = properties[name] {
                check(value, against: property, at: "\(place).\(name)", into: &found)
            } else if let additional = schema["additionalProperties"] {
                if case .bool(false) = additional { found.append("\(place).\(name) 未在文档中声明") }
                if case .object = additional { check(value, against: additional, at: "\(place).\(name)", into: &found) }
            } else if schema["properties"] != nil {
                found.append("\(place).\(name) 未在文档中声明")
            }
        }
    }
}
