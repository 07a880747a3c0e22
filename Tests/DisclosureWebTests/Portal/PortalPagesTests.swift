import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DisclosureWeb

@Suite("Portal pages")
struct PortalPagesTests {
    @Test("the home page is Chinese, lists the sections and units, and shows the office contact", arguments: TestDatabase.kinds)
    func home(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.body.contains(#"<html lang="zh-CN">"#))
            #expect(page.body.contains("示范县人民政府信息公开平台"))
            for section in ["公开指南", "公开目录", "依申请公开", "投诉举报", "留言咨询", "权责清单", "年度报告", "考核结果"] {
                #expect(page.body.contains(section))
            }
            #expect(page.body.contains("示范县财政局"))
            #expect(page.body.contains("电话：0000-1234567"))
            #expect(page.body.contains(#"name="viewport""#))
        }
    }

    /// The demo county (its published documents, catalog and units) behind the portal.
    static func demoCounty(_ kind: TestDatabase, _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        let clock = FixedClock()
        try await kind.with { (database: Database) async throws in
            _ = try await DemoCounty.load(into: database, clock: clock, hasher: PasswordHasher(cost: 4), fixedPassword: WebHarness.password)
            let app = try await buildApplication(config: .testing, database: database, clock: clock)
            try await app.test(.router) { client in try await body(Browser(client: client)) }
        }
    }

    func guideHasSearchBox(_ body: String) -> Bool { body.contains(#"<form class="site-search" role="search" action="/search" method="get">"#) }

    @Test("every portal page has the search box, the menu with the current section, breadcrumbs and the registration footer")
    func furniture() async throws {
        try await Self.demoCounty(.sqlite) { browser in
            let home = try await browser.get("/")
            // The home page's own search box replaces the header's; every other page has the header's.
            #expect(!home.body.contains(#"<form class="site-search""#))
            #expect(home.body.contains(#"<form class="hero-search" role="search" action="/search" method="get">"#))
            #expect(guideHasSearchBox(try await browser.get("/guide").body))
            #expect(home.body.contains(#"<a href="/" aria-current="page">首页</a>"#))
            #expect(!home.body.contains(#"class="crumbs"#))
            #expect(home.body.contains("网站标识码：0000000000"))
            #expect(home.body.contains(#"<a href="https://beian.miit.gov.cn/" rel="noopener">示ICP备00000000号</a>"#))
            #expect(home.body.contains("https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000"))
            #expect(home.body.contains(#"<a href="/sitemap">网站地图</a>"#))

            let guide = try await browser.get("/guide")
            #expect(guide.body.contains(#"<a href="/guide" aria-current="page">公开指南</a>"#))
            #expect(guide.body.contains(#"<li><a href="/">首页</a></li><li><span aria-current="page">政府信息公开指南</span></li>"#))
            #expect(guide.body.contains(#"id="contact""#))

            let document = try await browser.get("/documents/1")
            #expect(document.body.contains(#"<a href="/catalog" aria-current="true">公开目录</a>"#))
            #expect(document.body.contains(#"<li><a href="/catalog">公开目录</a></li><li><span aria-current="page">"#))

            let search = try await browser.get("/search?q=%E9%A2%84%E7%AE%97")
            #expect(!search.body.contains(#"class="site-search""#))
            #expect(search.body.contains(#"<a href="/search" aria-current="true">信息检索</a>"#))
        }
    }

    @Test("the home page lists the latest publications and 通知公告, and links every unit to its catalog", arguments: TestDatabase.kinds)
    func homeColumns(kind: TestDatabase) async throws {
        try await Self.demoCounty(kind) { browser in
            let home = try await browser.get("/")
            for heading in ["最新公开", "通知公告", "政策解读"] { #expect(home.body.contains(#"">\#(heading)</h2>"#)) }
            #expect(home.body.contains("县级部门预算公开说明"))
            #expect(home.body.contains(#"<a href="/catalog?unit=CZJ">示范县财政局</a>"#))
            #expect(home.body.contains("法定主动公开内容"))
        }
    }

    @Test("网站地图 lists every section and every unit's catalog and guide", arguments: TestDatabase.kinds)
    func sitemap(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            let page = try await browser.get("/sitemap")
            #expect(page.status == .ok)
            for section in PortalNavigation.navigation.dropFirst() {
                #expect(page.body.contains(#"<a href="\#(section.path)">\#(section.title)</a>"#))
            }
            #expect(page.body.contains(#"<a href="/catalog?unit=CZJ">示范县财政局</a> · <a href="/guide?unit=CZJ">公开指南</a>"#))
            #expect(page.body.contains(#"<li><a href="/">首页</a></li><li><span aria-current="page">网站地图</span></li>"#))
        }
    }

    @Test("the 索引号 a document page prints, whole or after its unit code, finds that document first", arguments: TestDatabase.kinds)
    func indexNumberSearch(kind: TestDatabase) async throws {
        try await Self.demoCounty(kind) { browser in
            let document = try await browser.get("/documents/1")
            let marker = "<th scope=\"row\">索引号</th><td>"
            let start = try #require(document.body.range(of: marker))
            let indexNumber = String(document.body[start.upperBound...].prefix { $0 != "<" })
            let tail = try #require(indexNumber.split(separator: "/").last.map(String.init))
            for query in [indexNumber, tail] {
                let page = try await browser.get("/search?q=" + Browser.encode(query))
                #expect(page.body.contains("索引号 / 文号完全匹配"), "\(query)")
                let exact = try #require(page.body.range(of: "索引号 / 文号完全匹配"))
                #expect(page.body[exact.upperBound...].prefix(300).contains(#"href="/documents/1""#), "\(query)")
                #expect(!page.body.contains("没有找到符合条件的信息"), "\(query)")
            }
        }
    }

    @Test("the guide shows the office facts of art. 12", arguments: TestDatabase.kinds)
    func guide(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            let page = try await browser.get("/guide")
            #expect(page.status == .ok)
            for fact in ["办公地址", "办公时间", "联系电话", "传真", "电子邮箱", "第二十六条", "公开单位（共 4 个）"] {
                #expect(page.body.contains(fact))
            }
        }
    }

    @Test("every section is in service; the last one opened, assessment results, says when nothing is published yet")
    func sections() async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            let page = try await browser.get("/assessments")
            #expect(page.status == .ok)
            #expect(page.body.contains("暂无已发布的考核结果"))
            #expect(!page.body.contains("即将开通"))
        }
    }

    @Test("unknown pages get a Chinese 404 page with security headers and no internals", arguments: TestDatabase.kinds)
    func notFound(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            let page = try await browser.get("/no/such/page")
            #expect(page.status == .notFound)
            #expect(page.body.contains("页面不存在"))
            #expect(!page.body.contains("HTTPError"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test("healthz checks the database and metrics count requests", arguments: TestDatabase.kinds)
    func operations(kind: TestDatabase) async throws {
        try await WebHarness.run(kind) { browser, _ in
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.body == "ok\n")
            try await browser.get("/guide")
            let metrics = try await browser.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.body.contains("hb_requests"))
            #expect(metrics.body.contains(#"http_route="/guide""#))
        }
    }

    @Test("the stylesheet is served")
    func stylesheet() async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            let css = try await browser.get("/static/site.css")
            #expect(css.status == .ok)
            #expect(css.body.contains("@media print"))
        }
    }

    @Test("长者模式: a link sets it and returns to the page; /mode.css is the large-type sheet only for that browser")
    func elderMode() async throws {
        try await WebHarness.run(.sqlite) { browser, _ in
            let home = try await browser.get("/")
            #expect(home.body.contains(#"<a class="mode-on" href="/mode/elder">长者模式</a>"#))
            #expect(home.body.contains(#"<link rel="stylesheet" href="/mode.css">"#))
            let standard = try await browser.get("/mode.css")
            #expect(standard.status == .ok)
            #expect(!standard.body.contains("font-size: 20px"))
            #expect(standard.headers[.cacheControl] == "private, no-cache")
            let on = try await browser.get("/mode/elder", headers: [.referer: "http://localhost/catalog?unit=CZJ"])
            #expect(on.status == .seeOther)
            #expect(on.headers[.location] == "/catalog?unit=CZJ")
            #expect(on.headers[.setCookie]?.hasPrefix("dsc_mode=elder;") == true)
            let elder = try await browser.get("/mode.css")
            #expect(elder.body.contains("font-size: 20px"))
            #expect(elder.body.contains(".tools a.mode-off { display: inline"))
            let unchanged = try await browser.get("/mode.css", headers: [.ifNoneMatch: elder.headers[.eTag] ?? ""])
            #expect(unchanged.status == .notModified)
            // The page itself is the same for everyone (the shared cache serves it).
            #expect(try await browser.get("/").body == home.body)
            let off = try await browser.get("/mode/standard", headers: [.referer: "http://localhost/search?q=%E9%A2%84%E7%AE%97"])
            #expect(off.headers[.location] == "/search?q=%E9%A2%84%E7%AE%97")
            #expect(!(try await browser.get("/mode.css").body.contains("font-size: 20px")))
            // Only ever back to a path on this site.
            for referer in ["https://evil.example//evil.example/x", "javascript:alert(1)", "", "http://localhost/mode/elder"] {
                #expect(DisplayModeController.returnPath(referer: referer).hasPrefix("/"))
                #expect(!DisplayModeController.returnPath(referer: referer).hasPrefix("//"))
            }
            #expect(DisplayModeController.returnPath(referer: nil) == "/")
        }
    }
}
