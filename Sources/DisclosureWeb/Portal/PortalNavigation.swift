/// Where a portal page sits: the main navigation with the current section marked
/// (`aria-current`), and the breadcrumb trail 首页 › 栏目 › 本页 that Chinese government sites
/// carry on every inner page (国办 网站建设规范, statutes §5). Worked out from the page's template and
/// title, so no handler has to pass it.
struct PortalNavigation: Sendable {
    struct Item: Sendable {
        let path: String
        let title: String
        /// `page` on the section's own page, `true` inside it, nil elsewhere.
        let current: String?
    }

    struct Crumb: Sendable {
        let title: String
        /// nil for the page itself.
        let href: String?
    }

    let items: [Item]
    let crumbs: [Crumb]
    /// Stored, since templates see only stored properties.
    let showsCrumbs: Bool
    /// The header's search box is left out on the search page and the home page, which have their own.
    let showsSearchBox: Bool
    /// The footer's registration facts, nil when the office has not set them (a template shows
    /// an empty string as present).
    let siteCode: String?
    let icpNumber: String?
    let policeNumber: String?
    /// The 公安备案号's digits, for the link to its public record.
    let policeRecordCode: String

    /// 首页, then every section but 申请查询 (reached from 依申请公开 and 投诉举报), in
    /// `PortalSection.all`'s order and with its titles.
    static let navigation: [(path: String, title: String)] =
        [("/", "首页")] + PortalSection.all.filter { $0.path != "/track" }.map { ($0.path, $0.title) }

    /// The section each public template belongs to.
    static let sections: [String: String] = [
        "Portal/home": "/", "Portal/guide": "/guide", "Portal/catalog": "/catalog", "Portal/document": "/catalog",
        "Portal/statutory": "/catalog", "Portal/search": "/search", "Requests/apply": "/apply", "Requests/applied": "/apply",
        "Requests/track": "/track", "Requests/letter": "/track", "Complaints/complain": "/complain", "Complaints/complained": "/complain",
        "Complaints/ask": "/ask", "Powers/list": "/powers", "Powers/power": "/powers", "AnnualReports/list": "/reports",
        "AnnualReports/report": "/reports", "Assessment/portal-list": "/assessments", "Assessment/portal-result": "/assessments",
    ]

    /// Section titles by path.
    static let titles: [String: String] = Dictionary(uniqueKeysWithValues: [("/", "首页")] + PortalSection.all.map { ($0.path, $0.title) })

    /// Section pages whose title is longer than the menu's label.
    static let indexTitles: [String: String] = ["/guide": "政府信息公开指南"]

    init(template: String, title: String, site: SiteInfo) {
        siteCode = site.siteCode.isEmpty ? nil : site.siteCode
        icpNumber = site.icpNumber.isEmpty ? nil : site.icpNumber
        policeNumber = site.policeNumber.isEmpty ? nil : site.policeNumber
        policeRecordCode = String(site.policeNumber.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        let section = Self.sections[template]
        let sectionTitle = section.flatMap { Self.titles[$0] }
        let onIndex = sectionTitle == title || section.flatMap { Self.indexTitles[$0] } == title
        items = Self.navigation.map { entry in
            Item(path: entry.path, title: entry.title, current: entry.path == section ? (onIndex || entry.path == "/" ? "page" : "true") : nil)
        }
        showsSearchBox = template != "Portal/search" && template != "Portal/home"
        guard template != "Portal/home" else {
            crumbs = []
            showsCrumbs = false
            return
        }
        var trail = [Crumb(title: "首页", href: "/")]
        if let section, let sectionTitle, section != "/" {
            trail.append(Crumb(title: onIndex ? title : sectionTitle, href: onIndex ? nil : section))
        }
        if !onIndex { trail.append(Crumb(title: title, href: nil)) }
        crumbs = trail
        showsCrumbs = true
    }
}
