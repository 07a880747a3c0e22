import Foundation

/// A highlighted excerpt around the first place a query term occurs; templates escape each part
/// and wrap the highlighted ones in `<mark>`.
public struct SnippetPart: Equatable, Sendable {
    public let text: String
    public let highlighted: Bool

    public init(_ text: String, highlighted: Bool) {
        self.text = text
        self.highlighted = highlighted
    }
}

public enum Snippet {
    public static func make(_ text: String, terms: [String], radius: Int = 60) -> [SnippetPart] {
        let characters = Array(text.replacingOccurrences(of: "\n", with: " "))
        let lowered = characters.map { Character($0.lowercased()) }
        let needles = terms.map { Array($0.lowercased()) }.filter { !$0.isEmpty }
        var first: Int?
        for needle in needles {
            if let index = find(needle, in: lowered, from: 0), first == nil || index < first! { first = index }
        }
        let start = max(0, (first ?? 0) - radius / 3)
        let end = min(characters.count, start + radius * 2)
        guard start < end else { return [] }
        var parts: [SnippetPart] = []
        if start > 0 { parts.append(SnippetPart("…", highlighted: false)) }
        var position = start
        var plain = ""
        while position < end {
            if let needle = needles.first(where: { position + $0.count <= end && Array(lowered[position..<position + $0.count]) == $0 }) {
                if !plain.isEmpty { parts.append(SnippetPart(plain, highlighted: false)) }
                plain = ""
                parts.append(SnippetPart(String(characters[position..<position + needle.count]), highlighted: true))
                position += needle.count
            } else {
                plain.append(characters[position])
                position += 1
            }
        }
        if !plain.isEmpty { parts.append(SnippetPart(plain, highlighted: false)) }
        if end < characters.count { parts.append(SnippetPart("…", highlighted: false)) }
        return parts
    }

    static func find(_ needle: [Character], in haystack: [Character], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}
