/// Table 四 「政府信息公开行政复议、行政诉讼情况」 (statutes §2.5): three groups of 结果维持 /
/// 结果纠正 / 其他结果 / 尚未审结 / 总计, the same in both formats. A case decided in the year counts
/// under its result; a case filed by the end of the year and not decided by then counts as
/// 尚未审结 (so a case pending over New Year appears as 尚未审结 in the first year and under its
/// result in the year it is decided).
public struct AppealTable: Equatable, Sendable, Codable {
    public struct Group: Equatable, Sendable, Codable {
        public let label: String
        /// 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.
        public var values: [Int]
    }

    public static let columns = AppealResult.allCases.map(\.rawValue) + ["总计"]
    public var columns: [String]
    public var groups: [Group]

    public init(columns: [String] = AppealTable.columns, groups: [Group]) {
        self.columns = columns
        self.groups = groups
    }

    public static func label(of kind: AppealKind) -> String {
        switch kind {
        case .review: "行政复议"
        case .directSuit: "行政诉讼·未经复议直接起诉"
        case .suitAfterReview: "行政诉讼·复议后起诉"
        }
    }

    public static let empty = AppealTable(groups: AppealKind.allCases.map { Group(label: label(of: $0), values: [0, 0, 0, 0, 0]) })

    /// One appeal as the table sees it.
    public struct Case: Equatable, Sendable {
        public let kind: AppealKind
        public let filedOn: CivilDate
        public let result: AppealResult
        public let decidedOn: CivilDate?

        public init(kind: AppealKind, filedOn: CivilDate, result: AppealResult, decidedOn: CivilDate?) {
            self.kind = kind
            self.filedOn = filedOn
            self.result = result
            self.decidedOn = decidedOn
        }
    }

    public static func count(_ cases: [Case], year: Int) -> AppealTable {
        let last = CivilDate(year: year, month: 12, day: 31)!
        var table = empty
        for item in cases {
            guard let group = AppealKind.allCases.firstIndex(of: item.kind) else { continue }
            let column: Int?
            if let decided = item.decidedOn, item.result != .pending, decided.year == year {
                column = AppealResult.allCases.firstIndex(of: item.result)
            } else if item.filedOn <= last, item.result == .pending || (item.decidedOn.map { $0 > last } ?? true) {
                column = AppealResult.allCases.firstIndex(of: .pending)
            } else {
                column = nil
            }
            if let column { table.groups[group].values[column] += 1 }
        }
        for group in table.groups.indices { table.groups[group].values[4] = table.groups[group].values[0..<4].reduce(0, +) }
        return table
    }

    public var values: [Int] { groups.flatMap(\.values) }

    public static func + (lhs: AppealTable, rhs: AppealTable) -> AppealTable {
        var sum = lhs
        for index in sum.groups.indices where index < rhs.groups.count {
            sum.groups[index].values = zip(sum.groups[index].values, rhs.groups[index].values).map(+)
        }
        return sum
    }

    public var grid: ReportGrid {
        typealias Cell = ReportGrid.Cell
        let results = Self.columns.map { Cell($0) }
        return ReportGrid(
            title: "四、政府信息公开行政复议、行政诉讼情况", columnCount: 15, headerRows: 3,
            rows: [
                [Cell("行政复议", columnSpan: 5), Cell("行政诉讼", columnSpan: 10)],
                Self.columns.map { Cell($0, rowSpan: 2) } + [Cell("未经复议直接起诉", columnSpan: 5), Cell("复议后起诉", columnSpan: 5)],
                results + results,
                values.map { Cell.figure(String($0)) },
            ])
    }
}
