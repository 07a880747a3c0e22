/// Per-unit, per-month publication timeliness for the assessment (条例 第二十六条; issue 18 item 9).
public struct TimelinessTally: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public let unitCode: String
        public let month: Int
        /// Documents published (on time or late).
        public var published: Int
        /// Documents not published although their deadline has passed: late too, not invisible.
        public var unpublishedOverdue: Int
        /// Published late plus unpublished overdue.
        public var late: Int

        /// Documents that count in the rate's denominator.
        public var counted: Int { published + unpublishedOverdue }
    }

    /// One 主动公开 document as the tally needs it.
    public struct Document: Sendable {
        public let unit: String
        public let generatedOn: CivilDate
        /// Where its period starts: the 生成日期, or for a 「关联文件公开」 rule the day the related
        /// document was published (nil while that one is unpublished: nothing is due yet).
        public let anchor: CivilDate?
        public let publishedOn: CivilDate?
        public let rule: PublicationRule

        public init(unit: String, generatedOn: CivilDate, anchor: CivilDate?, publishedOn: CivilDate?, rule: PublicationRule) {
            self.unit = unit
            self.generatedOn = generatedOn
            self.anchor = anchor
            self.publishedOn = publishedOn
            self.rule = rule
        }
    }

    public let year: Int
    public let rows: [Row]

    /// Every 主动公开 document formed in `year`, published or not, as of `asOf`: a published one
    /// counts (late or on time); an unpublished one counts as late once its due date has passed
    /// and not at all before.
    public static func count(year: Int, documents: [Document], asOf: CivilDate, calendar: WorkingDayCalendar) -> TimelinessTally {
        var byKey: [String: Row] = [:]
        for document in documents where document.generatedOn.year == year {
            guard let anchor = document.anchor else { continue }
            let result = PublicationTimeliness.evaluate(
                anchor: anchor, rule: document.rule, publishedOn: document.publishedOn, today: document.publishedOn ?? asOf, calendar: calendar)
            let key = "\(document.unit)#\(document.generatedOn.month)"
            var row = byKey[key] ?? Row(unitCode: document.unit, month: document.generatedOn.month, published: 0, unpublishedOverdue: 0, late: 0)
            switch (document.publishedOn, result.isLateOrOverdue) {
            case (.some, let late):
                row.published += 1
                if late { row.late += 1 }
            case (nil, true):
                row.unpublishedOverdue += 1
                row.late += 1
            case (nil, false):
                continue
            }
            byKey[key] = row
        }
        return TimelinessTally(year: year, rows: byKey.values.sorted { ($0.unitCode, $0.month) < ($1.unitCode, $1.month) })
    }
}
