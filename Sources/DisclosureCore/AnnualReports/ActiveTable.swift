import Foundation

/// Table 二 「主动公开政府信息情况」 (statutes §2.3): blocks headed by the 条例 第二十条 item they
/// report, each with its own columns. Counts are whole numbers and the fee cells are 万元, so
/// values are exact decimals. A cell is either computed from records or entered (`enteredKeys`).
public struct ActiveTable: Equatable, Sendable, Codable {
    public struct Block: Equatable, Sendable, Codable {
        public let heading: String
        /// The figure columns after 「信息内容」.
        public let columns: [String]
        public var rows: [Row]
    }

    public struct Row: Equatable, Sendable, Codable {
        public let key: String
        public let label: String
        public var values: [Decimal]
    }

    public var blocks: [Block]
    /// Cells (`row.column`, e.g. `regulations.0`) whose figure was entered rather than computed.
    public var enteredKeys: [String]

    public static func empty(_ format: ReportFormat) -> ActiveTable {
        func block(_ heading: String, _ columns: [String], _ rows: [(String, String)]) -> Block {
            Block(
                heading: heading, columns: columns, rows: rows.map { Row(key: $0.0, label: $0.1, values: Array(repeating: 0, count: columns.count)) })
        }
        switch format {
        case .revised2021:
            return ActiveTable(
                blocks: [
                    block("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], [("regulations", "规章"), ("normative", "行政规范性文件")]),
                    block("第二十条第（五）项", ["本年处理决定数量"], [("license", "行政许可")]),
                    block("第二十条第（六）项", ["本年处理决定数量"], [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
                    block("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费")]),
                ], enteredKeys: [])
        case .trial2019:
            let items = ["上一年项目数量", "本年增/减", "处理决定数量"]
            return ActiveTable(
                blocks: [
                    block("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], [("regulations", "规章"), ("normative", "规范性文件")]),
                    block("第二十条第（五）项", items, [("license", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
                    block("第二十条第（六）项", items, [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
                    block("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("fees", "行政事业性收费")]),
                    block("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("procurement", "政府集中采购")]),
                ], enteredKeys: [])
        }
    }

    /// Every cell key of the layout, in order.
    public var cellKeys: [String] {
        blocks.flatMap { block in block.rows.flatMap { row in row.values.indices.map { "\(row.key).\($0)" } } }
    }

    /// Money cells are the columns that hold an amount (收费金额, 采购总金额); every other cell is a
    /// count. In the 2019 format the 收费 row holds item counts (上一年项目数量, 本年增/减), not money.
    public func isMoney(_ key: String) -> Bool {
        columnLabel(of: key)?.contains("金额") ?? false
    }

    /// The 2019 format's 「本年增/减」 cells: a change in the number of items, so a decrease is
    /// negative (−3); every other cell is non-negative (issue 18).
    public func isSigned(_ key: String) -> Bool {
        columnLabel(of: key) == "本年增/减"
    }

    func columnLabel(of key: String) -> String? {
        let parts = key.split(separator: ".")
        guard parts.count == 2, let column = Int(parts[1]) else { return nil }
        for block in blocks where block.rows.contains(where: { $0.key == parts[0] }) {
            return block.columns.indices.contains(column) ? block.columns[column] : nil
        }
        return nil
    }

    /// 「行 · 列」 for messages, e.g. 行政处罚·本年处理决定数量.
    public func label(of key: String) -> String {
        let parts = key.split(separator: ".")
        for block in blocks {
            if let row = block.rows.first(where: { $0.key == parts.first.map(String.init) }), parts.count == 2, let column = Int(parts[1]),
                block.columns.indices.contains(column)
            {
                return "\(row.label)·\(block.columns[column])"
            }
        }
        return key
    }

    /// What a cell must hold, for messages (C7 and entry).
    public func expectation(at key: String) -> String {
        if isSigned(key) { return "整数（减少填负数，如 -3）" }
        return isMoney(key) ? "不小于 0、最多 4 位小数的金额（万元）" : "不小于 0 的整数"
    }

    /// C7: a count is a whole number (non-negative unless it is a 本年增/减 change), money
    /// non-negative with at most four decimals.
    public func isValid(_ value: Decimal, at key: String) -> Bool {
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, isMoney(key) ? 4 : 0, .plain)
        let inRange = isSigned(key) ? abs(value) < 100_000_000 : value >= 0 && value < 100_000_000
        return inRange && rounded == value
    }

    public func value(_ key: String) -> Decimal? {
        let parts = key.split(separator: ".")
        guard parts.count == 2, let column = Int(parts[1]) else { return nil }
        for block in blocks {
            if let row = block.rows.first(where: { $0.key == parts[0] }), row.values.indices.contains(column) { return row.values[column] }
        }
        return nil
    }

    public mutating func set(_ key: String, _ value: Decimal) {
        let parts = key.split(separator: ".")
        guard parts.count == 2, let column = Int(parts[1]) else { return }
        for b in blocks.indices {
            if let r = blocks[b].rows.firstIndex(where: { $0.key == parts[0] }), blocks[b].rows[r].values.indices.contains(column) {
                blocks[b].rows[r].values[column] = value
            }
        }
    }

    /// The 2021 table from records: 行政规范性文件 from the documents, 许可/处罚/强制 and the fees
    /// from the powers' yearly figures, then the entered cells on top. 规章 stays 0 unless
    /// entered: a county cannot make 规章 (立法法 第九十三条 gives that power to 设区的市 and above).
    /// The 2019 format's cells are all entered: no records on the platform predate it.
    public static func filled(
        _ format: ReportFormat, normative: NormativeFigures?, powers: PowerReportFigures?, entered: [String: Decimal]
    ) -> ActiveTable {
        var table = empty(format)
        if format == .revised2021 {
            if let normative {
                table.set("normative.0", Decimal(normative.issued))
                table.set("normative.1", Decimal(normative.repealed))
                table.set("normative.2", Decimal(normative.current))
            }
            if let powers {
                table.set("license.0", Decimal(powers.licenseDecisions))
                table.set("penalty.0", Decimal(powers.penaltyDecisions))
                table.set("enforcement.0", Decimal(powers.enforcementDecisions))
                table.set("fees.0", Decimal(string: powers.feeTenThousandYuan) ?? 0)
            }
        }
        for key in table.cellKeys { if let value = entered[key] { table.set(key, value) } }
        table.enteredKeys = table.cellKeys.filter { entered[$0] != nil }
        return table
    }

    public static func + (lhs: ActiveTable, rhs: ActiveTable) -> ActiveTable {
        var sum = lhs
        for key in sum.cellKeys { sum.set(key, (sum.value(key) ?? 0) + (rhs.value(key) ?? 0)) }
        sum.enteredKeys = Array(Set(lhs.enteredKeys + rhs.enteredKeys)).sorted()
        return sum
    }

    /// Figures as the report prints them: counts whole, money with four decimals.
    public func text(_ value: Decimal, money: Bool) -> String {
        guard money else { return NSDecimalNumber(decimal: value).stringValue }
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 4, .plain)
        let parts = NSDecimalNumber(decimal: rounded).stringValue.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, 4 - fraction.count))
    }

    /// The official layout, four columns wide: each block's heading across, then 「信息内容」 and
    /// its columns (a single figure column spans the three), then the rows.
    public var grid: ReportGrid {
        typealias Cell = ReportGrid.Cell
        var rows: [[Cell]] = []
        for block in blocks {
            rows.append([Cell(block.heading, columnSpan: 4)])
            let spans = Self.spans(block.columns.count)
            rows.append([Cell("信息内容")] + zip(block.columns, spans).map { Cell($0, columnSpan: $1) })
            for row in block.rows {
                rows.append(
                    [Cell(row.label)]
                        + zip(row.values.indices, spans).map { index, span in
                            Cell.figure(text(row.values[index], money: isMoney("\(row.key).\(index)")), columnSpan: span)
                        })
            }
        }
        return ReportGrid(title: "二、主动公开政府信息情况", columnCount: 4, headerRows: 0, rows: rows)
    }

    /// Three figure columns share out as 1+1+1, two as 1+2, one as 3.
    static func spans(_ count: Int) -> [Int] {
        switch count {
        case 1: [3]
        case 2: [1, 2]
        default: Array(repeating: 1, count: count)
        }
    }
}

/// 行政规范性文件 of a unit for a year, from its published documents' 有效性 (DocumentValidity).
public struct NormativeFigures: Equatable, Sendable, Codable {
    /// 本年制发: 生成日期 in the year.
    public let issued: Int
    /// 本年废止: repealed or expired in the year (both take a document out of force, so C8 balances).
    public let repealed: Int
    /// 现行有效: made by the end of the year and not repealed or expired by then.
    public let current: Int

    public init(issued: Int, repealed: Int, current: Int) {
        self.issued = issued
        self.repealed = repealed
        self.current = current
    }

    public static func count(_ documents: [(generatedOn: CivilDate, validity: DocumentValidity)], year: Int) -> NormativeFigures {
        let last = CivilDate(year: year, month: 12, day: 31)!
        var issued = 0
        var repealed = 0
        var current = 0
        for document in documents where document.generatedOn <= last {
            if document.generatedOn.year == year { issued += 1 }
            let ended = [document.validity.repealedOn, document.validity.expiresOn].compactMap { $0 }.min()
            if let ended, ended.year == year { repealed += 1 }
            if ended.map({ $0 > last }) ?? true { current += 1 }
        }
        return NormativeFigures(issued: issued, repealed: repealed, current: current)
    }
}
