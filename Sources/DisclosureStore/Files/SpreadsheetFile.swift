import DisclosureCore
import Foundation

/// A table handed over as a file: CSV (UTF-8, with or without BOM) or XLSX, told apart by the
/// file's first bytes rather than its name.
public enum SpreadsheetFile {
    public static let maxBytes = 10 * 1024 * 1024

    public static func rows(_ bytes: [UInt8]) throws -> [[String]] {
        guard !bytes.isEmpty else { throw DomainError.invalid("file", "请上传 CSV 或 XLSX 文件") }
        guard bytes.count <= maxBytes else { throw DomainError.invalid("file", "文件不能超过 10 MB") }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.rows(bytes) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw DomainError.invalid("file", "不支持旧版 .xls 文件：请在 Excel/WPS 中另存为 .xlsx 或 CSV（UTF-8）")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DomainError.invalid("file", "CSV 文件不是 UTF-8 编码：请在 Excel/WPS 中另存为「CSV UTF-8」")
        }
        return try CSVText.parse(text)
    }
}
