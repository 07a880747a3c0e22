/// Repeat applications (issue 24 §4): the same applicant — by 证件号码, compared as a hash —
/// asking the same agency for similar information within the period the office sets. The flag
/// only informs: the clerk decides, deliberately and on the record, whether 第三十六条第（六）项
/// (不予重复处理) or 第三十五条 (数量、频次明显超过合理范围) applies.
public enum RepeatApplications {
    /// What the clerk decided about a flagged application.
    public enum Decision: String, CaseIterable, Sendable, Codable {
        /// 第三十六条第（六）项: the same information, already answered.
        case repeated
        /// 第三十五条: the number or frequency clearly beyond a reasonable range.
        case unreasonable
        /// Different information, or the earlier case was never answered: handled as usual.
        case notRepeat = "not-repeat"

        public var label: String {
            switch self {
            case .repeated: "属于重复申请，拟不予重复处理（条例第三十六条第（六）项）"
            case .unreasonable: "申请数量、频次明显超过合理范围，拟要求说明理由（条例第三十五条）"
            case .notRepeat: "不属于重复申请，正常办理"
            }
        }

        /// The outcome the reply will most likely take, for the clerk's draft.
        public var likelyOutcome: RequestOutcome? {
            switch self {
            case .repeated: .repeated
            case .unreasonable: .unreasonableVolume
            case .notRepeat: nil
            }
        }
    }

    /// The office's period, in months (1–36; default 12).
    public static let defaultMonths = 12

    public static func validatedMonths(_ months: Int) throws -> Int {
        guard (1...36).contains(months) else { throw DomainError.invalid("repeatMonths", "重复申请的比对期间须在 1 至 36 个月之间") }
        return months
    }

    /// The text hashed to compare applicants: the kind of document and its number, upper-cased,
    /// without spaces, so 「11010519491231002x」 and 「11010519491231002X」 are one person.
    public static func keyMaterial(idType: IdentityDocumentType, idNumber: String) -> String {
        "\(idType.rawValue)|\(idNumber.uppercased().filter { !$0.isWhitespace && $0 != "-" })"
    }

    /// The same applicant's earlier applications to the same agency within `months` that ask for
    /// similar information (or name the same 文号), most similar first.
    public static func matches(for request: SimilarRequests.Candidate, amongSameApplicant earlier: [SimilarRequests.Candidate], months: Int)
        -> [SimilarRequests.Match]
    {
        SimilarRequests.matches(
            for: request, among: earlier.filter { $0.receivedOn <= request.receivedOn }, policy: SimilarRequests.Policy(count: 2, months: months))
    }

    /// 「近 12 个月向本机关申请 9 件，本月 3 件」: what the art. 35 review weighs.
    public static func countText(months: Int, inPeriod: Int, thisMonth: Int) -> String {
        "该申请人近 \(months) 个月向本机关提出申请 \(inPeriod) 件（含本件），本月 \(thisMonth) 件。"
    }
}
