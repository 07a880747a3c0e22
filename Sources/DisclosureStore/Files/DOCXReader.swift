import DisclosureCore
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads back what a .docx says: its paragraphs outside tables and each table as rows of cell
/// texts (a vMerge continuation reads as an empty cell, as Word shows it). Used to prove the
/// annual report's Word file carries the same figures as the JSON.
public enum DOCXReader {
    public struct Content: Equatable, Sendable {
        public var paragraphs: [String]
        public var tables: [[[String]]]
        /// The body's paragraphs and top-level tables in document order (indices into the two lists).
        public var order: [Part] = []
    }

    public enum Part: Equatable, Sendable {
        case paragraph(Int)
        case table(Int)
    }

    public static func read(_ data: Data) throws -> Content {
        guard let archive = try? Archive(data: data, accessMode: .read), let entry = archive["word/document.xml"] else {
            throw DomainError.invalid("file", "无法读取 DOCX 文件")
        }
        guard entry.uncompressedSize <= 64 * 1024 * 1024 else { throw DomainError.invalid("file", "DOCX 文件解压后过大") }
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        return try read(documentXML: xml)
    }

    /// The same from `word/document.xml` already unpacked.
    static func read(documentXML xml: Data) throws -> Content {
        let handler = DocumentHandler()
        let parser = XMLParser(data: xml)
        parser.delegate = handler
        guard parser.parse() else { throw DomainError.invalid("file", "DOCX 文件中的 document.xml 无法解析") }
        return Content(paragraphs: handler.paragraphs, tables: handler.tables, order: handler.order)
    }
}

final class DocumentHandler: NSObject, XMLParserDelegate {
    var paragraphs: [String] = []
    var tables: [[[String]]] = []
    var order: [DOCXReader.Part] = []
    var depth = 0
    var row: [String]?
    var cell: String?
    var paragraph = ""
    var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "w:tbl":
            depth += 1
            tables.append([])
            if depth == 1 { order.append(.table(tables.count - 1)) }
        case "w:tr": row = []
        case "w:tc": cell = ""
        case "w:p": paragraph = ""
        case "w:t": inText = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        if cell != nil { cell! += string } else { paragraph += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:tc":
            row?.append(cell ?? "")
            cell = nil
        case "w:tr":
            if let row, !tables.isEmpty { tables[tables.count - 1].append(row) }
            row = nil
        case "w:tbl": depth -= 1
        case "w:p":
            if depth == 0, !paragraph.isEmpty {
                order.append(.paragraph(paragraphs.count))
                paragraphs.append(paragraph)
            }
        default: break
        }
    }
}
