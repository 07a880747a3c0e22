/// 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号; statutes §3): charged only
/// beyond a reasonable quantity or frequency, 按件 or 按量, always excess-progressive, and never both
/// for one request (第三条).
public enum FeeMethod: String, CaseIterable, Sendable, Codable {
    /// 第四条: per request, counted per applicant per calendar month.
    case perRequest = "按件"
    /// 第五条: per request, by pages (A4).
    case byVolume = "按量"
}

/// A computed fee with the lines that make it up, in 元.
public struct FeeBreakdown: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        /// e.g. 第 11–30 件 or 第 31–100 页.
        public let range: String
        public let units: Int
        public let rate: Int
        public var amount: Int { units * rate }
    }

    public let method: FeeMethod
    public let lines: [Line]
    public var total: Int { lines.reduce(0) { $0 + $1.amount } }

    /// One line per tier, e.g. "第 31–100 页 70 页 × 10 元 = 700 元".
    public var explanation: [String] {
        lines.map { "\($0.range)：\($0.units) \(method == .byVolume ? "页" : "件") × \($0.rate) 元 = \($0.amount) 元" }
    }
}

public enum InformationFee {
    /// 第四条第二款: the price of the n-th request of an applicant in a calendar month: the first 10
    /// free, 11–30 at 100 元, then each further band of 10 costs 100 元 more (31–40 at 200, 41–50 at 300 …).
    public static func perRequestRate(ordinal: Int) -> Int {
        switch ordinal {
        case ...10: 0
        case 11...30: 100
        default: 200 + (ordinal - 31) / 10 * 100
        }
    }

    /// The fee for one request that is the `ordinal`-th of its applicant in the month.
    public static func perRequest(ordinal: Int) -> FeeBreakdown {
        FeeBreakdown(method: .perRequest, lines: [.init(range: "本月第 \(ordinal) 件", units: 1, rate: perRequestRate(ordinal: ordinal))])
    }

    /// The month's total for `count` requests, tier by tier (35 requests → 20 × 100 + 5 × 200 = 3,000 元).
    public static func perRequestMonth(count: Int) -> FeeBreakdown {
        var lines: [FeeBreakdown.Line] = []
        var start = 1
        while start <= count {
            let rate = perRequestRate(ordinal: start)
            let end = start <= 10 ? min(10, count) : start <= 30 ? min(30, count) : min(start + 9, count)
            lines.append(.init(range: "第 \(start)–\(end) 件", units: end - start + 1, rate: rate))
            start = end + 1
        }
        return FeeBreakdown(method: .perRequest, lines: lines)
    }

    /// 第五条: pages of one request — 1–30 free, 31–100 at 10 元, 101–200 at 20 元, 201 and above at 40 元
    /// (250 pages → 70 × 10 + 100 × 20 + 50 × 40 = 4,700 元).
    public static func byVolume(pages: Int) -> FeeBreakdown {
        let tiers: [(low: Int, high: Int, rate: Int)] = [(1, 30, 0), (31, 100, 10), (101, 200, 20), (201, Int.max, 40)]
        var lines: [FeeBreakdown.Line] = []
        for tier in tiers where pages >= tier.low {
            let end = min(pages, tier.high)
            let range = tier.high == Int.max || end < tier.high ? "第 \(tier.low)–\(end) 页" : "第 \(tier.low)–\(tier.high) 页"
            lines.append(.init(range: range, units: end - tier.low + 1, rate: tier.rate))
        }
        return FeeBreakdown(method: .byVolume, lines: lines)
    }
}
