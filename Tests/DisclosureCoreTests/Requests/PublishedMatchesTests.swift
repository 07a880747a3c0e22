import DisclosureCore
import Testing

/// Issue 24 §3: an application's title turned into searches of what is published, and titles
/// ranked by how closely they match.
@Suite("先查一查: searches from an application and the closeness of published titles")
struct PublishedMatchesTests {
    @Test("filler words go, a year stands apart, fragments are distinct and at least two characters")
    func fragments() {
        #expect(PublishedMatches.fragments("2026年县级部门预算公开表") == ["2026年", "县级部门预算"])
        #expect(PublishedMatches.fragments("关于申请公开财政局2025年部门预算的信息") == ["财政局", "2025年", "部门预算"])
        #expect(PublishedMatches.fragments("请提供有关的资料") == [])
        #expect(PublishedMatches.fragments("示政办发〔2026〕3号 文件") == ["示政办发", "2026", "3号"])
        #expect(PublishedMatches.fragments(String(repeating: "甲乙，", count: 20)) == ["甲乙"])
    }

    @Test("the searches run from all fragments to the longest alone, each once")
    func searches() {
        #expect(
            PublishedMatches.searches(title: "财政局2025年部门预算")
                == ["财政局 2025年 部门预算", "2025年 部门预算", "财政局 部门预算", "财政局 2025年", "部门预算"])
        #expect(PublishedMatches.searches(title: "部门预算") == ["部门预算"])
        #expect(PublishedMatches.searches(title: "的") == [])
    }

    @Test("a table of titles: the same subject ranks above the threshold, a neighbour in words below it")
    func similarity() {
        let asked = "2026年县级部门预算公开表"
        let close = PublishedMatches.similarity(asked: asked, documentTitle: "示范县2026年县级部门预算公开说明")
        let neighbour = PublishedMatches.similarity(asked: asked, documentTitle: "示范县县级预算单位公务卡管理暂行办法")
        let unrelated = PublishedMatches.similarity(asked: asked, documentTitle: "关于开展安全生产大检查的通知")
        #expect(close >= PublishedMatches.threshold)
        #expect(neighbour < PublishedMatches.threshold)
        #expect(unrelated == 0)
        #expect(close > neighbour)
        // A short title, with the document's name in the description.
        let described = PublishedMatches.similarity(
            asked: "预算", description: "我想看示范县2026年县级部门预算公开说明这份文件", documentTitle: "示范县2026年县级部门预算公开说明")
        #expect(described >= PublishedMatches.threshold)
    }

    @Test("the reply names each document with its 文号, date and address")
    func replyText() {
        let text = PublishedMatches.replyText([
            (
                title: "示范县2026年县级部门预算公开说明", docNumber: "示财发〔2026〕1号", publishedOn: CivilDate(iso: "2026-02-10"),
                link: "https://gk.example.cn/documents/1"
            )
        ])
        #expect(
            text.hasPrefix(
                "您申请获取的政府信息，本机关已经主动公开，您可以通过以下途径获取：\n1. 《示范县2026年县级部门预算公开说明》（示财发〔2026〕1号），2026年2月10日发布，网址：https://gk.example.cn/documents/1"))
    }
}
