import Foundation

/// One power's figures for a year: how many decisions it made and the 行政事业性收费 it collected
/// (in 分, so sums are exact). Entered or imported per power (issue 6 §6).
public struct PowerYearCount: Equatable, Sendable {
    public let powerID: Int
    public let year: Int
    public var decisions: Int
    public var feeFen: Int

    public init(powerID: Int, year: Int, decisions: Int, feeFen: Int) {
        self.powerID = powerID
        self.year = year
        self.decisions = decisions
        self.feeFen = feeFen
    }

    public static func validated(decisions: Int, feeFen: Int) throws {
        guard (0...10_000_000).contains(decisions) else { throw DomainError.invalid("decisions", "处理决定数量应为 0–10000000") }
        guard (0...1_000_000_000_000).contains(feeFen) else { throw DomainError.invalid("feeAmount", "收费金额超出范围") }
    }

    /// Reads an amount in 元 with at most two decimals ("1234.5", "1,234.50") as 分.
    public static func fen(fromYuan text: String, field: String) throws -> Int {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        if cleaned.isEmpty { return 0 }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), let whole = Int(parts[0]), whole >= 0,
            whole <= 10_000_000_000
        else { throw DomainError.invalid(field, "收费金额「\(cleaned.prefix(20))」应为不小于 0 的元金额，最多两位小数") }
        var cents = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw DomainError.invalid(field, "收费金额「\(cleaned.prefix(20))」最多两位小数")
            }
            cents = Int(decimals)! * (decimals.count == 1 ? 10 : 1)
        }
        return whole * 100 + cents
    }

    /// 分 written as 元 with two decimals.
    public static func yuanText(_ fen: Int) -> String {
        "\(fen / 100).\(String(format: "%02d", fen % 100))"
    }
}

/// The figures annual-report table 二 takes from the power list for a unit and year (statutes §2.3:
/// 行政许可 / 行政处罚 / 行政强制 本年处理决定数量, 行政事业性收费 本年收费金额（单位：万元）).
public struct PowerReportFigures: Equatable, Sendable {
    public let unitCodes: [String]
    public let year: Int
    public let licenseDecisions: Int
    public let penaltyDecisions: Int
    public let enforcementDecisions: Int
    public let feeFen: Int

    public init(unitCodes: [String], year: Int, licenseDecisions: Int, penaltyDecisions: Int, enforcementDecisions: Int, feeFen: Int) {
        self.unitCodes = unitCodes
        self.year = year
        self.licenseDecisions = licenseDecisions
        self.penaltyDecisions = penaltyDecisions
        self.enforcementDecisions = enforcementDecisions
        self.feeFen = feeFen
    }

    /// Sums the counts of the given powers (cancelled ones too: a power cleared in the year still
    /// decided cases before it was cleared).
    public static func tally(powers: [AdministrativePower], counts: [PowerYearCount], unitCodes: [String], year: Int) -> PowerReportFigures {
        let categories = Dictionary(uniqueKeysWithValues: powers.map { ($0.id, $0.draft.category) })
        var license = 0
        var penalty = 0
        var enforcement = 0
        var fee = 0
        for count in counts where count.year == year {
            guard let category = categories[count.powerID] else { continue }
            switch category {
            case .license: license += count.decisions
            case .penalty: penalty += count.decisions
            case .enforcement: enforcement += count.decisions
            default: break
            }
            fee += count.feeFen
        }
        return PowerReportFigures(
            unitCodes: unitCodes, year: year, licenseDecisions: license, penaltyDecisions: penalty, enforcementDecisions: enforcement, feeFen: fee)
    }

    /// The fee in 万元 with four decimals (to the 元, rounded half up), as the report cell shows it.
    public var feeTenThousandYuan: String {
        let yuan = (feeFen + 50) / 100
        return "\(yuan / 10_000).\(String(format: "%04d", yuan % 10_000))"
    }
}
