import DisclosureCore
import DisclosureStore
import Foundation

/// An Atom 1.0 feed of the newest publications, so citizens and aggregators can follow the portal.
enum AtomFeed {
    static func render(site: SiteInfo, baseURL: String, documents: [DocumentSummary], unitNames: [String: String]) -> String {
        let updated = documents.first?.publishedOn.map(stamp) ?? "1970-01-01T00:00:00+08:00"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(XMLText.escaped(site.siteName))：最新公开信息</title>
            <id>\(XMLText.escaped(baseURL))/feed.atom</id>
            <link rel="self" href="\(XMLText.escaped(baseURL))/feed.atom"/>
            <updated>\(updated)</updated>
            <author><name>\(XMLText.escaped(site.officeName))</name></author>

            """
        for document in documents {
            let link = "\(baseURL)/documents/\(document.id)"
            xml += """
                <entry><title>\(XMLText.escaped(document.title))</title><id>\(XMLText.escaped(link))</id><link href="\(XMLText.escaped(link))"/>\
                <updated>\(document.publishedOn.map(stamp) ?? updated)</updated>\
                <summary>\(XMLText.escaped([unitNames[document.unitCode] ?? document.unitCode, document.docNumber, document.category].filter { !$0.isEmpty }.joined(separator: " · ")))</summary></entry>

                """
        }
        return xml + "</feed>\n"
    }

    static func stamp(_ day: CivilDate) -> String { "\(day)T00:00:00+08:00" }
}
