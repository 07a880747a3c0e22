import Foundation
import Testing

/// Rendered pages compared with committed files (issue 19): a change to a page's HTML fails the
/// test until the new rendering is recorded and reviewed in the diff.
///
/// Record or update with `DISCLOSURE_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests`;
/// the files live in `Tests/DisclosureWebTests/Snapshots/__Snapshots__/`.
enum HTMLSnapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots/__Snapshots__")

    static var recording: Bool { ProcessInfo.processInfo.environment["DISCLOSURE_RECORD_SNAPSHOTS"] == "1" }

    /// What differs per run and not per code: CSRF and form tokens and the 查询码 drawn at random.
    static func normalized(_ html: String) -> String {
        var text = html
        for (pattern, replacement) in [
            (#"name="_csrf" value="[^"]*""#, #"name="_csrf" value="…""#),
            (#"name="formToken" value="[^"]*""#, #"name="formToken" value="…""#),
            (#"查询码(</th><td>|：|:\s*)[A-Z0-9]{8}"#, "查询码$1XXXXXXXX"),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    static func check(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name + ".html")
        let actual = normalized(html)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record("没有快照 \(name).html：用 DISCLOSURE_RECORD_SNAPSHOTS=1 记录后审阅再提交", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
        let wanted = first < expectedLines.count ? String(expectedLines[first]) : "（文件结束）"
        let got = first < actualLines.count ? String(actualLines[first]) : "（文件结束）"
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.html")
        try? Data(actual.utf8).write(to: dump)
        Issue.record(
            "\(name).html 第 \(first + 1) 行不同\n快照：\(wanted.prefix(300))\n现在：\(got.prefix(300))\n全文：\(dump.path)", sourceLocation: sourceLocation)
    }
}
