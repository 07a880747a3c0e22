import DisclosureCore
import Foundation

/// Debian's poppler-utils as the redaction needs them: page sizes and word boxes from
/// `pdftotext -bbox-layout`, one page's pixels from `pdftoppm`. Optional at run time: without them
/// the console says what to install (issue 23 §2).
enum PDFTools {
    struct Word: Equatable {
        let text: String
        /// Points, origin at the page's lower left (PDF's own).
        let x: Double
        let y: Double
        let width: Double
        let height: Double
    }

    struct Page: Equatable {
        let width: Double
        let height: Double
        /// Words line by line.
        let lines: [[Word]]
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var missing: DomainError {
        DomainError(.conflict, field: "file", "服务器未安装 pdftotext / pdftoppm（Debian 软件包 poppler-utils），不能遮盖 PDF；请安装后重试")
    }

    /// Runs a tool with a time limit; its standard output, or nil when it failed.
    static func run(_ path: String, _ arguments: [String], seconds: Int = 60) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let collected = CollectedOutput()
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            collected.data = output.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        if finished.wait(timeout: .now() + .seconds(seconds)) == .timedOut {
            process.terminate()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? collected.data : nil
    }

    /// The page count `pdfinfo` reports; nil without the tool or for an unreadable file.
    static func pageCount(_ bytes: [UInt8]) -> Int? {
        guard let pdfinfo = tool("pdfinfo") else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("disclosure-info-\(UUID().uuidString).pdf")
        guard (try? Data(bytes).write(to: file)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        guard let data = run(pdfinfo, [file.path], seconds: 30) else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// Every page's size and words; nil for an encrypted, broken or non-PDF file.
    static func layout(of file: URL) throws -> [Page]? {
        guard let pdftotext = tool("pdftotext") else { throw missing }
        guard let data = run(pdftotext, ["-q", "-bbox-layout", "-enc", "UTF-8", file.path, "-"]) else { return nil }
        return BBoxLayout.parse(String(decoding: data, as: UTF8.self))
    }

    /// One page rendered at `dpi`.
    static func render(_ file: URL, page: Int, dpi: Int, size: (width: Double, height: Double)) throws -> RasterPage? {
        guard let pdftoppm = tool("pdftoppm") else { throw missing }
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("disclosure-page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix.appendingPathExtension("ppm")) }
        guard run(pdftoppm, ["-q", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", file.path, prefix.path]) != nil,
            let bytes = try? Data(contentsOf: prefix.appendingPathExtension("ppm"))
        else { return nil }
        return RasterPage(ppm: Array(bytes), pointWidth: size.width, pointHeight: size.height)
    }
}

/// The output a reader thread hands back once it signals.
final class CollectedOutput: @unchecked Sendable {
    var data = Data()
}

/// `pdftotext -bbox-layout`'s XHTML: `<page width= height=>`, `<line>`, `<word xMin= yMin= xMax= yMax=>`.
enum BBoxLayout {
    static func parse(_ xhtml: String) -> [PDFTools.Page] {
        var pages: [PDFTools.Page] = []
        var size: (Double, Double)?
        var lines: [[PDFTools.Word]] = []
        var line: [PDFTools.Word] = []
        var rest = Substring(xhtml)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("page ") {
                size = (attribute("width", in: tag) ?? 0, attribute("height", in: tag) ?? 0)
                lines = []
            } else if tag == "/page", let (width, height) = size {
                pages.append(PDFTools.Page(width: width, height: height, lines: lines))
                size = nil
            } else if tag.hasPrefix("line") && !tag.hasPrefix("line/") {
                line = []
            } else if tag == "/line" {
                if !line.isEmpty { lines.append(line) }
            } else if tag.hasPrefix("word "), let height = size?.1, let end = rest.firstIndex(of: "<"),
                let xMin = attribute("xMin", in: tag), let yMin = attribute("yMin", in: tag), let xMax = attribute("xMax", in: tag),
                let yMax = attribute("yMax", in: tag)
            {
                let text = unescape(String(rest[..<end]))
                line.append(PDFTools.Word(text: text, x: xMin, y: height - yMax, width: xMax - xMin, height: yMax - yMin))
            }
        }
        return pages
    }

    static func attribute(_ name: String, in tag: Substring) -> Double? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[range.upperBound...].prefix { $0 != "\"" }
        return Double(value)
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
