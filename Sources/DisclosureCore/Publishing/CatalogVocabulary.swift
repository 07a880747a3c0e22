import Foundation

/// The closed vocabularies of a 标准目录 entry (statutes §4.1).

/// 公开渠道和载体: the national list (statutes §4.1, ✅ S8). A catalog marks each channel it uses as
/// mandatory 「■」 or optional 「□」.
public enum PublicationChannel: String, CaseIterable, Sendable, Codable {
    case website = "政府网站"
    case gazette = "政府公报"
    case newMedia = "两微一端"
    case pressConference = "发布会/听证会"
    case broadcast = "广播电视"
    case print = "纸质媒体"
    case readingPoint = "公开查阅点"
    case serviceCenter = "政务服务中心"
    case serviceStation = "便民服务站"
    case onSite = "入户/现场"
    case noticeBoard = "社区/企事业单位/村公示栏（电子屏）"
    case targetedPush = "精准推送"
    case other = "其他"
}

/// One channel of an entry and whether the catalog makes it mandatory.
public struct ChannelChoice: Equatable, Sendable, Codable {
    public let channel: PublicationChannel
    public let mandatory: Bool

    public init(_ channel: PublicationChannel, mandatory: Bool) {
        self.channel = channel
        self.mandatory = mandatory
    }

    /// The catalog's own notation: 「■政府网站」 or 「□政府公报」.
    public var notation: String { (mandatory ? "■" : "□") + channel.rawValue }

    /// Parses 「■政府网站 □政府公报」 (also `;`, `、`, `,` separated; a bare name counts as mandatory).
    public static func parseList(_ text: String) throws -> [ChannelChoice] {
        let separators: Set<Character> = [" ", ";", "；", "、", ",", "，", "\n"]
        var choices: [ChannelChoice] = []
        var current = ""
        func flush() throws {
            let token = current.trimmingCharacters(in: .whitespaces)
            current = ""
            guard !token.isEmpty else { return }
            var mandatory = true
            var name = Substring(token)
            if let first = name.first, first == "■" || first == "□" {
                mandatory = first == "■"
                name = name.dropFirst()
            }
            guard let channel = PublicationChannel(rawValue: String(name)) else {
                throw DomainError.invalid("channels", "公开渠道「\(name)」不在国家规定的渠道列表中")
            }
            if !choices.contains(where: { $0.channel == channel }) {
                choices.append(ChannelChoice(channel, mandatory: mandatory))
            }
        }
        for character in text {
            if separators.contains(character) { try flush() } else { current.append(character) }
        }
        try flush()
        return choices
    }
}

/// 公开对象 (statutes §4.1; township catalogs often write 「特定群众」, accepted as the same).
public enum Audience: String, CaseIterable, Sendable, Codable {
    case everyone = "全社会"
    case specificGroup = "特定群体"

    public init?(text: String) {
        if text == "特定群众" { self = .specificGroup } else if let value = Audience(rawValue: text) { self = value } else { return nil }
    }
}

/// 公开方式 (statutes §4.1).
public enum DisclosureMode: String, CaseIterable, Sendable, Codable {
    case proactive = "主动"
    case onRequest = "依申请"

    public init?(text: String) {
        switch text {
        case "主动", "主动公开": self = .proactive
        case "依申请", "依申请公开": self = .onRequest
        default: return nil
        }
    }
}

/// 公开层级 (statutes §4.1; variants 乡(镇)级 and 镇、村级 read as township).
public enum AdministrativeLevel: String, CaseIterable, Sendable, Codable {
    case county = "县级"
    case township = "乡级"

    public init?(text: String) {
        switch text {
        case "县级", "区级", "县（区）级": self = .county
        case "乡级", "镇级", "乡(镇)级", "乡（镇）级", "镇、村级", "乡镇级": self = .township
        default: return nil
        }
    }
}

/// The kind of a portal column (栏目), which decides its freshness rule (statutes §5.2: 动态/要闻
/// stale after 2 weeks, 通知公告/政策文件 after 6 months).
public enum ColumnKind: String, CaseIterable, Sendable, Codable {
    case news = "动态/要闻"
    case notices = "通知公告"
    case policies = "政策文件"
    case other = "其他"
}
