import DisclosureCore
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the first worksheet of an .xlsx file as rows of text, with row numbers kept (a blank
/// spreadsheet row stays an empty row), so an error report's "第 N 行" matches what the clerk sees.
public enum XLSXReader {
    /// Refuses archives that would expand beyond this, so a crafted file cannot exhaust memory.
    static let maxExpandedBytes = 64 * 1024 * 1024

    /// The rows of worksheet `sheet` (0 is the first in the workbook's order).
    public static func rows(_ bytes: [UInt8], sheet sheetIndex: Int = 0) throws -> [[String]] {
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw DomainError.invalid("file", "无法读取 XLSX 文件：文件已损坏或不是 Excel/WPS 表格")
        }
        var expanded = 0
        func read(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            expanded += Int(entry.uncompressedSize)
            guard expanded <= maxExpandedBytes else { throw DomainError.invalid("file", "XLSX 文件解压后过大") }
            var data = Data()
            do { _ = try archive.extract(entry) { data.append($0) } } catch {
                throw DomainError.invalid("file", "无法读取 XLSX 文件中的 \(path)")
            }
            return data
        }
        let sheetPath = try sheetPath(sheetIndex, workbook: read("xl/workbook.xml"), relations: read("xl/_rels/workbook.xml.rels"))
        guard let sheet = try read(sheetPath) else { throw DomainError.invalid("file", "XLSX 文件中没有工作表") }
        let shared = try read("xl/sharedStrings.xml").map(SharedStringsHandler.parse) ?? []
        return try SheetHandler.parse(sheet, shared: shared)
    }

    /// The part of the workbook's nth sheet, from workbook.xml and its relationships.
    static func sheetPath(_ index: Int, workbook: Data?, relations: Data?) throws -> String {
        let fallback = "xl/worksheets/sheet\(index + 1).xml"
        guard let workbook, let relations else { return fallback }
        let sheets = AttributeCollector.collect("sheet", in: workbook)
        let targets = AttributeCollector.pairs(element: "Relationship", key: "Id", value: "Target", in: relations)
        guard sheets.indices.contains(index), let id = sheets[index]["r:id"], let target = targets[id] else { return fallback }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }
}

/// Collects attributes of named elements (workbook.xml, relationships).
final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
    }

    static func collect(_ element: String, in data: Data) -> [[String: String]] {
        let handler = AttributeCollector(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = handler
        _ = parser.parse()
        return handler.found
    }

    static func pairs(element: String, key: String, value: String, in data: Data) -> [String: String] {
        var result: [String: String] = [:]
        for attributes in collect(element, in: data) { if let k = attributes[key], let v = attributes[value] { result[k] = v } }
        return result
    }
}

/// sharedStrings.xml: each <si> is one string, its <t> runs joined; phonetic runs (<rPh>) skipped.
final class SharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }

    static func parse(_ data: Data) throws -> [String] {
        let handler = SharedStringsHandler()
        let parser = XMLParser(data: data)
        parser.delegate = handler
        guard parser.parse() else { throw DomainError.invalid("file", "XLSX 文件的共享字符串表已损坏") }
        return handler.strings
    }
}

/// A worksheet's <sheetData>: cells placed by their reference ("C7"), text from shared strings,
/// inline strings, or the raw value.
final class SheetHandler: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [Int: [Int: String]] = [:]
    var rowNumber = 0
    var column = 0
    var type = ""
    var value = ""
    var capture = false
    var problem: String?

    init(shared: [String]) { self.shared = shared }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            column = 0
        case "c":
            if let reference = attributes["r"], let parsed = Self.column(of: reference) { column = parsed } else { column += 1 }
            type = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            capture = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": capture = false
        case "c":
            var text = value
            if type == "s" {
                guard let index = Int(value), shared.indices.contains(index) else {
                    problem = "第 \(rowNumber) 行的单元格引用了不存在的字符串"
                    return
                }
                text = shared[index]
            } else if type == "b" {
                text = value == "1" ? "TRUE" : "FALSE"
            }
            guard rowNumber > 0, rowNumber <= 100_000, column > 0, column <= 200 else { return }
            if !text.isEmpty { rows[rowNumber, default: [:]][column] = text }
        default: break
        }
    }

    /// "AB12" → 28.
    static func column(of reference: String) -> Int? {
        var number = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            number = number * 26 + Int(scalar.value - 64)
        }
        return number == 0 ? nil : number
    }

    static func parse(_ data: Data, shared: [String]) throws -> [[String]] {
        let handler = SheetHandler(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = handler
        guard parser.parse() else { throw DomainError.invalid("file", "XLSX 文件的工作表已损坏") }
        if let problem = handler.problem { throw DomainError.invalid("file", problem) }
        guard let last = handler.rows.keys.max() else { return [] }
        return (1...last).map { number in
            guard let cells = handler.rows[number], let width = cells.keys.max() else { return [] }
            return (1...width).map { cells[$0] ?? "" }
        }
    }
}
