import DisclosureCore
import DisclosureStore

/// One labelled value of the metadata table Chinese government sites print above a document.
struct MetadataRow: Sendable {
    let label: String
    let value: String
}

/// A document as pages show it: metadata table, paragraphs, correction and interpretation links.
struct DocumentView: Sendable {
    let id: Int
    let title: String
    let metadata: [MetadataRow]
    let paragraphs: [String]
    let correctionNotice: String?
    let interprets: LinkView?
    let interpretations: [LinkView]
    let stateLabel: String
    let attributeLabel: String
    let validityLabel: String?
    let attachments: [AttachmentLink]

    init(
        _ document: GovernmentDocument, unitName: String, today: CivilDate, interprets: LinkView?, interpretations: [LinkView],
        attachments: [Attachment] = [], attachmentBase: String = "/documents"
    ) {
        let draft = document.draft
        id = document.id
        title = draft.title
        let validity = document.validityStatus(on: today)
        var rows = [
            MetadataRow(label: "索引号", value: document.indexNumber), MetadataRow(label: "发布机构", value: draft.issuer.isEmpty ? unitName : draft.issuer),
            MetadataRow(label: "生成日期", value: draft.generatedOn.description),
            MetadataRow(label: "发布日期", value: document.publishedOn?.description ?? "—"),
            MetadataRow(label: "文号", value: draft.docNumber.isEmpty ? "—" : draft.docNumber), MetadataRow(label: "主题分类", value: draft.topic),
            MetadataRow(label: "信息类别", value: draft.category), MetadataRow(label: "公开方式", value: draft.attribute.rawValue),
        ]
        if let validity {
            rows.append(MetadataRow(label: "有效性", value: validity.rawValue))
            if let from = draft.validity.effectiveFrom { rows.append(MetadataRow(label: "生效日期", value: from.description)) }
            if let until = draft.validity.expiresOn { rows.append(MetadataRow(label: "失效日期", value: until.description)) }
            if let repealed = draft.validity.repealedOn { rows.append(MetadataRow(label: "废止日期", value: repealed.description)) }
        }
        metadata = rows
        paragraphs = PlainText.paragraphs(draft.body)
        correctionNotice = document.correctionNotice
        self.interprets = interprets
        self.interpretations = interpretations
        stateLabel = document.state.label
        attributeLabel = draft.attribute.rawValue
        validityLabel = validity?.rawValue
        self.attachments = attachments.map { AttachmentLink($0, base: "\(attachmentBase)/\(document.id)/attachments") }
    }
}

/// A downloadable attachment with its size for the reader.
struct AttachmentLink: Sendable {
    let id: Int
    let href: String
    let name: String
    let size: String

    init(_ attachment: Attachment, base: String) {
        id = attachment.id
        href = "\(base)/\(attachment.id)"
        name = attachment.fileName
        size = attachment.size >= 1 << 20 ? String(format: "%.1f MB", Double(attachment.size) / 1_048_576) : "\(max(1, attachment.size / 1024)) KB"
    }
}

struct LinkView: Sendable {
    let href: String
    let text: String
}

/// A row of a public list.
struct DocumentListItem: Sendable {
    let href: String
    let title: String
    let date: String
    /// nil without a 文号 (a template shows an empty string as present, leaving a stray 「 · 」).
    let docNumber: String?
    let unitName: String
    let category: String
    let validity: String?

    init(_ summary: DocumentSummary, unitName: String, today: CivilDate) {
        href = "/documents/\(summary.id)"
        title = summary.title
        date = summary.publishedOn?.description ?? summary.generatedOn.description
        docNumber = summary.docNumber.isEmpty ? nil : summary.docNumber
        self.unitName = unitName
        category = summary.category
        validity = summary.isNormative ? summary.validity.status(on: today).rawValue : nil
    }
}

/// Page links for long lists: previous, next, and where we are.
struct Pagination: Sendable {
    let page: Int
    let pages: Int
    let total: Int
    let previous: String?
    let next: String?
    /// Only a list longer than a page shows the pager (「第 1 / 1 页」 under nothing said nothing).
    let isShown: Bool

    init(page: Int, size: Int, total: Int, link: (Int) -> String) {
        self.page = page
        self.total = total
        pages = max(1, (total + size - 1) / size)
        isShown = pages > 1
        previous = page > 1 ? link(page - 1) : nil
        next = page < pages ? link(page + 1) : nil
    }
}
