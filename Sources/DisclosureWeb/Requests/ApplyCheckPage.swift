import DisclosureCore
import DisclosureStore

/// 「先查一查」 (issue 24 §3): documents already published that match the application, each
/// linked, and the whole form carried in hidden fields so 「仍要申请」 files it unchanged.
struct ApplyCheckPage: Sendable {
    struct Document: Sendable {
        let href: String
        let title: String
        let unitName: String
        let docNumber: String?
        let publishedOn: String
        /// «依申请公开后转为主动公开» when a case became this document.
        let origin: String?
    }

    struct Hidden: Sendable {
        let name: String
        let value: String
    }

    let documents: [Document]
    let hidden: [Hidden]

    init(matches: [PublishedMatchFinder.Match], unitNames: [String: String], values: [String: String]) {
        documents = matches.map { match in
            let draft = match.document.draft
            return Document(
                href: "/documents/\(match.document.id)", title: draft.title, unitName: unitNames[draft.unitCode] ?? draft.unitCode,
                docNumber: draft.docNumber.isEmpty ? nil : draft.docNumber, publishedOn: match.document.publishedOn?.chineseText ?? "",
                origin: match.fromRequest == nil ? nil : "依申请公开后转为主动公开")
        }
        // The CSRF token is the page's own; `checked` is set by the template.
        hidden = values.filter { $0.key != "_csrf" && $0.key != "checked" && $0.key.count <= 40 }.sorted { $0.key < $1.key }.map {
            Hidden(name: $0.key, value: $0.value)
        }
    }
}

struct ApplyFoundPage: Sendable {}
