import Foundation

/// A request handled before the platform existed, imported so a county's first report on the
/// platform is complete (issue 8 §6). Only what the report counts is kept: no applicant's name
/// or identity number ever enters the platform this way.
public struct LegacyRequest: Equatable, Sendable {
    public let line: Int
    public let unitCode: String
    /// The unit's own 编号 for the case; unique per unit, so a file cannot be imported twice.
    public let reference: String
    public let applicantKind: ApplicantKind
    public let receivedOn: CivilDate
    public let answeredOn: CivilDate?
    public let outcome: RequestOutcome?

    public var reportCase: ReportCase {
        ReportCase(applicantKind: applicantKind, receivedOn: receivedOn, answeredOn: answeredOn, outcome: outcome)
    }
}

/// Reads a legacy file: JSON Lines (one object per line) or CSV with a heading row. The fields
/// are `unit`, `reference`, `applicantKind`, `receivedOn`, `answeredOn`, `outcome`; the CSV
/// heading may use the Chinese names 单位编码, 原编号, 申请人类型, 收到申请日期, 答复日期, 办理结果.
/// Every bad field is collected with its line; the caller imports nothing when there is one.
public enum LegacyRequestFile {
    public static let fields: [(key: String, name: String)] = [
        ("unit", "单位编码"), ("reference", "原编号"), ("applicantKind", "申请人类型"), ("receivedOn", "收到申请日期"), ("answeredOn", "答复日期"),
        ("outcome", "办理结果"),
    ]

    /// The 2007 条例 took effect on 2008-05-01; no disclosure application predates it.
    public static let earliest = CivilDate(year: 2008, month: 5, day: 1)!

    public struct Parsed: Equatable, Sendable {
        public var requests: [LegacyRequest]
        public var errors: [FileRowError]
    }

    public static func parse(_ text: String, unitCodes: Set<String>, today: CivilDate) throws -> Parsed {
        let records = try self.records(text)
        guard !records.isEmpty else { throw DomainError.invalid("file", "文件中没有数据行") }
        var parsed = Parsed(requests: [], errors: [])
        var seen: [String: Int] = [:]
        for (line, record) in records {
            var errors: [FileRowError] = []
            func field(_ key: String) -> String {
                (record[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func fail(_ key: String, _ message: String) {
                errors.append(FileRowError(line: line, column: fields.first { $0.key == key }?.name ?? key, message: message))
            }
            func date(_ key: String, required: Bool) -> CivilDate? {
                let text = field(key)
                if text.isEmpty {
                    if required { fail(key, "不能为空") }
                    return nil
                }
                guard let date = CivilDate(iso: text) else {
                    fail(key, "日期应写成 YYYY-MM-DD，现为「\(text)」")
                    return nil
                }
                guard date >= earliest, date <= today else {
                    fail(key, "日期应在 \(earliest) 至今天（\(today)）之间")
                    return nil
                }
                return date
            }
            let unit = field("unit")
            if !unitCodes.contains(unit) { fail("unit", unit.isEmpty ? "不能为空" : "没有编码为「\(unit)」的单位") }
            let reference = PlainText.singleLine(field("reference"))
            if reference.isEmpty || reference.count > 60 { fail("reference", "不能为空，且不超过 60 个字") }
            let kind = ApplicantKind(rawValue: field("applicantKind"))
            if kind == nil {
                fail("applicantKind", "应为 \(ApplicantKind.allCases.map(\.rawValue).joined(separator: "、")) 之一，现为「\(field("applicantKind"))」")
            }
            let received = date("receivedOn", required: true)
            let answered = date("answeredOn", required: false)
            let outcomeText = field("outcome")
            let outcome = RequestOutcome(text: outcomeText)
            if !outcomeText.isEmpty, outcome == nil { fail("outcome", "「\(outcomeText)」不是年度报告表三的办理结果（如 r3.1、r3.2、r3.3.4）") }
            if answered != nil, outcomeText.isEmpty { fail("outcome", "已答复的申请须填写办理结果") }
            if answered == nil, !outcomeText.isEmpty, errors.isEmpty { fail("answeredOn", "填写了办理结果的申请须填写答复日期") }
            if let received, let answered, answered < received { fail("answeredOn", "答复日期不能早于收到申请日期 \(received)") }
            if unitCodes.contains(unit), !reference.isEmpty, reference.count <= 60 {
                if let first = seen["\(unit)\u{1F}\(reference)"] {
                    fail("reference", "与第 \(first) 行的原编号重复")
                } else {
                    seen["\(unit)\u{1F}\(reference)"] = line
                }
            }
            if errors.isEmpty, let kind, let received {
                parsed.requests.append(
                    LegacyRequest(
                        line: line, unitCode: unit, reference: reference, applicantKind: kind, receivedOn: received, answeredOn: answered,
                        outcome: outcome))
            }
            parsed.errors += errors
        }
        return parsed
    }

    /// Each record with its line number, keyed by the English field names.
    static func records(_ text: String) throws -> [(Int, [String: String])] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if body.drop(while: { $0.isWhitespace }).first == "{" {
            var result: [(Int, [String: String])] = []
            for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                    throw DomainError.invalid("file", "第 \(index + 1) 行不是一个 JSON 对象")
                }
                result.append((index + 1, object.compactMapValues { value in (value as? String) ?? (value is NSNull ? nil : "\(value)") }))
            }
            return result
        }
        let table = try CSVText.parse(body)
        guard let heading = table.first else { return [] }
        var position: [String: Int] = [:]
        for (index, name) in heading.enumerated() {
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if let field = fields.first(where: { $0.key == name || $0.name == name }) { position[field.key] = index }
        }
        for required in ["unit", "reference", "applicantKind", "receivedOn"] where position[required] == nil {
            let name = fields.first { $0.key == required }!.name
            throw DomainError.invalid("file", "第 1 行缺少列「\(name)」（列标题：\(fields.map(\.name).joined(separator: "、"))）")
        }
        return table.dropFirst().enumerated().compactMap { index, row in
            guard row.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
            var record: [String: String] = [:]
            for (key, column) in position where column < row.count { record[key] = row[column] }
            return (index + 2, record)
        }
    }
}
