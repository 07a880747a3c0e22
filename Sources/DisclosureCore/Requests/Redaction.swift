/// 部分公开 (条例 第三十七条): the parts of a released file that are withheld, each with its ground
/// — the same vocabulary as the outcome rows 三(三)1–8 — and the reasons paragraph of the answer
/// letter written from them (issue 23 §2).
public enum RedactionGround: String, CaseIterable, Sendable, Codable {
    case stateSecret = "国家秘密"
    case prohibitedByLaw = "法律法规禁止公开"
    case securityStability = "三安全一稳定"
    case commercialSecret = "商业秘密"
    case personalPrivacy = "个人隐私"
    case internalAffairs = "内部事务信息"
    case process = "过程性信息"
    case enforcementFile = "行政执法案卷"

    /// The short label burnt onto the box.
    public var label: String { rawValue }

    /// The article the letter cites for this ground.
    public var article: String {
        switch self {
        case .stateSecret, .prohibitedByLaw, .securityStability: "第十四条"
        case .commercialSecret, .personalPrivacy: "第十五条"
        case .internalAffairs, .process, .enforcementFile: "第十六条"
        }
    }

    /// How the letter says it: 「属于个人隐私，公开会对第三方合法权益造成损害」.
    public var reason: String {
        switch self {
        case .stateSecret: "属于国家秘密"
        case .prohibitedByLaw: "属于法律、行政法规禁止公开的信息"
        case .securityStability: "公开后可能危及国家安全、公共安全、经济安全、社会稳定"
        case .commercialSecret: "属于商业秘密，公开会对第三方合法权益造成损害"
        case .personalPrivacy: "属于个人隐私，公开会对第三方合法权益造成损害"
        case .internalAffairs: "属于行政机关的内部事务信息"
        case .process: "属于行政机关履行行政管理职能过程中形成的过程性信息"
        case .enforcementFile: "属于行政执法案卷信息"
        }
    }

    /// The ground a personal-data hit suggests: a company's code or account is a 商业秘密, a
    /// person's number a 个人隐私.
    public static func suggested(for kind: PersonalDataScan.Kind) -> RedactionGround {
        kind == .creditCode ? .commercialSecret : .personalPrivacy
    }
}

/// One withheld region of one page, in PDF points from the page's lower-left corner.
public struct RedactionRegion: Equatable, Sendable, Codable {
    public let page: Int
    public let x: Double
    public let y: Double
    public let width: Double
    public let height: Double
    public let ground: RedactionGround
    /// What is under it, as the clerk or the scan named it (手机号码, 账号 …), never the value.
    public let what: String

    public init(page: Int, x: Double, y: Double, width: Double, height: Double, ground: RedactionGround, what: String) {
        self.page = page
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.ground = ground
        self.what = what
    }

    /// Refuses a region off its page or off the document, or one too small to see.
    public func validated(pageSizes: [(width: Double, height: Double)], field: String) throws -> RedactionRegion {
        guard (1...pageSizes.count).contains(page) else {
            throw DomainError.invalid(field, "页码须在 1 到 \(pageSizes.count) 之间")
        }
        let size = pageSizes[page - 1]
        guard [x, y, width, height].allSatisfy(\.isFinite), x >= 0, y >= 0, width >= 2, height >= 2, x + width <= size.width + 0.5,
            y + height <= size.height + 0.5
        else {
            throw DomainError.invalid(field, "遮盖区域须在第 \(page) 页之内（宽 \(Int(size.width)) 点、高 \(Int(size.height)) 点）")
        }
        let what = PlainText.singleLine(what)
        guard what.count <= 40 else { throw DomainError.invalid(field, "遮盖内容说明不能超过 40 字") }
        return RedactionRegion(page: page, x: x, y: y, width: width, height: height, ground: ground, what: what)
    }
}

/// One withheld piece of text in a Word file (DOCX is redacted by span, not by region): every
/// occurrence of `text` is replaced by 「［已遮盖：ground］」.
public struct RedactionSpan: Equatable, Sendable {
    public let text: String
    public let ground: RedactionGround
    public let what: String

    public init(text: String, ground: RedactionGround, what: String) {
        self.text = text
        self.ground = ground
        self.what = what
    }

    /// What stands in the text instead.
    public var replacement: String { "［已遮盖：\(ground.label)］" }

    public func validated(field: String) throws -> RedactionSpan {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw DomainError.invalid(field, "请填写要遮盖的文字") }
        guard text.count <= 200 else { throw DomainError.invalid(field, "要遮盖的文字不能超过 200 字") }
        let what = PlainText.singleLine(what)
        guard what.count <= 40 else { throw DomainError.invalid(field, "遮盖内容说明不能超过 40 字") }
        return RedactionSpan(text: text, ground: ground, what: what)
    }
}

/// The 「理由」 paragraph of a 部分公开 letter, written from the redaction log: per file, which
/// pages and how many parts, what they are, on which ground and article.
public enum RedactionReasons {
    public struct FileLog: Equatable, Sendable {
        public let fileName: String
        public let regions: [RedactionRegion]

        public init(fileName: String, regions: [RedactionRegion]) {
            self.fileName = fileName
            self.regions = regions
        }
    }

    public static func paragraph(_ files: [FileLog]) -> String {
        var lines: [String] = []
        for file in files where !file.regions.isEmpty {
            for ground in RedactionGround.allCases {
                let regions = file.regions.filter { $0.ground == ground }
                guard !regions.isEmpty else { continue }
                // A Word file is redacted by span: page 0, no page to name.
                let pages = Array(Set(regions.map(\.page).filter { $0 > 0 })).sorted().map { "第 \($0) 页" }.joined(separator: "、")
                var whats: [String] = []
                for region in regions where !region.what.isEmpty && !whats.contains(region.what) { whats.append(region.what) }
                let what = whats.isEmpty ? "" : "（\(whats.joined(separator: "、"))）"
                lines.append(
                    "「\(file.fileName)」\(pages)共 \(regions.count) 处\(what)\(ground.reason)，依据《中华人民共和国政府信息公开条例》\(ground.article)不予公开，已作遮盖处理")
            }
        }
        return lines.enumerated().map { "\($0.offset + 1). \($0.element)。" }.joined(separator: "\n")
    }
}
