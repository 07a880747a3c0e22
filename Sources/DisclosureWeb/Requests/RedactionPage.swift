import DisclosureCore
import DisclosureStore

/// The clerk's redaction of one PDF the reply releases (issue 23 §2): the regions the scan
/// proposes, each with its ground; up to five regions by hand, in percent of the page from its
/// top-left corner; the pages as pictures. Every choice is a form field, so the page works without
/// JavaScript; with it, `static/redact.js` fills a manual row from a box dragged on a page picture
/// and outlines the chosen regions on the pictures.
struct RedactionPage: Sendable {
    struct Proposal: Sendable {
        let index: Int
        let page: Int
        let what: String
        let masked: String
        let use: Bool
        let grounds: [SelectOption]
        /// The region in percent of its page from the top-left corner, for the outline on the
        /// picture; none for a Word file's text.
        let box: PercentBox?
    }

    /// A region as the manual rows and the preview's outlines measure it.
    struct PercentBox: Sendable {
        let left: String
        let top: String
        let width: String
        let height: String

        init(_ region: RedactionRegion, pageSize: (width: Double, height: Double)) {
            func percent(_ value: Double, of whole: Double) -> String {
                whole > 0 ? String(format: "%.2f", max(0, min(100, value / whole * 100))) : "0"
            }
            left = percent(region.x, of: pageSize.width)
            top = percent(pageSize.height - region.y - region.height, of: pageSize.height)
            width = percent(region.width, of: pageSize.width)
            height = percent(region.height, of: pageSize.height)
        }
    }

    struct Manual: Sendable {
        let index: Int
        let page: String
        let left: String
        let top: String
        let width: String
        let height: String
        let what: String
        let grounds: [SelectOption]
    }

    struct PageImage: Sendable {
        let number: Int
        let size: String
    }

    let requestID: Int
    let fileID: Int
    let fileName: String
    let pageCount: Int
    let proposals: [Proposal]
    let hasProposals: Bool
    let manual: [Manual]
    let pages: [PageImage]

    static let manualRows = 5

    init(request: Int, file: RequestFile, inspection: PDFRedactor.Inspection, values: [String: String]?) {
        requestID = request
        fileID = file.id
        fileName = file.fileName
        pageCount = inspection.pageSizes.count
        proposals = inspection.proposals.enumerated().map { index, proposal in
            let chosen = values?["p.\(index).ground"] ?? proposal.region.ground.rawValue
            return Proposal(
                index: index, page: proposal.region.page, what: proposal.region.what, masked: proposal.masked,
                use: values.map { $0["p.\(index).use"] == "on" } ?? true, grounds: Self.grounds(selected: chosen),
                box: PercentBox(
                    proposal.region,
                    pageSize: inspection.pageSizes.indices.contains(proposal.region.page - 1)
                        ? inspection.pageSizes[proposal.region.page - 1] : (width: 0, height: 0)))
        }
        hasProposals = !proposals.isEmpty
        manual = (0..<Self.manualRows).map { index in
            func value(_ name: String) -> String { values?["m.\(index).\(name)"] ?? "" }
            return Manual(
                index: index, page: value("page"), left: value("left"), top: value("top"), width: value("width"), height: value("height"),
                what: value("what"), grounds: Self.grounds(selected: value("ground")))
        }
        pages = inspection.pageSizes.enumerated().map {
            PageImage(number: $0.offset + 1, size: "\(Int($0.element.width)) × \(Int($0.element.height)) 点")
        }
    }

    static func grounds(selected: String) -> [SelectOption] {
        [SelectOption(value: "", label: "请选择不予公开的理由", selected: selected.isEmpty)]
            + RedactionGround.allCases.map {
                SelectOption(value: $0.rawValue, label: "\($0.rawValue)（条例\($0.article)）", selected: $0.rawValue == selected)
            }
    }

    /// The regions the form asks for: the proposals ticked, and each manual row filled in; an
    /// unchosen ground, a number that is not one, or a region off its page names its field.
    static func regions(_ form: [String: String], inspection: PDFRedactor.Inspection) throws -> [RedactionRegion] {
        var regions: [RedactionRegion] = []
        for (index, proposal) in inspection.proposals.enumerated() where form["p.\(index).use"] == "on" {
            guard let ground = RedactionGround(rawValue: form["p.\(index).ground"] ?? "") else {
                throw DomainError.invalid("p.\(index).ground", "第 \(index + 1) 处建议遮盖的区域须选择不予公开的理由")
            }
            let region = proposal.region
            regions.append(
                RedactionRegion(
                    page: region.page, x: region.x, y: region.y, width: region.width, height: region.height, ground: ground, what: region.what))
        }
        for index in 0..<manualRows {
            let names = ["page", "left", "top", "width", "height"]
            let texts = names.map { (form["m.\(index).\($0)"] ?? "").trimmingCharacters(in: .whitespaces) }
            // A row counts once anything in it is filled in: a description or a reason without
            // its place is an error, not a region silently dropped.
            let described =
                !(form["m.\(index).what"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty || !(form["m.\(index).ground"] ?? "").isEmpty
            guard described || texts.contains(where: { !$0.isEmpty }) else { continue }
            let place = "手工区域第 \(index + 1) 行"
            guard let page = Int(texts[0]), (1...inspection.pageSizes.count).contains(page) else {
                throw DomainError.invalid("m.\(index).page", "\(place)的页码须在 1 到 \(inspection.pageSizes.count) 之间")
            }
            var numbers: [Double] = []
            for (offset, text) in texts.dropFirst().enumerated() {
                guard let value = Double(text), value.isFinite, (0...100).contains(value) else {
                    throw DomainError.invalid("m.\(index).\(names[offset + 1])", "\(place)的位置和大小须为 0 到 100 之间的百分数")
                }
                numbers.append(value)
            }
            guard let ground = RedactionGround(rawValue: form["m.\(index).ground"] ?? "") else {
                throw DomainError.invalid("m.\(index).ground", "\(place)须选择不予公开的理由")
            }
            let size = inspection.pageSizes[page - 1]
            let (left, top, width, height) = (numbers[0], numbers[1], numbers[2], numbers[3])
            let region = RedactionRegion(
                page: page, x: left / 100 * size.width, y: (100 - top - height) / 100 * size.height, width: width / 100 * size.width,
                height: height / 100 * size.height, ground: ground, what: form["m.\(index).what"] ?? "")
            regions.append(try region.validated(pageSizes: inspection.pageSizes, field: "m.\(index).left"))
        }
        return regions
    }
}
