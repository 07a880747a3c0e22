import Foundation

/// The 通报 of a campaign's results (seeds/002 四(三)(四); seeds/000's summary lists each unit's
/// deductions): the grades, the typical problems found, the 1-month 整改 and the consequences.
/// Generated from the ranking so it cannot disagree with the published table.
public struct AssessmentCircular: Equatable, Sendable {
    public let title: String
    public let paragraphs: [String]

    public struct Problem: Equatable, Sendable {
        public let indicator: String
        public let units: [String]
    }

    /// - `names`: unit code → name; `noticeOn`: the date of the 通报; `rectificationDue`: 1 month later.
    public static func make(
        year: Int, issuer: String, entries: [AssessmentRanking.Entry], scheme: AssessmentScheme, names: [String: String], noticeOn: CivilDate,
        rectificationDue: CivilDate, spotChecked: Int, unsubmitted: [String] = []
    ) -> AssessmentCircular {
        func name(_ code: String) -> String { names[code] ?? code }
        var paragraphs: [String] = []
        paragraphs.append(
            "根据《中华人民共和国政府信息公开条例》和本年度政务公开工作考核方案，\(issuer)对全县 \(entries.count) 个单位\(year)年度政务公开工作进行了考核。考核采取自评考核与抽评考核相结合的方式，实行量化百分制，考核指标采用《\(scheme.name)》，共抽评 \(spotChecked) 个单位。现将考核结果通报如下。"
        )
        let order = scheme.grades.sorted { $0.min > $1.min }.map(\.name)
        var heading = 0
        for grade in order {
            let units = entries.filter { $0.grade == grade }.map { "\(name($0.unitCode))（\($0.score.total) 分）" }
            guard !units.isEmpty else { continue }
            heading += 1
            paragraphs.append("\(Chinese.ordinal(heading))、\(grade)等次（\(units.count) 个）：\(units.joined(separator: "、"))。")
        }
        if !unsubmitted.isEmpty {
            paragraphs.append(
                "\(unsubmitted.map(name).joined(separator: "、"))未按要求提交自查自评报告，也未被抽评，需由单位填报的指标均按未达到要求计分，平台自动统计的指标照常计分。")
        }
        let problems = typicalProblems(entries, names: names)
        if !problems.isEmpty {
            let lines = problems.prefix(8).map { "\($0.indicator)（\($0.units.count) 个单位：\($0.units.joined(separator: "、"))）" }
            paragraphs.append("考核中发现的主要问题：" + lines.joined(separator: "；") + "。")
        }
        paragraphs.append(
            "被评为“\(scheme.topGrade)”等次的单位由县政府予以通报表扬。被评为“\(scheme.lowestGrade)”等次的单位和存在上述问题的单位，要在接到本通报之日起 1 个月内（\(rectificationDue.chineseText)前）完成整改，并将整改情况报\(issuer)。"
        )
        let twice = entries.filter(\.failedTwoYearsRunning).map { name($0.unitCode) }
        if !twice.isEmpty {
            paragraphs.append("\(twice.joined(separator: "、"))连续两年考核为“\(scheme.lowestGrade)”等次，取消本年度评先评优资格，由县政府分管负责同志对其主要负责人进行约谈。")
        }
        paragraphs.append("\(issuer)\n\(noticeOn.chineseText)")
        return AssessmentCircular(title: "关于\(year)年度政务公开工作考核结果的通报", paragraphs: paragraphs)
    }

    /// Leaf indicators that lost points, with the units, most widespread first.
    public static func typicalProblems(_ entries: [AssessmentRanking.Entry], names: [String: String]) -> [Problem] {
        var byIndicator: [(id: String, name: String, units: [String])] = []
        for entry in entries {
            for line in entry.score.lines where line.isLeaf && line.lost > 0 {
                if let index = byIndicator.firstIndex(where: { $0.id == line.id }) {
                    byIndicator[index].units.append(names[entry.unitCode] ?? entry.unitCode)
                } else {
                    byIndicator.append((line.id, line.name, [names[entry.unitCode] ?? entry.unitCode]))
                }
            }
            if !entry.score.vetoes.isEmpty {
                byIndicator.append(("veto:\(entry.unitCode)", "一票否决", [names[entry.unitCode] ?? entry.unitCode]))
            }
        }
        return byIndicator.enumerated().sorted { ($0.element.units.count, -$0.offset) > ($1.element.units.count, -$1.offset) }
            .map { Problem(indicator: $0.element.name, units: $0.element.units) }
    }
}

/// 一、二、三… for headings.
enum Chinese {
    static func ordinal(_ number: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return number <= 10 ? digits[number] : "\(number)"
    }
}
