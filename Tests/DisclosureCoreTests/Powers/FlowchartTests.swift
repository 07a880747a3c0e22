import DisclosureCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Flowchart: boxes never overlap, arrows never cross a box, the SVG is well-formed and escapes text")
struct FlowchartTests {
    typealias Box = FlowchartLayout.Box

    static func inside(_ point: FlowchartLayout.Point, _ box: Box) -> Bool {
        point.x > box.x + 0.5 && point.x < box.x + box.width - 0.5 && point.y > box.y + 0.5 && point.y < box.y + box.height - 0.5
    }

    /// Samples each segment and checks no sample falls strictly inside a box.
    static func crossesBox(_ edge: FlowchartLayout.Edge, _ boxes: [Box]) -> Bool {
        for (a, b) in zip(edge.points, edge.points.dropFirst()) {
            for step in 0...40 {
                let t = Double(step) / 40
                let point = FlowchartLayout.Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                if boxes.contains(where: { inside(point, $0) }) { return true }
            }
        }
        return false
    }

    static let flows: [Workflow] = [
        WorkflowTests.license,
        Workflow(steps: [
            WorkflowStep(name: "立案", next: [.init(to: "调查取证")]),
            WorkflowStep(name: "调查取证", next: [.init(to: "审核")]),
            WorkflowStep(name: "审核", next: [.init(to: "告知", condition: "违法事实成立"), .init(to: "撤销立案", condition: "违法事实不成立")]),
            WorkflowStep(name: "撤销立案"),
            WorkflowStep(name: "告知", next: [.init(to: "听证", condition: "申请听证"), .init(to: "决定", condition: "未申请听证")]),
            WorkflowStep(name: "听证", next: [.init(to: "决定")]),
            WorkflowStep(name: "决定", next: [.init(to: "送达")]),
            WorkflowStep(name: "送达"),
        ]),
    ]

    @Test("layout of the license and penalty flows", arguments: flows)
    func geometry(flow: Workflow) throws {
        let layout = FlowchartLayout(try flow.validated())
        #expect(layout.boxes.count == flow.steps.count)
        for (index, box) in layout.boxes.enumerated() {
            #expect(box.x >= 0)
            #expect(box.y >= 0)
            #expect(box.x + box.width <= layout.width)
            #expect(box.y + box.height <= layout.height)
            for other in layout.boxes[(index + 1)...] {
                let apart =
                    box.x + box.width <= other.x || other.x + other.width <= box.x || box.y + box.height <= other.y || other.y + other.height <= box.y
                #expect(apart, "\(box.name) overlaps \(other.name)")
            }
        }
        let arcCount = flow.steps.reduce(0) { $0 + $1.next.count }
        #expect(layout.edges.count == arcCount)
        for edge in layout.edges {
            #expect(!Self.crossesBox(edge, layout.boxes), "\(edge.from) → \(edge.to) crosses a box")
            let target = try #require(layout.boxes.first { $0.name == edge.to })
            let end = try #require(edge.points.last)
            #expect(abs(end.y - target.y) < 0.01, "\(edge.from) → \(edge.to) ends on its box's top")
            #expect(end.x > target.x, "\(edge.from) → \(edge.to) ends right of its box's left edge")
            #expect(end.x < target.x + target.width, "\(edge.from) → \(edge.to) ends left of its box's right edge")
            if let label = edge.labelAt {
                #expect(label.x - edge.labelWidth / 2 >= 0)
                #expect(label.x + edge.labelWidth / 2 <= layout.width)
            }
        }
        let labels = layout.edges.compactMap { edge in edge.labelAt.map { (edge, $0) } }
        for (index, (edge, at)) in labels.enumerated() {
            for (other, otherAt) in labels[(index + 1)...] {
                let apart = abs(at.y - otherAt.y) >= 17 || abs(at.x - otherAt.x) >= (edge.labelWidth + other.labelWidth) / 2
                #expect(apart, "labels 「\(edge.label)」 and 「\(other.label)」 overlap")
            }
        }
    }

    @Test("the first step is on top, a loop back draws in the left lane, later steps further down")
    func order() throws {
        let layout = FlowchartLayout(WorkflowTests.license)
        let y = Dictionary(uniqueKeysWithValues: layout.boxes.map { ($0.name, $0.y) })
        let (accept, review, decide) = (try #require(y["受理"]), try #require(y["审查"]), try #require(y["决定"]))
        #expect(accept < review)
        #expect(review < decide)
        let back = try #require(layout.edges.first { $0.from == "一次性告知补正" })
        #expect(back.points.contains { $0.x < layout.boxes.map(\.x).min()! })
        #expect(layout.boxes.first { $0.name == "受理" }!.isStart)
        #expect(layout.boxes.first { $0.name == "决定" }!.isEnd)
    }

    @Test("long Chinese names wrap inside the box and markup in names is escaped")
    func textAndEscaping() throws {
        let name = "对违反《中华人民共和国食品安全法》规定<生产经营>不符合标准食品的调查处理"
        let flow = Workflow(steps: [WorkflowStep(name: String(name.prefix(30)), post: "执法人员 & 法制审核人员", days: 3)])
        let layout = FlowchartLayout(flow)
        let box = layout.boxes[0]
        #expect(box.titleLines.count >= 2)
        #expect(box.titleLines.joined() == String(name.prefix(30)))
        #expect(!box.titleLines.dropFirst().contains { $0.first == "，" || $0.first == "》" })
        let svg = FlowchartSVG.render(flow, title: "测试<流程>")
        #expect(!svg.contains("<生"))
        #expect(svg.contains("&lt;"))
        #expect(svg.contains("&gt;"))
        #expect(svg.contains("&amp; 法制审核"))
        #expect(svg.contains("测试&lt;流程&gt;"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the SVG parses as XML")
    }

    @Test("the SVG has one box and one title line per step and one arrow per transition")
    func svgContent() throws {
        let svg = FlowchartSVG.render(WorkflowTests.license, title: "代理记账机构设立审批办理流程图")
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(svg.components(separatedBy: "font-weight=\"bold\"").count - 1 == 4)
        for label in ["材料齐全", "材料不全", "补正后", "时限：1 个工作日"] { #expect(svg.contains(label)) }
        #expect(!svg.contains("<script"))
    }
}
