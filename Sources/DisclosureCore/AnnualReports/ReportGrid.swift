/// A report table laid out like the official format: rows of cells with row and column spans.
/// HTML, XLSX and DOCX are all drawn from this one grid, so the three outputs cannot disagree
/// with each other or with the JSON figures the grid was filled from.
public struct ReportGrid: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var rowSpan: Int
        public var columnSpan: Int
        /// Headings and row labels, as opposed to figures.
        public var isLabel: Bool

        public init(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1, isLabel: Bool = true) {
            self.text = text
            self.rowSpan = rowSpan
            self.columnSpan = columnSpan
            self.isLabel = isLabel
        }

        public static func figure(_ text: String, columnSpan: Int = 1) -> Cell { Cell(text, columnSpan: columnSpan, isLabel: false) }
    }

    public let title: String
    public let columnCount: Int
    /// How many leading rows are the header.
    public let headerRows: Int
    public let rows: [[Cell]]

    public init(title: String, columnCount: Int, headerRows: Int, rows: [[Cell]]) {
        self.title = title
        self.columnCount = columnCount
        self.headerRows = headerRows
        self.rows = rows
    }

    /// A cell placed on the full rectangle: its top-left position and spans.
    public struct Placement: Equatable, Sendable {
        public let row: Int
        public let column: Int
        public let cell: Cell
    }

    /// Places every cell, skipping positions covered by spans from above, as HTML tables do.
    /// The result is what XLSX merges and DOCX gridSpan/vMerge need.
    public var placements: [Placement] {
        var covered = Set<[Int]>()
        var result: [Placement] = []
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in row {
                while covered.contains([rowIndex, column]) { column += 1 }
                result.append(Placement(row: rowIndex, column: column, cell: cell))
                for r in rowIndex..<(rowIndex + cell.rowSpan) {
                    for c in column..<(column + cell.columnSpan) { covered.insert([r, c]) }
                }
                column += cell.columnSpan
            }
        }
        return result
    }

    /// Every row filled to `columnCount` with nothing overlapping; checked in tests for each layout.
    public var isRectangular: Bool {
        var seen = [Int: Set<Int>]()
        for placement in placements {
            for r in placement.row..<(placement.row + placement.cell.rowSpan) {
                for c in placement.column..<(placement.column + placement.cell.columnSpan) {
                    guard c < columnCount, seen[r, default: []].insert(c).inserted else { return false }
                }
            }
        }
        return (0..<rows.count).allSatisfy { seen[$0]?.count == columnCount }
    }
}
