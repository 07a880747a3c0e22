import DisclosureCore
import DisclosureStore

/// The document form: parsing a posted form into a draft, and the view model that redisplays it.
struct DocumentForm: Sendable {
    /// 主题分类 (the State Council's subject classification used on government portals).
    static let topics = [
        "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源", "农业、林业、水利", "工业、交通", "商贸、海关、旅游",
        "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作",
        "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他",
    ]

    struct Channel: Sendable {
        let name: String
        let field: String
        let checked: Bool
    }

    let values: [String: String]
    let units: [SelectOption]
    let entries: [SelectOption]
    let topics: [SelectOption]
    let attributes: [SelectOption]
    let reasons: [SelectOption]
    let channels: [Channel]
    let isNormative: Bool

    init(values: [String: String], units: [OrgUnit], entries: [CatalogEntry]) {
        self.values = values
        let unit = values["unitCode"] ?? units.first?.code ?? ""
        self.units = units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == unit) }
        self.entries =
            [SelectOption(value: "", label: "（不归入目录条目）", selected: (values["catalogEntryID"] ?? "").isEmpty)]
            + entries.map { entry in
                let id = entry.id.map(String.init) ?? ""
                return SelectOption(
                    value: id, label: "\(entry.unitCode) · \(entry.column) · \(entry.secondaryItem)（\(entry.rule.text)）",
                    selected: values["catalogEntryID"] == id)
            }
        let topic = values["topic"] ?? "综合政务"
        topics = Self.topics.map { SelectOption(value: $0, label: $0, selected: $0 == topic) }
        let attribute = values["attribute"] ?? DisclosureAttribute.proactive.rawValue
        attributes = DisclosureAttribute.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == attribute) }
        reasons =
            [SelectOption(value: "", label: "（不适用）", selected: (values["withholdingReason"] ?? "").isEmpty)]
            + WithholdingReason.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: values["withholdingReason"] == $0.rawValue)
            }
        channels = PublicationChannel.allCases.enumerated().map { index, channel in
            Channel(name: channel.rawValue, field: "channel\(index)", checked: values["channel\(index)"] == "1")
        }
        isNormative = values["isNormative"] == "1"
    }

    /// Form values of a stored document, for the edit form.
    static func values(of document: GovernmentDocument) -> [String: String] {
        let draft = document.draft
        var values = [
            "unitCode": draft.unitCode, "title": draft.title, "docNumber": draft.docNumber, "issuer": draft.issuer, "topic": draft.topic,
            "catalogEntryID": draft.catalogEntryID.map(String.init) ?? "", "category": draft.category, "generatedOn": draft.generatedOn.description,
            "body": draft.body, "attribute": draft.attribute.rawValue, "withholdingReason": draft.withholdingReason?.rawValue ?? "",
            "isNormative": draft.isNormative ? "1" : "", "effectiveFrom": draft.validity.effectiveFrom?.description ?? "",
            "expiresOn": draft.validity.expiresOn?.description ?? "", "repealedOn": draft.validity.repealedOn?.description ?? "",
            "interpretsDocumentID": draft.interpretsDocumentID.map(String.init) ?? "",
        ]
        for (index, channel) in PublicationChannel.allCases.enumerated() where draft.channels.contains(channel) { values["channel\(index)"] = "1" }
        return values
    }

    /// Turns posted fields into a draft; every malformed field is named in the error.
    static func draft(from form: FormData, today: CivilDate) throws -> DocumentDraft {
        func date(_ field: String, _ label: String, required: Bool = false) throws -> CivilDate? {
            let text = form.text(field)
            if text.isEmpty {
                if required { throw DomainError.invalid(field, "请填写\(label)") }
                return nil
            }
            guard let value = CivilDate(iso: text) else { throw DomainError.invalid(field, "\(label)应为 YYYY-MM-DD 格式的日期") }
            return value
        }
        func number(_ field: String, _ label: String) throws -> Int? {
            let text = form.text(field)
            if text.isEmpty { return nil }
            guard let value = Int(text), value > 0 else { throw DomainError.invalid(field, "\(label)应为正整数") }
            return value
        }
        guard let attribute = DisclosureAttribute(rawValue: form.text("attribute")) else {
            throw DomainError.invalid("attribute", "请选择公开属性")
        }
        let reasonText = form.text("withholdingReason")
        let reason = reasonText.isEmpty ? nil : WithholdingReason(rawValue: reasonText)
        if !reasonText.isEmpty && reason == nil { throw DomainError.invalid("withholdingReason", "不予公开理由无效") }
        let channels = PublicationChannel.allCases.enumerated().filter { form["channel\($0.offset)"] == "1" }.map(\.element)
        return DocumentDraft(
            unitCode: form.text("unitCode"), title: form.text("title"), docNumber: form.text("docNumber"), issuer: form.text("issuer"),
            topic: form.text("topic").isEmpty ? "综合政务" : form.text("topic"), catalogEntryID: try number("catalogEntryID", "目录条目"),
            category: form.text("category"), generatedOn: try date("generatedOn", "生成日期", required: true)!, body: form["body"] ?? "",
            attribute: attribute, withholdingReason: reason, channels: channels, isNormative: form["isNormative"] == "1",
            validity: DocumentValidity(
                effectiveFrom: try date("effectiveFrom", "生效日期"), expiresOn: try date("expiresOn", "失效日期"), repealedOn: try date("repealedOn", "废止日期")
            ),
            interpretsDocumentID: try number("interpretsDocumentID", "所解读文件编号"))
    }
}
