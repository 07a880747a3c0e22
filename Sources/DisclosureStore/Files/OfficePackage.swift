import DisclosureCore
import Foundation
import ZIPFoundation

/// An Office Open XML package (a .docx) as its parts in archive order, for rewriting some parts
/// and dropping others while the rest — styles, numbering, pictures — pass through byte for byte.
/// Dropping a part also drops every relationship that points at it and its content-type override,
/// so Word opens the result without a repair prompt.
struct OfficePackage {
    struct Part {
        var path: String
        var data: Data
    }

    private(set) var parts: [Part]

    /// Unpacked, a package may hold at most this much: a zip bomb is refused, not inflated.
    static let maximumUnpackedBytes = 64 * 1024 * 1024

    init(_ bytes: [UInt8]) throws {
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read) else { throw Self.unreadable }
        var parts: [Part] = []
        var total = 0
        for entry in archive where entry.type == .file {
            total += Int(clamping: entry.uncompressedSize)
            guard total <= Self.maximumUnpackedBytes else { throw DomainError.invalid("file", "该 Word 文件解压后超过 64 MB，不能遮盖") }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    // The declared size may lie; the bytes actually inflated are what count.
                    guard data.count + chunk.count <= Self.maximumUnpackedBytes else { throw Self.unreadable }
                    data.append(chunk)
                }
            } catch {
                throw Self.unreadable
            }
            parts.append(Part(path: entry.path, data: data))
        }
        guard parts.contains(where: { $0.path == "word/document.xml" }) else { throw Self.unreadable }
        self.parts = parts
    }

    static let unreadable = DomainError.invalid("file", "该 Word 文件无法读取（可能已加密或已损坏），不能遮盖；请提供未加密的 DOCX 文件")

    var paths: [String] { parts.map(\.path) }

    func data(_ path: String) -> Data? { parts.first { $0.path == path }?.data }

    func text(_ path: String) -> String? {
        parts.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    mutating func setText(_ path: String, _ text: String) {
        guard let index = parts.firstIndex(where: { $0.path == path }) else { return }
        parts[index].data = Data(text.utf8)
    }

    /// The parts whose text is XML (the content, relationships and content types).
    var xmlPaths: [String] { paths.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") } }

    /// Drops `removed` and whatever refers to them by relationship or content type.
    mutating func remove(_ removed: Set<String>) {
        guard !removed.isEmpty else { return }
        parts.removeAll { removed.contains($0.path) }
        for path in paths where path.hasSuffix(".rels") {
            guard let text = text(path) else { continue }
            let base = Self.relationshipBase(of: path)
            let kept = Self.replacingElements("Relationship", in: text) { element in
                guard let target = Self.attribute("Target", in: element), !element.contains("TargetMode=\"External\"") else { return element }
                return removed.contains(Self.resolve(target, from: base)) ? "" : element
            }
            setText(path, kept)
        }
        if let types = text("[Content_Types].xml") {
            setText(
                "[Content_Types].xml",
                Self.replacingElements("Override", in: types) { element in
                    guard let name = Self.attribute("PartName", in: element) else { return element }
                    return removed.contains(String(name.drop { $0 == "/" })) ? "" : element
                })
        }
    }

    /// Drops the relationships `drop` chooses in every relationship part (external ones too).
    mutating func removeRelationships(where drop: (String) -> Bool) {
        for path in paths where path.hasSuffix(".rels") {
            guard let text = text(path) else { continue }
            setText(path, Self.replacingElements("Relationship", in: text) { drop($0) ? "" : $0 })
        }
    }

    func archived() throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = part.data
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
                compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw DomainError.invalid("file", "遮盖后的 Word 文件无法写出") }
        return Array(data)
    }

    /// `word/_rels/document.xml.rels` speaks of targets relative to `word/`.
    static func relationshipBase(of path: String) -> String {
        guard let range = path.range(of: "_rels/") else { return "" }
        return String(path[..<range.lowerBound])
    }

    static func resolve(_ target: String, from base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                _ = components.popLast()
            } else if piece != "." {
                components.append(String(piece))
            }
        }
        return components.joined(separator: "/")
    }

    /// Rewrites each empty element `<name …/>` (relationships and overrides are always empty).
    static func replacingElements(_ name: String, in text: String, _ rewrite: (String) -> String) -> String {
        var result = ""
        var rest = text[...]
        while let start = rest.range(of: "<\(name) "), let end = rest[start.upperBound...].range(of: "/>") {
            result += rest[..<start.lowerBound]
            result += rewrite(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    static func attribute(_ name: String, in element: String) -> String? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        guard let end = element[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return WordXML.unescaped(String(element[start.upperBound..<end]))
    }
}
