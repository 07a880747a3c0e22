/// The dated facts of one request that its clock is computed from (条例 第三十条 to 第三十五条,
/// 第四十二条). Built from the request's event records; the due date is never stored, so a
/// calendar change re-times every open case.
public struct RequestTimeline: Equatable, Sendable {
    public var receivedOn: CivilDate
    public var correction: CorrectionNotice?
    public var consultations: [Consultation]
    public var extensionGranted: Extension?
    public var feeNotice: FeeNotice?
    public var customDeadline: CustomDeadline?
    public var answeredOn: CivilDate?

    public init(
        receivedOn: CivilDate, correction: CorrectionNotice? = nil, consultations: [Consultation] = [], extensionGranted: Extension? = nil,
        feeNotice: FeeNotice? = nil, customDeadline: CustomDeadline? = nil, answeredOn: CivilDate? = nil
    ) {
        self.receivedOn = receivedOn
        self.correction = correction
        self.consultations = consultations
        self.extensionGranted = extensionGranted
        self.feeNotice = feeNotice
        self.customDeadline = customDeadline
        self.answeredOn = answeredOn
    }

    /// 补正告知 (第三十条): sent once; the answer period restarts from the day the correction arrives.
    public struct CorrectionNotice: Equatable, Sendable {
        public var sentOn: CivilDate
        /// The 补正期限 stated in the notice.
        public var deadline: CivilDate
        public var correctedOn: CivilDate?
        public init(sentOn: CivilDate, deadline: CivilDate, correctedOn: CivilDate? = nil) {
            self.sentOn = sentOn
            self.deadline = deadline
            self.correctedOn = correctedOn
        }
    }

    /// 征求意见: a third party (第三十二条) or another agency (第三十四条), 15 working days each.
    public struct Consultation: Equatable, Sendable {
        public enum Kind: String, CaseIterable, Sendable, Codable {
            case thirdParty = "第三方"
            case otherAgency = "其他机关"

            public var article: String { self == .thirdParty ? "第三十二条" : "第三十四条" }
        }
        public var kind: Kind
        public var party: String
        public var sentOn: CivilDate
        public var answeredOn: CivilDate?
        /// When the consulted party received the letter (its recorded delivery); the 15 working
        /// days run from the day after (第三十二条 「自收到征求意见书之日起」).
        public var deliveredOn: CivilDate?
        public init(kind: Kind, party: String, sentOn: CivilDate, answeredOn: CivilDate? = nil, deliveredOn: CivilDate? = nil) {
            self.kind = kind
            self.party = party
            self.sentOn = sentOn
            self.answeredOn = answeredOn
            self.deliveredOn = deliveredOn
        }

        /// The day the window is counted from: delivery when recorded, else (provisionally) sending.
        public var windowAnchor: CivilDate { deliveredOn ?? sentOn }
    }

    /// 延期答复 (第三十三条): at most once, at most 20 working days, approved by the office head.
    public struct Extension: Equatable, Sendable {
        public var workingDays: Int
        public var approvedOn: CivilDate
        public var approver: String
        public init(workingDays: Int, approvedOn: CivilDate, approver: String) {
            self.workingDays = workingDays
            self.approvedOn = approvedOn
            self.approver = approver
        }
    }

    /// 收费通知 (收费办法 第六、七条): the clock is suspended until payment.
    public struct FeeNotice: Equatable, Sendable {
        public var issuedOn: CivilDate
        public var paidOn: CivilDate?
        /// When the applicant received the notice (its recorded delivery): the 20 working days to
        /// pay run from the day after (109号: 「收到收费通知的次日起」).
        public var deliveredOn: CivilDate?
        public init(issuedOn: CivilDate, paidOn: CivilDate? = nil, deliveredOn: CivilDate? = nil) {
            self.issuedOn = issuedOn
            self.paidOn = paidOn
            self.deliveredOn = deliveredOn
        }
    }

    /// 第三十五条: a reasonable later deadline set for an unusually large request, with its reason.
    public struct CustomDeadline: Equatable, Sendable {
        public var date: CivilDate
        public var reason: String
        /// The day the deadline was set; one set after the statutory due date moves nothing.
        public var setOn: CivilDate?
        public init(date: CivilDate, reason: String, setOn: CivilDate? = nil) {
            self.date = date
            self.reason = reason
            self.setOn = setOn
        }
    }
}

/// Whose applications 109号 第四条's 「同一申请人一个自然月内累计申请」 adds up for the 按件 tariff.
///
/// Read per agency by default (issue 18): the 办法 speaks of the agency that handles and charges,
/// each agency issues its own 收费通知, and an applicant who writes to the education bureau and to
/// the finance bureau has not burdened either beyond its own count. A county that reads the
/// month as county-wide (one government, one count) sets `DISCLOSURE_FEE_COUNT_SCOPE=county`.
public enum FeeCountScope: String, Sendable, CaseIterable {
    /// The applicant's requests to the same unit in the month.
    case perAgency = "agency"
    /// The applicant's requests to every unit of the county in the month.
    case countyWide = "county"
}

/// The numbers of the clock; the statutory ones are fixed, the office sets the rest.
public struct ClockPolicy: Equatable, Sendable {
    /// 第三十三条: 20 working days to answer.
    public var answerDays = 20
    /// 第三十条: the 补正 notice within 7 working days of receipt.
    public var correctionNoticeDays = 7
    /// 第三十条 leaves the 补正期限 to the agency ("合理的补正期限"); the office sets it.
    public var correctionWindowDays = 15
    /// 第三十二条, 第三十四条: 15 working days for an opinion.
    public var consultationDays = 15
    /// 收费办法 第七条 (statutes §3, unverified day count): 20 working days to pay.
    public var feePaymentDays = 20
    /// 第三十三条: an extension of at most 20 working days.
    public var maximumExtension = 20
    /// The unit's own earlier target, shown beside the statutory due date.
    public var internalTargetDays = 15
    /// Whose requests the 按件 monthly count adds up (statutes §3, 109号 第四条).
    public var feeCountScope: FeeCountScope = .perAgency

    public init() {}

    public static let statutory = ClockPolicy()
}
