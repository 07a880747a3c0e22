/// The body of the 信息检索 page, written in code rather than in a Mustache template. It is the
/// portal's busiest page that no cache can serve (every new query renders one), and Mustache's
/// reflection of each field and its per-character escaping cost three times the search itself
/// (issue 20: `perf` of the page at 100,000 documents). The layout around it is still the shared
/// template; every text here goes through `HTMLText.escape`, as `{{…}}` would.
extension SearchController.SearchPage {
    var html: String {
        var out = ""
        out.reserveCapacity(16_384)
        out += "<h1>信息检索</h1>\n<form class=\"search\" method=\"get\" action=\"/search\" role=\"search\">\n"
        out += "  <label for=\"q\">关键词（标题、正文、文号或索引号，多个词用空格分开）</label>\n"
        out += "  <input id=\"q\" name=\"q\" type=\"search\" value=\"\(e(query))\" maxlength=\"200\">\n"
        out += "  <button type=\"submit\">检索</button>\n</form>\n"
        guard hasQuery else {
            out += "<p class=\"muted\">请输入关键词。可按标题、正文、文号（如 示财〔2025〕3号）或索引号检索。</p>\n"
            return out
        }
        out += "<p class=\"subscribe-hint\"><a href=\"\(e(subscribeHref))\">订阅「\(e(query))」的新公开信息</a>（有新信息时每天发一封邮件）</p>\n"
        out += "<p>\(e(summary))排序："
        out +=
            sortNewest
            ? "<a href=\"\(e(relevanceHref))\">相关度</a> | <strong>最新发布</strong>"
            : "<strong>相关度</strong> | <a href=\"\(e(newestHref))\">最新发布</a>"
        out += "</p>\n"
        if !filters.isEmpty {
            out += "<p>已选条件："
            for filter in filters { out += "<a class=\"chip\" href=\"\(e(filter.href))\">\(e(filter.label)) ×</a> " }
            out += "</p>"
        }
        out += "\n<div class=\"two-column\">\n<aside class=\"side facets\" aria-label=\"筛选\">\n"
        for (heading, facets) in [("单位", units), ("类别", categories), ("年份", years), ("有效性", validity)] where !facets.isEmpty {
            out += "  <h2>\(heading)</h2><ul class=\"plain\">"
            for facet in facets {
                out += "<li><a href=\"\(e(facet.href))\">\(e(facet.label))</a> <span class=\"muted\">\(facet.count)</span></li>"
            }
            out += "</ul>\n"
        }
        out += "</aside>\n<section class=\"main-list\">\n"
        if !exact.isEmpty {
            out += "  <h2>索引号 / 文号完全匹配</h2>\n  <ol class=\"doc-list\">"
            for hit in exact { out += "<li><a href=\"\(e(hit.href))\">\(e(hit.title))</a>\(meta(hit))</li>" }
            out += "</ol>\n"
        }
        if !hits.isEmpty {
            out += "  <ol class=\"doc-list\">\n"
            for hit in hits {
                out += "<li><a href=\"\(e(hit.href))\">\(e(hit.title))</a><p class=\"snippet\">"
                for part in hit.snippet { out += part.highlighted ? "<mark>\(e(part.text))</mark>" : e(part.text) }
                out += "</p>\(meta(hit))</li>"
            }
            out += "\n  </ol>\n"
        }
        if noResults { out += "  <p class=\"muted\">没有找到符合条件的信息。可以减少关键词，或换一个说法。</p>\n" }
        if pagination.isShown {
            out += "  <nav class=\"pager\" aria-label=\"分页\">"
            if let previous = pagination.previous { out += "<a href=\"\(e(previous))\" rel=\"prev\">上一页</a>" }
            out += " 第 \(pagination.page) / \(pagination.pages) 页 "
            if let next = pagination.next { out += "<a href=\"\(e(next))\" rel=\"next\">下一页</a>" }
            out += "</nav>\n"
        }
        out += "</section>\n</div>\n"
        return out
    }

    private func meta(_ hit: SearchController.Hit) -> String {
        "<span class=\"muted\">" + hit.meta.map { "<span class=\"part\">\(e($0))</span> " }.joined() + "</span>"
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }
}
