/// Table 三 filled from cases (statutes §2.4, issue 8 §1): a case counts as 新收 (r1) in the year
/// it was received, as 上年结转 (r2) if received earlier and still open at the start of the year,
/// in its outcome row in the year it was answered, and as 结转下年度 (r4) if open at the end of the
/// year. Every case of r1 + r2 is therefore either answered in the year or carried out, so C1
/// holds by construction; the checks guard entered and imported figures.
public struct RequestTable: Equatable, Sendable, Codable {
    public struct Row: Equatable, Sendable, Codable {
        public let key: String
        public let label: String
        /// The six applicant columns then 总计.
        public var values: [Int]
    }

    public var columns: [String]
    public var rows: [Row]

    public init(columns: [String] = RequestTableRow.columns, rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }

    public static func empty(_ format: ReportFormat) -> RequestTable {
        RequestTable(rows: RequestTableRow.rows(format).map { Row(key: $0.key, label: $0.label, values: Array(repeating: 0, count: 7)) })
    }

    public static func count(_ cases: [ReportCase], year: Int, format: ReportFormat) -> RequestTable {
        let first = CivilDate(year: year, month: 1, day: 1)!
        let last = CivilDate(year: year, month: 12, day: 31)!
        let layout = RequestTableRow.rows(format)
        var table = empty(format)
        let index = Dictionary(uniqueKeysWithValues: layout.enumerated().map { ($1.key, $0) })
        var rowOfOutcome = [RequestOutcome: Int]()
        for (position, row) in layout.enumerated() { for outcome in row.outcomes { rowOfOutcome[outcome] = position } }
        func add(_ row: Int?, _ kind: ApplicantKind) {
            guard let row, let column = ApplicantKind.allCases.firstIndex(of: kind) else { return }
            table.rows[row].values[column] += 1
        }
        for item in cases {
            if item.receivedOn.year == year { add(index["r1"], item.applicantKind) }
            if item.receivedOn < first, item.isOpen(atEndOf: first.adding(days: -1)) { add(index["r2"], item.applicantKind) }
            if let answered = item.answeredOn, answered.year == year, let outcome = item.outcome, item.receivedOn <= answered {
                add(rowOfOutcome[outcome], item.applicantKind)
            }
            if item.isOpen(atEndOf: last) { add(index["r4"], item.applicantKind) }
        }
        let total = index["r3.7"]!
        for row in layout.indices where layout[row].isResult {
            for column in 0..<6 { table.rows[total].values[column] += table.rows[row].values[column] }
        }
        for row in table.rows.indices { table.rows[row].values[6] = table.rows[row].values[0..<6].reduce(0, +) }
        return table
    }

    public func row(_ key: String) -> Row? { rows.first { $0.key == key } }

    public func value(_ key: String, column: Int = 6) -> Int { row(key)?.values[column] ?? 0 }

    /// Cell-by-cell sum, for the county's roll-up of its units.
    public static func + (lhs: RequestTable, rhs: RequestTable) -> RequestTable {
        var sum = lhs
        for (index, row) in rhs.rows.enumerated() where index < sum.rows.count && sum.rows[index].key == row.key {
            sum.rows[index].values = zip(sum.rows[index].values, row.values).map(+)
        }
        return sum
    }

    /// The official layout: a three-column label block with the 勾稽关系 note on top, the
    /// applicant header in two levels, and the 三、本年度办理结果 block spanning its rows.
    public func grid(_ format: ReportFormat) -> ReportGrid {
        typealias Cell = ReportGrid.Cell
        var grid: [[Cell]] = [
            [Cell(RequestTableRow.cornerNote, rowSpan: 3, columnSpan: 3), Cell("申请人情况", columnSpan: 7)],
            [Cell("自然人", rowSpan: 2), Cell("法人或其他组织", columnSpan: 5), Cell("总计", rowSpan: 2)],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map { Cell($0) },
        ]
        let resultRows = rows.filter { $0.key.hasPrefix("r3.") }.count
        var openedGroups = Set<String>()
        let layout = RequestTableRow.rows(format)
        for (row, definition) in zip(rows, layout) {
            var cells: [Cell] = []
            if row.key == "r3.1" { cells.append(Cell(RequestTableRow.resultsHeading, rowSpan: resultRows)) }
            if !row.key.hasPrefix("r3.") {
                cells.append(Cell(row.label, columnSpan: 3))
            } else if let outcome = definition.outcomes.first, definition.outcomes.count == 1, outcome.label.first?.isNumber == true {
                let members = layout.filter { $0.outcomes.count == 1 && $0.outcomes[0].group == outcome.group }.count
                if openedGroups.insert(outcome.group).inserted { cells.append(Cell(outcome.group, rowSpan: members)) }
                cells.append(Cell(row.label))
            } else {
                cells.append(Cell(row.label, columnSpan: 2))
            }
            cells += row.values.map { Cell.figure(String($0)) }
            grid.append(cells)
        }
        return ReportGrid(title: "三、收到和处理政府信息公开申请情况", columnCount: 10, headerRows: 3, rows: grid)
    }
}
