import Foundation

/// The written sections of a report (issue 8 §3): 一 总体情况 under its five sub-headings
/// (statutes §2.1: 主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障), 五 and 六.
public struct ReportNarrative: Equatable, Sendable, Codable {
    public enum Part: String, CaseIterable, Sendable, Codable {
        case active
        case requests
        case management
        case platform
        case supervision
        case problems
        case other

        public var heading: String {
            switch self {
            case .active: "（一）主动公开"
            case .requests: "（二）依申请公开"
            case .management: "（三）政府信息管理"
            case .platform: "（四）平台建设"
            case .supervision: "（五）监督保障"
            case .problems: ReportSection.problems.rawValue
            case .other: ReportSection.other.rawValue
            }
        }

        public var isOverview: Bool { self != .problems && self != .other }
    }

    /// Characters per part; a whole report of the official kind runs to a few thousand.
    public static let limit = 5000

    public var texts: [Part: String]

    public init(texts: [Part: String] = [:]) { self.texts = texts }

    public subscript(part: Part) -> String {
        get { texts[part] ?? "" }
        set { texts[part] = newValue }
    }

    /// As the API and storage carry it: one key per part.
    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: Part.allCases.map { ($0.rawValue, self[$0]) })
    }

    public init(dictionary: [String: String]) {
        var texts: [Part: String] = [:]
        for (key, text) in dictionary { if let part = Part(rawValue: key) { texts[part] = text } }
        self.texts = texts
    }

    public init(from decoder: any Decoder) throws {
        self.init(dictionary: try decoder.singleValueContainer().decode([String: String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dictionary)
    }

    public var isBlank: Bool { Part.allCases.allSatisfy { self[$0].isEmpty } }

    /// Cleans each part and refuses one over the limit, naming it.
    public func validated() throws -> ReportNarrative {
        var copy = self
        for part in Part.allCases {
            let text = PlainText.sanitize(self[part]).trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count <= Self.limit else {
                throw DomainError.invalid("narrative.\(part.rawValue)", "「\(part.heading)」不能超过 \(Self.limit) 字（现 \(text.count) 字）")
            }
            copy[part] = text
        }
        return copy
    }

    /// A first draft from the year's figures, for staff to complete: every number in it comes
    /// from the tables, so the prose cannot contradict them.
    public static func prefilled(unitName: String, year: Int, tables: AnnualReportTables, publishedDocuments: Int) -> ReportNarrative {
        let requests = tables.requests
        let active = tables.active
        let normative = active.value("normative.0") ?? 0
        var narrative = ReportNarrative()
        narrative[.active] =
            "\(year)年，\(unitName)在政府网站主动公开政府信息\(publishedDocuments)条，其中制发行政规范性文件\(normative)件"
            + "，现行有效行政规范性文件\(active.value("normative.2") ?? 0)件。"
        let results = requests.value("r3.7")
        narrative[.requests] =
            "\(year)年，本机关新收政府信息公开申请\(requests.value("r1"))件，上年结转\(requests.value("r2"))件，"
            + "本年度办结\(results)件，其中予以公开\(requests.value("r3.1"))件、部分公开\(requests.value("r3.2"))件，"
            + "结转下年度继续办理\(requests.value("r4"))件。因政府信息公开被申请行政复议\(tables.appeals.groups[0].values[4])件，"
            + "被提起行政诉讼\(tables.appeals.groups[1].values[4] + tables.appeals.groups[2].values[4])件。"
        narrative[.other] = tables.fees.sentence
        return narrative
    }
}
