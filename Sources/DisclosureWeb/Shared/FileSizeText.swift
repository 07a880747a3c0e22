import Foundation

/// A file's size as a list shows it: 「12 KB」, 「1.5 MB」.
enum FileSizeText {
    static func text(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, (bytes + 1023) / 1024)) KB"
    }
}
