import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@testable import DisclosureWeb

/// Issue 21 §8: text defects found at their source, not one page at a time. Every page a citizen
/// reaches from the demo county's home page (two links deep, plus the section lists) is scanned.
@Suite("Portal text: no doubled brackets, no empty title suffixes, no stray separators")
struct PortalTextDefectsTests {
    /// Text patterns that only ever come from an empty field or a doubled suffix.
    static let defects: [(pattern: String, reason: String)] = [
        ("））", "a bracket closed twice"),
        ("（（", "a bracket opened twice"),
        ("（）", "empty brackets"),
        ("：</h1>", "a title that ends in 「：」"),
        ("：</title>", "a page title that ends in 「：」"),
        ("： -", "a page title with an empty part"),
        ("·  ·", "a separator with nothing between"),
        ("<span class=\"part\"></span>", "an empty part"),
        ("第 1 / 0 页", "pagination of nothing"),
        ("undefined", "a missing value"),
        ("Optional(", "a Swift optional printed"),
        ("{{", "an unrendered placeholder"),
    ]

    static func links(in body: String) -> [String] {
        var found: [String] = []
        var rest = body[...]
        while let range = rest.range(of: "href=\"/") {
            let link = rest[range.upperBound...].prefix { $0 != "\"" }
            found.append("/" + link.replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[range.upperBound...]
        }
        return found
    }

    /// Each defect found, with the text before it so the source can be found.
    static func problems(in body: String) -> [String] {
        defects.compactMap { defect -> String? in
            guard let at = body.range(of: defect.pattern) else { return nil }
            let start = body.index(at.lowerBound, offsetBy: -40, limitedBy: body.startIndex) ?? body.startIndex
            return "\(defect.reason) 「\(defect.pattern)」 in …\(body[start..<at.upperBound])"
        }
    }

    @Test("pages two links deep from home, and each section's list, carry none of the defects")
    func scan() async throws {
        try await PortalPagesTests.demoCounty(.sqlite) { browser in
            var queue: [String] = [
                "/", "/catalog", "/catalog/statutory", "/powers", "/reports", "/assessments", "/guide", "/sitemap", "/search?q=%E9%A2%84%E7%AE%97",
                "/search?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D",
            ]
            var seen = Set(queue)
            var depth = [String: Int]()
            var scanned = 0
            while !queue.isEmpty {
                let path = queue.removeFirst()
                guard !path.hasPrefix("/staff"), !path.hasPrefix("/static"), !path.hasPrefix("/mode/"), !path.contains(".svg"),
                    !path.contains(".xlsx"), !path.contains(".docx"), !path.hasPrefix("/feed"), !path.hasPrefix("/api")
                else { continue }
                let page = try await browser.get(path)
                guard page.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                scanned += 1
                #expect(page.status.code < 500, "\(path) answers \(page.status.code)")
                for problem in Self.problems(in: page.body) { Issue.record("\(path): \(problem)") }
                let level = depth[path] ?? 0
                guard level < 2 else { continue }
                for link in Self.links(in: page.body) where !seen.contains(link) && seen.count < 400 {
                    seen.insert(link)
                    depth[link] = level + 1
                    queue.append(link)
                }
            }
            #expect(scanned > 60, "scanned \(scanned) pages")
        }
    }
}
