/// The data rows of table 三 「收到和处理政府信息公开申请情况」 (statutes §2.4): 25 in the 2021
/// format, 23 in the 2019 format (whose 「（六）其他处理」 has no sub-rows).
public struct RequestTableRow: Equatable, Sendable {
    public let key: String
    /// The official label, character for character.
    public let label: String
    /// The outcomes counted in this row; empty for r1, r2, r3.7 and r4.
    public let outcomes: [RequestOutcome]

    /// 「（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）」
    public static let cornerNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    public static let columns = ApplicantKind.allCases.map(\.rawValue) + ["总计"]

    public static let received = RequestTableRow(key: "r1", label: "一、本年新收政府信息公开申请数量", outcomes: [])
    public static let carriedIn = RequestTableRow(key: "r2", label: "二、上年结转政府信息公开申请数量", outcomes: [])
    public static let resultsTotal = RequestTableRow(key: "r3.7", label: "（七）总计", outcomes: [])
    public static let carriedOut = RequestTableRow(key: "r4", label: "四、结转下年度继续办理", outcomes: [])
    public static let resultsHeading = "三、本年度办理结果"

    public static func rows(_ format: ReportFormat) -> [RequestTableRow] {
        var rows = [received, carriedIn]
        for outcome in RequestOutcome.allCases {
            if format == .trial2019, outcome.group == "（六）其他处理" {
                if outcome == .correctionNotMade {
                    rows.append(RequestTableRow(key: "r3.6", label: "（六）其他处理", outcomes: [.correctionNotMade, .feeNotPaid, .otherHandling]))
                }
                continue
            }
            rows.append(RequestTableRow(key: outcome.rawValue, label: outcome.label, outcomes: [outcome]))
        }
        rows += [resultsTotal, carriedOut]
        return rows
    }

    /// The outcome rows: those summed into r3.7 (consistency rule C3).
    public var isResult: Bool { !outcomes.isEmpty }
}
