import DisclosureCore
import Foundation

/// Redaction of a Word file by span (issue 23 §2): the document's paragraphs and tables are read
/// in order, each chosen text is replaced by 「［已遮盖：ground］」 and a new DOCX is written from
/// the result alone — so tracked changes, comments, metadata, headers, embedded objects and
/// pictures of the original, any of which may hold the redacted text, never reach the copy.
public enum DOCXRedactor {
    public struct Proposal: Equatable, Sendable {
        public let kind: PersonalDataScan.Kind
        public let masked: String
        /// The text itself, kept on the server: the form posts the proposal's place, never the value.
        let text: String
    }

    static func content(_ bytes: [UInt8]) throws -> DOCXReader.Content {
        guard let content = try? DOCXReader.read(Data(bytes)) else {
            throw DomainError.invalid("file", "该 Word 文件无法读取（可能已加密或已损坏），不能遮盖；请提供未加密的 DOCX 文件")
        }
        return content
    }

    /// The distinct personal data in the document, in the order it first stands.
    public static func proposals(_ bytes: [UInt8]) throws -> [Proposal] {
        let content = try content(bytes)
        let texts = content.paragraphs + content.tables.flatMap { $0.flatMap { $0 } }
        var seen: Set<String> = []
        return texts.flatMap(PersonalDataScan.hits(in:)).compactMap { hit in
            seen.insert(hit.text).inserted ? Proposal(kind: hit.kind, masked: hit.masked, text: hit.text) : nil
        }
    }

    /// The redacted copy, and how often each span was replaced.
    public static func redact(_ bytes: [UInt8], spans: [RedactionSpan]) throws -> (bytes: [UInt8], counts: [Int]) {
        let content = try content(bytes)
        // Longest first, so a span inside another is not cut out of it first.
        let ordered = spans.indices.sorted { spans[$0].text.count > spans[$1].text.count }
        var counts = [Int](repeating: 0, count: spans.count)
        func redacted(_ text: String) -> String {
            var text = text
            for index in ordered {
                let pieces = text.components(separatedBy: spans[index].text)
                counts[index] += pieces.count - 1
                text = pieces.joined(separator: spans[index].replacement)
            }
            return text
        }
        var blocks: [DOCXDocument.Block] = []
        for part in content.order {
            switch part {
            case .paragraph(let index): blocks.append(.unindented(redacted(content.paragraphs[index])))
            case .table(let index):
                let rows = content.tables[index].map { $0.map { ReportGrid.Cell(redacted($0), isLabel: false) } }
                let columns = rows.map(\.count).max() ?? 0
                guard columns > 0 else { continue }
                let padded = rows.map { $0 + Array(repeating: ReportGrid.Cell(""), count: columns - $0.count) }
                blocks.append(.table(ReportGrid(title: "", columnCount: columns, headerRows: 0, rows: padded)))
            }
        }
        return (Array(try DOCXDocument.write(blocks)), counts)
    }
}
