import DisclosureCore
import DisclosureStore
import Foundation

/// JSON shapes of documents in the API (documented in `openapi.json`).
struct DocumentBody: Encodable, Sendable {
    let id: Int
    let indexNumber: String
    let unitCode: String
    let title: String
    let docNumber: String
    let issuer: String
    let topic: String
    let category: String
    let catalogEntryID: Int?
    let generatedOn: String
    let publishedOn: String?
    let attribute: String
    let withholdingReason: String?
    let channels: [String]
    let isNormative: Bool
    let validity: String?
    let effectiveFrom: String?
    let expiresOn: String?
    let repealedOn: String?
    let interpretsDocumentID: Int?
    let state: String
    let stateLabel: String
    let version: Int
    let correctionNotice: String?
    let body: String
    let url: String

    init(_ document: GovernmentDocument, today: CivilDate) {
        let draft = document.draft
        id = document.id
        indexNumber = document.indexNumber
        unitCode = draft.unitCode
        title = draft.title
        docNumber = draft.docNumber
        issuer = draft.issuer
        topic = draft.topic
        category = draft.category
        catalogEntryID = draft.catalogEntryID
        generatedOn = draft.generatedOn.description
        publishedOn = document.publishedOn?.description
        attribute = draft.attribute.rawValue
        withholdingReason = draft.withholdingReason?.rawValue
        channels = draft.channels.map(\.rawValue)
        isNormative = draft.isNormative
        validity = document.validityStatus(on: today)?.rawValue
        effectiveFrom = draft.validity.effectiveFrom?.description
        expiresOn = draft.validity.expiresOn?.description
        repealedOn = draft.validity.repealedOn?.description
        interpretsDocumentID = draft.interpretsDocumentID
        state = document.state.rawValue
        stateLabel = document.state.label
        version = document.version
        correctionNotice = document.correctionNotice
        body = draft.body
        url = "/documents/\(document.id)"
    }
}

/// A list row.
struct DocumentSummaryBody: Encodable, Sendable {
    let id: Int
    let indexNumber: String
    let unitCode: String
    let title: String
    let docNumber: String
    let category: String
    let state: String
    let generatedOn: String
    let publishedOn: String?
    let validity: String?
    let url: String

    init(_ summary: DocumentSummary, today: CivilDate) {
        id = summary.id
        indexNumber = summary.indexNumber
        unitCode = summary.unitCode
        title = summary.title
        docNumber = summary.docNumber
        category = summary.category
        state = summary.state.rawValue
        generatedOn = summary.generatedOn.description
        publishedOn = summary.publishedOn?.description
        validity = summary.isNormative ? summary.validity.status(on: today).rawValue : nil
        url = "/documents/\(summary.id)"
    }
}

extension DocumentSummaryBody {
    init(_ document: GovernmentDocument, today: CivilDate) {
        id = document.id
        indexNumber = document.indexNumber
        unitCode = document.draft.unitCode
        title = document.draft.title
        docNumber = document.draft.docNumber
        category = document.draft.category
        state = document.state.rawValue
        generatedOn = document.draft.generatedOn.description
        publishedOn = document.publishedOn?.description
        validity = document.validityStatus(on: today)?.rawValue
        url = "/documents/\(document.id)"
    }
}

/// The fields a client sends to create or change a draft. On PATCH, absent fields keep their value.
struct DraftBody: Decodable, Sendable {
    let unitCode: String?
    let title: String?
    let docNumber: String?
    let issuer: String?
    let topic: String?
    let catalogEntryID: Int?
    let category: String?
    let generatedOn: String?
    let body: String?
    let attribute: String?
    let withholdingReason: String?
    let channels: [String]?
    let isNormative: Bool?
    let effectiveFrom: String?
    let expiresOn: String?
    let repealedOn: String?
    let interpretsDocumentID: Int?

    func apply(to base: DocumentDraft?) throws -> DocumentDraft {
        func date(_ text: String?, _ field: String, _ label: String) throws -> CivilDate? {
            guard let text, !text.isEmpty else { return nil }
            guard let value = CivilDate(iso: text) else { throw DomainError.invalid(field, "\(label)应为 YYYY-MM-DD 格式的日期") }
            return value
        }
        guard let unit = unitCode ?? base?.unitCode else { throw DomainError.invalid("unitCode", "缺少字段 unitCode") }
        guard let generated = try date(generatedOn, "generatedOn", "生成日期") ?? base?.generatedOn else {
            throw DomainError.invalid("generatedOn", "缺少字段 generatedOn")
        }
        var attributeValue = base?.attribute ?? .proactive
        if let attribute {
            guard let parsed = DisclosureAttribute(rawValue: attribute) else { throw DomainError.invalid("attribute", "公开属性应为 主动公开、依申请公开 或 不予公开") }
            attributeValue = parsed
        }
        var reason = base?.withholdingReason
        if let withholdingReason {
            guard let parsed = WithholdingReason(rawValue: withholdingReason) else { throw DomainError.invalid("withholdingReason", "不予公开理由无效") }
            reason = parsed
        }
        var channelValues = base?.channels ?? [.website]
        if let channels {
            channelValues = try channels.map { name in
                guard let channel = PublicationChannel(rawValue: name) else { throw DomainError.invalid("channels", "公开渠道「\(name)」无效") }
                return channel
            }
        }
        let validity = DocumentValidity(
            effectiveFrom: try date(effectiveFrom, "effectiveFrom", "生效日期") ?? base?.validity.effectiveFrom,
            expiresOn: try date(expiresOn, "expiresOn", "失效日期") ?? base?.validity.expiresOn,
            repealedOn: try date(repealedOn, "repealedOn", "废止日期") ?? base?.validity.repealedOn)
        return DocumentDraft(
            unitCode: unit, title: title ?? base?.title ?? "", docNumber: docNumber ?? base?.docNumber ?? "", issuer: issuer ?? base?.issuer ?? "",
            topic: topic ?? base?.topic ?? "综合政务", catalogEntryID: catalogEntryID ?? base?.catalogEntryID, category: category ?? base?.category ?? "",
            generatedOn: generated, body: body ?? base?.body ?? "", attribute: attributeValue, withholdingReason: reason, channels: channelValues,
            isNormative: isNormative ?? base?.isNormative ?? false, validity: validity,
            interpretsDocumentID: interpretsDocumentID ?? base?.interpretsDocumentID)
    }
}

/// A lifecycle step requested through the API.
struct TransitionBody: Decodable, Sendable {
    let action: String
    let note: String?
    let reason: String?
    let publishAt: String?
    let containsStateSecrets: Bool?
    let containsPrivateOrCommercialData: Bool?
    let wordingAccurate: Bool?
    let title: String?
    let body: String?
    let notice: String?
    /// approve: an answer per personal-data hit, in the order the 400 answer names them (`privacy.N.action`).
    let privacy: [PrivacyAnswerBody]?
}

/// One answer of the 保密审查's personal-data step in the API (issue 23 §3).
struct PrivacyAnswerBody: Decodable, Sendable {
    let action: String
    let reason: String?
    let masked: String?
}
