import Foundation

/// The catalog's CSV form, with the column headings county catalogs print (statutes §4.1) plus the
/// machine rule and the portal column. Import and export use the same headings, so an exported file
/// edited in a spreadsheet imports again.
public enum CatalogCSV {
    public static let headers = [
        "序号", "领域", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "时限起算", "时限工作日", "公开主体", "公开渠道和载体", "公开对象",
        "公开方式", "公开层级", "栏目", "栏目类型", "法定公开事项",
    ]

    public static func export(_ entries: [CatalogEntry]) -> String {
        var text = "\u{FEFF}" + CSVText.line(headers)
        for (index, entry) in entries.enumerated() {
            text += CSVText.line([
                String(index + 1), entry.domain, entry.primaryItem, entry.secondaryItem, entry.content, entry.basis, entry.timeLimitText,
                entry.rule.anchor.rawValue, String(entry.rule.workingDays), entry.unitCode, entry.channels.map(\.notation).joined(separator: " "),
                entry.audience.rawValue, entry.mode.rawValue, entry.level.rawValue, entry.column, entry.columnKind.rawValue,
                entry.statutoryItem.map { String($0.rawValue) } ?? "",
            ])
        }
        return text
    }

    /// Parses every row or none: the first bad row is reported with its line number and column.
    public static func parse(_ text: String) throws -> [CatalogEntry] {
        let rows = try CSVText.parse(text)
        guard let header = rows.first else { throw DomainError.invalid("file", "CSV 文件为空") }
        let trimmedHeader = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var position: [String: Int] = [:]
        for name in headers {
            guard let index = trimmedHeader.firstIndex(of: name) else { throw DomainError.invalid("file", "CSV 缺少列「\(name)」") }
            position[name] = index
        }
        return try rows.dropFirst().enumerated().map { offset, row in
            let line = offset + 2
            func cell(_ name: String) -> String {
                let index = position[name]!
                return index < row.count ? row[index].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            }
            func fail(_ name: String, _ message: String) -> DomainError {
                DomainError.invalid("file", "第 \(line) 行「\(name)」：\(message)")
            }
            guard let anchor = PublicationRule.Anchor(rawValue: cell("时限起算")) else {
                throw fail("时限起算", "应为 形成或变更 / 作出决定 / 关联文件公开")
            }
            guard let days = Int(cell("时限工作日")) else { throw fail("时限工作日", "应为整数") }
            guard let audience = Audience(text: cell("公开对象")) else { throw fail("公开对象", "应为 全社会 或 特定群体") }
            guard let mode = DisclosureMode(text: cell("公开方式")) else { throw fail("公开方式", "应为 主动 或 依申请") }
            guard let level = AdministrativeLevel(text: cell("公开层级")) else { throw fail("公开层级", "应为 县级 或 乡级") }
            guard let kind = ColumnKind(rawValue: cell("栏目类型")) else { throw fail("栏目类型", "应为 动态/要闻、通知公告、政策文件 或 其他") }
            var item: StatutoryItem?
            if !cell("法定公开事项").isEmpty {
                guard let number = Int(cell("法定公开事项")), let value = StatutoryItem(rawValue: number) else {
                    throw fail("法定公开事项", "应为 1 到 15 的条例第二十条事项序号")
                }
                item = value
            }
            do {
                let entry = CatalogEntry(
                    unitCode: cell("公开主体"), domain: cell("领域"), primaryItem: cell("一级事项"), secondaryItem: cell("二级事项"),
                    content: cell("公开内容（要素）"), basis: cell("公开依据"), timeLimitText: cell("公开时限"),
                    rule: try PublicationRule(anchor: anchor, workingDays: days), channels: try ChannelChoice.parseList(cell("公开渠道和载体")),
                    audience: audience, mode: mode, level: level, column: cell("栏目").isEmpty ? nil : cell("栏目"), columnKind: kind,
                    statutoryItem: item)
                if entry.unitCode.isEmpty { throw fail("公开主体", "不能为空") }
                return try entry.validated()
            } catch let error as DomainError where error.field != "file" {
                throw DomainError.invalid("file", "第 \(line) 行：\(error.message)")
            }
        }
    }
}
