/// The file types a document may carry (issue 3 §2: PDF, DOC/DOCX, XLS/XLSX, images), recognised
/// by their first bytes as well as their name, so a renamed executable is refused.
public enum AttachmentKind: String, CaseIterable, Sendable {
    case pdf, doc, docx, xls, xlsx, png, jpeg, gif

    public static let maxBytes = 20 << 20

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .doc: "application/msword"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xls: "application/vnd.ms-excel"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        }
    }

    /// Checks name, size and content together; the error names the field `file`.
    public static func detect(fileName: String, bytes: [UInt8]) throws -> AttachmentKind {
        guard !bytes.isEmpty else { throw DomainError.invalid("file", "附件为空") }
        guard bytes.count <= maxBytes else { throw DomainError.invalid("file", "附件不能超过 \(maxBytes >> 20) MB") }
        let name = fileName.lowercased()
        guard let dot = name.lastIndex(of: "."), let byName = extensionKind(String(name[name.index(after: dot)...])) else {
            throw DomainError.invalid("file", "附件类型只能是 PDF、DOC/DOCX、XLS/XLSX 或 PNG/JPEG/GIF 图片")
        }
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        let matches: Bool
        switch byName {
        case .pdf: matches = bytes.starts(with: Array("%PDF-".utf8))
        case .docx, .xlsx: matches = bytes.starts(with: zip)
        case .doc, .xls: matches = bytes.starts(with: ole)
        case .png: matches = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .jpeg: matches = bytes.starts(with: [0xFF, 0xD8, 0xFF])
        case .gif: matches = bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8))
        }
        guard matches else { throw DomainError.invalid("file", "附件内容与扩展名 .\(byName.rawValue) 不符") }
        return byName
    }

    static func extensionKind(_ ext: String) -> AttachmentKind? {
        switch ext {
        case "jpg", "jpeg": .jpeg
        default: AttachmentKind(rawValue: ext)
        }
    }

    /// A file name safe to store and to put in a header: no path, no control or quote characters.
    public static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "附件"
        let cleaned = String(last.unicodeScalars.filter { !PlainText.isControl($0) && $0 != "\"" && $0 != ";" }.map(Character.init))
        return String(cleaned.prefix(120)).isEmpty ? "附件" : String(cleaned.prefix(120))
    }
}
