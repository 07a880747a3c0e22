/// Per-unit, per-month timeliness figures (条例 第二十六条) for the assessment and the annual report's
/// table 二 context: how many 主动公开 documents formed in a month were published, and how many late.
public struct TimelinessTally: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public let unitCode: String
        public let month: Int
        public var published: Int
        public var late: Int
    }

    public let year: Int
    public let rows: [Row]

    /// `documents`: (unit, 生成日期, 发布日期, rule) of published documents formed in `year`.
    public static func count(
        year: Int, documents: [(unit: String, generatedOn: CivilDate, publishedOn: CivilDate, rule: PublicationRule)], calendar: WorkingDayCalendar
    ) -> TimelinessTally {
        var byKey: [String: Row] = [:]
        for document in documents where document.generatedOn.year == year {
            let key = "\(document.unit)#\(document.generatedOn.month)"
            var row = byKey[key] ?? Row(unitCode: document.unit, month: document.generatedOn.month, published: 0, late: 0)
            row.published += 1
            let result = PublicationTimeliness.evaluate(
                anchor: document.generatedOn, rule: document.rule, publishedOn: document.publishedOn, today: document.publishedOn, calendar: calendar)
            if result.isLateOrOverdue { row.late += 1 }
            byKey[key] = row
        }
        return TimelinessTally(year: year, rows: byKey.values.sorted { ($0.unitCode, $0.month) < ($1.unitCode, $1.month) })
    }
}
