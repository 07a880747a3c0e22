import DisclosureCore
import Foundation

/// True redaction of a PDF (issue 23 §2): each page is rendered to pixels, the chosen regions are
/// painted black in the pixels, and a new PDF is written from the pictures with each box labelled
/// by its ground. Nothing of the original text, its metadata or attachments survives. Proposals
/// come from the personal-data scan over the page's words and their boxes.
public enum PDFRedactor {
    /// Pages rendered at this resolution: readable when printed, about half a megabyte a page.
    static let dpi = 150
    /// Longer files are split by the clerk first: rendering hundreds of pages would hold a request for minutes.
    public static let pageLimit = 60

    public struct Proposal: Equatable, Sendable {
        public let region: RedactionRegion
        /// The hit as the staff may see it, masked.
        public let masked: String
    }

    public struct Inspection: Sendable {
        public let pageSizes: [(width: Double, height: Double)]
        public let proposals: [Proposal]
    }

    /// The file's pages and the regions the scan proposes, or a Chinese error for a file that is
    /// not a readable PDF (encrypted, broken), has too many pages, or when the tools are missing.
    public static func inspect(_ bytes: [UInt8]) throws -> Inspection {
        try withFile(bytes) { file in
            let pages = try readable(file)
            var proposals: [Proposal] = []
            for (index, page) in pages.enumerated() {
                for line in page.lines {
                    var text = ""
                    var spans: [(range: Range<Int>, word: PDFTools.Word)] = []
                    for word in line {
                        if !text.isEmpty { text += " " }
                        let start = text.count
                        text += word.text
                        spans.append((start..<text.count, word))
                    }
                    for hit in PersonalDataScan.hits(in: text) {
                        let range = hit.offset..<(hit.offset + hit.text.count)
                        let covered = spans.filter { $0.range.overlaps(range) }.map(\.word)
                        guard let first = covered.first else { continue }
                        let left = covered.map(\.x).min() ?? first.x
                        let bottom = covered.map(\.y).min() ?? first.y
                        let right = covered.map { $0.x + $0.width }.max() ?? first.x + first.width
                        let top = covered.map { $0.y + $0.height }.max() ?? first.y + first.height
                        let region = RedactionRegion(
                            page: index + 1, x: max(0, left - 1), y: max(0, bottom - 1), width: min(page.width, right + 1) - max(0, left - 1),
                            height: min(page.height, top + 1) - max(0, bottom - 1), ground: RedactionGround.suggested(for: hit.kind),
                            what: hit.kind.rawValue)
                        proposals.append(Proposal(region: region, masked: hit.masked))
                    }
                }
            }
            return Inspection(pageSizes: pages.map { ($0.width, $0.height) }, proposals: proposals)
        }
    }

    /// The redacted file.
    public static func redact(_ bytes: [UInt8], regions: [RedactionRegion]) throws -> [UInt8] {
        try withFile(bytes) { file in
            let pages = try readable(file)
            var rendered: [(page: RasterPage, labels: [RedactedPDF.Label])] = []
            for (index, page) in pages.enumerated() {
                guard var raster = try PDFTools.render(file, page: index + 1, dpi: dpi, size: (page.width, page.height)) else {
                    throw DomainError.invalid("file", "第 \(index + 1) 页无法读取，不能遮盖")
                }
                var labels: [RedactedPDF.Label] = []
                for region in regions where region.page == index + 1 {
                    raster.burn(x: region.x, y: region.y, width: region.width, height: region.height)
                    labels.append(RedactedPDF.Label(x: region.x, y: region.y, width: region.width, height: region.height, text: region.ground.label))
                }
                rendered.append((raster, labels))
            }
            return try RedactedPDF.write(rendered)
        }
    }

    /// A page's preview as PNG, with the given regions already burnt in.
    public static func preview(_ bytes: [UInt8], page: Int, regions: [RedactionRegion]) throws -> [UInt8] {
        try withFile(bytes) { file in
            let pages = try readable(file)
            guard (1...pages.count).contains(page),
                var raster = try PDFTools.render(file, page: page, dpi: 72, size: (pages[page - 1].width, pages[page - 1].height))
            else { throw DomainError(.notFound, field: "page", "没有第 \(page) 页") }
            for region in regions where region.page == page { raster.burn(x: region.x, y: region.y, width: region.width, height: region.height) }
            return try raster.png()
        }
    }

    static func readable(_ file: URL) throws -> [PDFTools.Page] {
        guard let pages = try PDFTools.layout(of: file), !pages.isEmpty else {
            throw DomainError.invalid("file", "该 PDF 无法读取（可能已加密或已损坏），不能遮盖；请提供未加密的文件")
        }
        guard pages.count <= pageLimit else {
            throw DomainError.invalid("file", "该 PDF 共 \(pages.count) 页，超过 \(pageLimit) 页；请拆分后分别遮盖")
        }
        return pages
    }

    static func withFile<Result>(_ bytes: [UInt8], _ body: (URL) throws -> Result) throws -> Result {
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw DomainError.invalid("file", "只有 PDF 文件可以在此遮盖") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("disclosure-redact-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file)
    }
}
