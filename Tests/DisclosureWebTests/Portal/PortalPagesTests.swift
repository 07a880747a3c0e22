import DisclosureTestSupport
import Hummingbird
import Testing

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
}
