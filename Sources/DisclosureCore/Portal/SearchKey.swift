/// The 63-bit key of a document in the full-text index. It is the FTS5 rowid (and the PostgreSQL
/// row key), laid out so the index itself answers the portal's common questions:
///
///     | day since 1970 (16) | unit (13) | category (7) | validity (2) | document id (25) |
///
/// Ordering by key is ordering by publication day, so "newest first" walks the index backwards
/// and stops after a page instead of sorting every match; a year filter is a key range; and the
/// facet counts group on bit fields of the key without joining the documents table.
public struct SearchKey: Equatable, Sendable {
    public let day: CivilDate
    public let unitOrdinal: Int
    public let categoryOrdinal: Int
    /// 0 not a 规范性文件, 1 有效 (or not yet effective), 2 失效, 3 废止.
    public let validityCode: Int
    public let documentID: Int

    public static let unitLimit = 1 << 13
    public static let categoryLimit = 1 << 7
    public static let documentLimit = 1 << 25
    static let dayShift = 47
    static let unitShift = 34
    static let categoryShift = 27
    static let validityShift = 25

    public init(day: CivilDate, unitOrdinal: Int, categoryOrdinal: Int, validityCode: Int, documentID: Int) throws {
        // The year facet's integer formula is exact up to 2100-02-28 (day 47540).
        guard (0...47_540).contains(day.dayNumber) else { throw DomainError.invalid("publishedOn", "发布日期超出检索索引支持的范围（1970—2100年）") }
        guard (0..<Self.unitLimit).contains(unitOrdinal) else { throw DomainError.invalid("unit", "检索索引的单位数已达上限 \(Self.unitLimit)") }
        guard (0..<Self.categoryLimit).contains(categoryOrdinal) else {
            throw DomainError.invalid("category", "检索索引的信息类别数已达上限 \(Self.categoryLimit)")
        }
        guard (0..<Self.documentLimit).contains(documentID) else { throw DomainError.invalid("id", "文件编号超出检索索引容量") }
        self.day = day
        self.unitOrdinal = unitOrdinal
        self.categoryOrdinal = categoryOrdinal
        self.validityCode = validityCode & 3
        self.documentID = documentID
    }

    public init(rawValue: Int64) {
        let value = Int(rawValue)
        day = CivilDate(dayNumber: value >> Self.dayShift)
        unitOrdinal = (value >> Self.unitShift) & (Self.unitLimit - 1)
        categoryOrdinal = (value >> Self.categoryShift) & (Self.categoryLimit - 1)
        validityCode = (value >> Self.validityShift) & 3
        documentID = value & (Self.documentLimit - 1)
    }

    public var rawValue: Int64 {
        Int64(day.dayNumber) << Self.dayShift | Int64(unitOrdinal) << Self.unitShift | Int64(categoryOrdinal) << Self.categoryShift
            | Int64(validityCode) << Self.validityShift | Int64(documentID)
    }

    public static func validityCode(_ status: ValidityStatus?) -> Int {
        switch status {
        case nil: 0
        case .effective?, .notYetEffective?: 1
        case .expired?: 2
        case .repealed?: 3
        }
    }

    public static func validityStatus(code: Int) -> ValidityStatus? {
        switch code {
        case 1: .effective
        case 2: .expired
        case 3: .repealed
        default: nil
        }
    }

    /// The smallest and largest key of documents published in `year`.
    public static func range(year: Int) -> ClosedRange<Int64> {
        let first = CivilDate(year: year, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: year, month: 12, day: 31)!.dayNumber
        return (Int64(max(0, first)) << dayShift)...((Int64(max(0, last) + 1) << dayShift) - 1)
    }

    /// Bit-field expressions over a key column, for filters and facet grouping in SQL.
    public static func unitExpression(_ column: String) -> String { "((\(column) >> \(unitShift)) & \(unitLimit - 1))" }
    public static func categoryExpression(_ column: String) -> String { "((\(column) >> \(categoryShift)) & \(categoryLimit - 1))" }
    public static func validityExpression(_ column: String) -> String { "((\(column) >> \(validityShift)) & 3)" }
    public static func dayExpression(_ column: String) -> String { "(\(column) >> \(dayShift))" }
    /// unit, category and validity together: one GROUP BY gives all three facets.
    public static func facetGroupExpression(_ column: String) -> String { "((\(column) >> \(validityShift)) & \((1 << 22) - 1))" }
    public static func decodeFacetGroup(_ value: Int) -> (unit: Int, category: Int, validity: Int) {
        ((value >> 9) & (unitLimit - 1), (value >> 2) & (categoryLimit - 1), value & 3)
    }
}
