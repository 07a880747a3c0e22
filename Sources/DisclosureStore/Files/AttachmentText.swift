import DisclosureCore
import Foundation
import ZIPFoundation

/// The text of an attachment, for search and the 保密审查 (issue 23 §3, §5): a PDF's text layer
/// through `pdftotext` (Debian's poppler-utils; optional — without it the console says what to
/// install and everything else works), a DOCX's paragraphs and table cells, an XLSX's strings.
/// A scan without a text layer, an image or an old binary Office file is marked, not guessed at.
public enum AttachmentText {
    public enum Status: String, Sendable, Codable {
        case text
        /// A PDF whose pages are pictures (a scan), or an image.
        case noTextLayer
        /// DOC/XLS (binary Office formats) are not read.
        case unsupported
        /// `pdftotext` is not installed.
        case toolMissing
        case failed

        /// What the staff page says about the file.
        public var note: String? {
            switch self {
            case .text: nil
            case .noTextLayer: "无文字层（扫描件或图片），不能全文检索，保密审查请人工核对"
            case .unsupported: "旧版 Office 格式（DOC/XLS），未提取文字，不能全文检索；建议另存为 DOCX/XLSX 或 PDF"
            case .toolMissing: "服务器未安装 pdftotext（Debian 软件包 poppler-utils），未提取文字；安装后重新上传即可检索"
            case .failed: "文件无法读取（可能已加密或损坏），未提取文字"
            }
        }
    }

    public struct Extracted: Equatable, Sendable {
        public let status: Status
        public let text: String
    }

    /// At most this much text is kept per attachment (a statistical yearbook runs to millions of characters).
    public static let limit = 500_000

    public static func extract(_ bytes: [UInt8], kind: AttachmentKind, pdftotext: String? = findPdftotext()) -> Extracted {
        switch kind {
        case .pdf:
            guard let pdftotext else { return Extracted(status: .toolMissing, text: "") }
            return pdf(bytes, tool: pdftotext)
        case .docx:
            // Unpacked once: the body's paragraphs and tables from its document part, the rest below.
            guard let package = try? OfficePackage(bytes), let body = package.data("word/document.xml"),
                let content = try? DOCXReader.read(documentXML: body)
            else {
                return Extracted(status: .failed, text: "")
            }
            // Headers, footers, notes, comments, tracked deletions and field codes are in the file a
            // citizen downloads too: the 保密审查 scan must see a phone number in a header or an ID
            // number deleted with 修订 still on.
            let stories = DOCXRedactor.storyPaths(package)
            let others = stories.filter { $0 != "word/document.xml" }.flatMap { WordXML.paragraphTexts(in: package.text($0) ?? "") }
            let hidden = stories.flatMap { WordXML.paragraphTexts(in: package.text($0) ?? "", names: WordXML.hiddenTextNames) }
            return found(content.paragraphs + content.tables.flatMap { $0.map { $0.joined(separator: "\t") } } + others + hidden)
        case .xlsx:
            guard let lines = workbookLines(bytes) else { return Extracted(status: .failed, text: "") }
            return found(lines)
        case .doc, .xls: return Extracted(status: .unsupported, text: "")
        case .png, .jpeg, .gif: return Extracted(status: .noTextLayer, text: "")
        }
    }

    static func found(_ lines: [String]) -> Extracted {
        let text = String(lines.filter { !$0.isEmpty }.joined(separator: "\n").prefix(limit))
        return Extracted(status: text.contains(where: { !$0.isWhitespace }) ? .text : .noTextLayer, text: text)
    }

    public static func findPdftotext() -> String? {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: folder + "/pdftotext") {
            return folder + "/pdftotext"
        }
        return nil
    }

    /// `pdftotext -q -enc UTF-8 file -` with a 30-second limit; an encrypted or broken PDF fails.
    static func pdf(_ bytes: [UInt8], tool: String) -> Extracted {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("disclosure-pdf-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: input) }
        guard (try? Data(bytes).write(to: input)) != nil else { return Extracted(status: .failed, text: "") }
        guard let data = PDFTools.run(tool, ["-q", "-enc", "UTF-8", input.path, "-"], seconds: 30) else {
            return Extracted(status: .failed, text: "")
        }
        return found(String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// Every sheet's rows (at most 50 sheets), a line per row with tabs between cells; nil when the
    /// file is not a readable workbook.
    static func workbookLines(_ bytes: [UInt8]) -> [String]? {
        var lines: [String] = []
        for sheet in 0..<50 {
            guard let rows = try? XLSXReader.rows(bytes, sheet: sheet) else { return sheet == 0 ? nil : lines }
            lines += rows.map { $0.joined(separator: "\t") }
        }
        return lines
    }
}
