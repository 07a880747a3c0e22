/// The power list as a spreadsheet (issue 6 §5): units hand their 权责清单 over as CSV or XLSX with
/// these headings, and export gives the same headings back, so an exported file imports again.
/// Parsing checks every row and reports each bad cell by row number and column.
public enum PowerSheet {
    public static let headers = [
        "编码", "权力名称", "权力类别", "实施主体", "承办机构", "设定依据", "责任事项", "追责情形", "法定时限（工作日）", "承诺时限（工作日）", "收费", "监督电话",
        "状态",
    ]
    /// Optional columns for a year's figures (annual-report table 二).
    public static let countHeaders = ["统计年度", "处理决定数量", "收费金额（元）"]
    static let required: Set<String> = ["编码", "权力名称", "权力类别", "实施主体", "设定依据"]

    public struct YearFigures: Equatable, Sendable {
        public let year: Int
        public let decisions: Int
        public let feeFen: Int

        public init(year: Int, decisions: Int, feeFen: Int) {
            self.year = year
            self.decisions = decisions
            self.feeFen = feeFen
        }
    }

    public struct Row: Equatable, Sendable {
        /// The spreadsheet's row number (the heading is row 1).
        public let line: Int
        public let draft: PowerDraft
        public let status: PowerStatus
        public let figures: YearFigures?
    }

    public typealias RowError = FileRowError

    public struct Parsed: Equatable, Sendable {
        public var rows: [Row]
        public var errors: [RowError]
        /// Lines with at least one error.
        public var badLines: Set<Int> { Set(errors.map(\.line)) }
    }

    /// Parses a table whose first row holds the headings. `units` maps each unit's code and name
    /// to its code. Throws only when the table itself is unusable (no heading row, a required
    /// column missing); every row problem is collected instead.
    public static func parse(_ table: [[String]], units: [String: String]) throws -> Parsed {
        guard let heading = table.first else { throw DomainError.invalid("file", "文件为空：第 1 行应为列标题") }
        let names = heading.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var position: [String: Int] = [:]
        for name in headers + countHeaders { if let index = names.firstIndex(of: name) { position[name] = index } }
        let absent = headers.filter { required.contains($0) && position[$0] == nil }
        guard absent.isEmpty else { throw DomainError.invalid("file", "文件缺少列「\(absent.joined(separator: "」「"))」（第 1 行应为列标题）") }
        guard table.count > 1 else { throw DomainError.invalid("file", "文件中没有权力事项（只有标题行）") }
        guard table.count <= 5001 else { throw DomainError.invalid("file", "一次最多导入 5000 行") }

        var parsed = Parsed(rows: [], errors: [])
        var codes: [String: Int] = [:]
        for (offset, cells) in table.dropFirst().enumerated() {
            let line = offset + 2
            func cell(_ name: String) -> String {
                guard let index = position[name], index < cells.count else { return "" }
                return cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            var errors: [RowError] = []
            func attempt<T>(_ column: String, _ body: () throws -> T) -> T? {
                do { return try body() } catch let error as DomainError {
                    errors.append(RowError(line: line, column: column, message: error.message))
                } catch {
                    errors.append(RowError(line: line, column: column, message: "无法识别"))
                }
                return nil
            }
            let category = attempt("权力类别") { () throws -> PowerCategory in
                guard let category = PowerCategory(text: cell("权力类别")) else {
                    throw DomainError.invalid("category", "未知类别「\(cell("权力类别"))」，应为\(PowerCategory.allCases.map(\.label).joined(separator: "、"))之一")
                }
                return category
            }
            let unit = attempt("实施主体") { () throws -> String in
                guard let code = units[cell("实施主体")] ?? units[cell("实施主体").uppercased()] else {
                    throw DomainError.invalid("unitCode", "未知单位「\(cell("实施主体"))」：请填写本县单位的名称或代码")
                }
                return code
            }
            let bases = attempt("设定依据") { try LegalBasis.parseList(cell("设定依据"), field: "bases") }
            let statutory = attempt("法定时限（工作日）") { try days(cell("法定时限（工作日）")) }
            let promised = attempt("承诺时限（工作日）") { try days(cell("承诺时限（工作日）")) }
            let fees = attempt("收费") { try PowerFee.parseList(cell("收费").isEmpty ? PowerFee.freeText : cell("收费"), field: "fees") }
            let status = attempt("状态") { () throws -> PowerStatus in
                if cell("状态").isEmpty { return .active }
                guard let status = PowerStatus(text: cell("状态")) else { throw DomainError.invalid("status", "未知状态「\(cell("状态"))」，应为有效、暂停或取消") }
                return status
            }
            let figures = attempt("统计年度") { try yearFigures(cell("统计年度"), cell("处理决定数量"), cell("收费金额（元）")) }
            if let category, let unit, let bases, let statutory, let promised, let fees, let status, let figures {
                let draft = PowerDraft(
                    code: cell("编码"), name: cell("权力名称"), category: category, unitCode: unit, handlingOffice: cell("承办机构"), bases: bases,
                    responsibilities: cell("责任事项"), accountability: cell("追责情形"), statutoryDays: statutory, promisedDays: promised, fees: fees,
                    supervisionPhone: cell("监督电话"))
                if let valid = attempt(column(for: draft), { try draft.validated() }) {
                    if let first = codes[valid.code] {
                        errors.append(RowError(line: line, column: "编码", message: "编码 \(valid.code) 与第 \(first) 行重复"))
                    } else {
                        codes[valid.code] = line
                        if errors.isEmpty { parsed.rows.append(Row(line: line, draft: valid, status: status, figures: figures)) }
                    }
                }
            }
            parsed.errors += errors
        }
        return parsed
    }

    /// The column a `PowerDraft.validated()` error is about, found by re-running the check.
    static func column(for draft: PowerDraft) -> String {
        do {
            _ = try draft.validated()
            return "编码"
        } catch let error as DomainError {
            switch error.field {
            case "name": return "权力名称"
            case "unitCode": return "实施主体"
            case "handlingOffice": return "承办机构"
            case "bases": return "设定依据"
            case "responsibilities": return "责任事项"
            case "accountability": return "追责情形"
            case "statutoryDays": return "法定时限（工作日）"
            case "promisedDays": return "承诺时限（工作日）"
            case "fees": return "收费"
            case "supervisionPhone": return "监督电话"
            default: return "编码"
            }
        } catch {
            return "编码"
        }
    }

    static func days(_ text: String) throws -> Int? {
        if text.isEmpty { return nil }
        let digits = text.hasSuffix("个工作日") ? String(text.dropLast(4)) : text
        guard let value = Int(digits.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw DomainError.invalid("days", "「\(text.prefix(20))」应为整数个工作日")
        }
        return value
    }

    static func yearFigures(_ year: String, _ decisions: String, _ fee: String) throws -> YearFigures? {
        if year.isEmpty {
            guard decisions.isEmpty && fee.isEmpty else { throw DomainError.invalid("year", "填写了处理决定数量或收费金额时，须填写统计年度") }
            return nil
        }
        guard let value = Int(year), (2000...2100).contains(value) else { throw DomainError.invalid("year", "统计年度「\(year.prefix(10))」应为四位年份") }
        guard let count = decisions.isEmpty ? 0 : Int(decisions), count >= 0 else {
            throw DomainError.invalid("decisions", "处理决定数量「\(decisions.prefix(10))」应为不小于 0 的整数")
        }
        let fen = try PowerYearCount.fen(fromYuan: fee, field: "feeAmount")
        try PowerYearCount.validated(decisions: count, feeFen: fen)
        return YearFigures(year: value, decisions: count, feeFen: fen)
    }

    /// The rows of an export: headings, then one row per power (with the year's figures when asked).
    public static func table(_ powers: [AdministrativePower], unitNames: [String: String], year: Int? = nil, counts: [Int: PowerYearCount] = [:])
        -> [[String]]
    {
        var table = [headers + (year == nil ? [] : countHeaders)]
        for power in powers {
            let draft = power.draft
            var row = [
                draft.code, draft.name, draft.category.label, unitNames[draft.unitCode] ?? draft.unitCode, draft.handlingOffice,
                draft.bases.map(\.text).joined(separator: "；"), draft.responsibilities, draft.accountability,
                draft.statutoryDays.map(String.init) ?? "",
                draft.promisedDays.map(String.init) ?? "", PowerFee.listText(draft.fees), draft.supervisionPhone, power.status.label,
            ]
            if let year {
                let count = counts[power.id]
                row += [String(year), String(count?.decisions ?? 0), PowerYearCount.yuanText(count?.feeFen ?? 0)]
            }
            table.append(row)
        }
        return table
    }
}
