/// Per unit and year, how many records of each kind there are and how many submissions were on
/// time: the counts the API returns and assessment rules read as metrics (issue 5 §3, issue 7 §3).
public struct WorkRecordTally: Equatable, Sendable, Codable {
    public struct Line: Equatable, Sendable, Codable {
        public let kind: WorkRecordKind
        public let metric: String
        public let label: String
        public var count: Int
        /// Submissions handed in by their due date (nil for kinds without one).
        public var onTime: Int?
    }

    public let unitCode: String
    public let year: Int
    public var lines: [Line]

    public static func count(_ records: [WorkRecord], unit: String, year: Int) -> WorkRecordTally {
        let mine = records.filter { $0.unitCode == unit && $0.date.year == year }
        let lines = WorkRecordKind.allCases.map { kind in
            let ofKind = mine.filter { $0.kind == kind }
            return Line(
                kind: kind, metric: kind.metric, label: kind.label, count: ofKind.count,
                onTime: kind.isSubmission ? ofKind.filter { $0.onTime == true }.count : nil)
        }
        return WorkRecordTally(unitCode: unit, year: year, lines: lines)
    }

    public func count(of kind: WorkRecordKind) -> Int { lines.first { $0.kind == kind }?.count ?? 0 }
}
