import DisclosureCore
import Mustache
import Testing

@testable import DisclosureWeb

/// The layout's types answer Mustache by name instead of by reflection (issue 20). A property
/// added later but not listed would silently vanish from every page: each stored property must be
/// answered.
@Suite("Layout fields: every stored property answered by name")
struct LayoutFieldsTests {
    static func unanswered(_ object: some MustacheParent) -> [String] {
        Mirror(reflecting: object).children.compactMap(\.label).filter { object.child(named: $0) == nil }
    }

    @Test("page frame, site, navigation, its items and crumbs")
    func everyField() {
        var site = SiteInfo.demo
        site.siteCode = "1234567890"
        site.icpNumber = "示ICP备00000001号"
        site.policeNumber = "示公网安备00000000000001号"
        let navigation = PortalNavigation(template: "Portal/document", title: "某文件", site: site)
        let frame = PageFrame(title: "标题", site: site, staff: nil, csrf: "t", notice: "n", error: "e", page: 1, navigation: navigation)
        #expect(Self.unanswered(frame) == ["staff"])
        #expect(Self.unanswered(site).isEmpty)
        #expect(Self.unanswered(navigation).isEmpty)
        #expect(navigation.items.allSatisfy { Self.unanswered($0).allSatisfy { $0 == "current" } })
        #expect(navigation.crumbs.allSatisfy { Self.unanswered($0).allSatisfy { $0 == "href" } })
        #expect(frame.child(named: "nonsense") == nil)
        let rendered = try? MustacheTemplate(string: "{{title}}|{{site.officeName}}|{{#navigation.crumbs}}{{title}}>{{/navigation.crumbs}}").render(
            frame)
        #expect(rendered == "标题|\(site.officeName)|首页>公开目录>某文件>")
    }
}
