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

/// Works on Unicode scalars, not `Character`s: breaking a 1,000-character body into grapheme
/// clusters for each of twenty hits cost more than the search itself (issue 20).
public enum Snippet {
    public static func make(_ text: String, terms: [String], radius: Int = 60) -> [SnippetPart] {
        let scalars = Array(text.unicodeScalars)
        let lowered = scalars.map(lowercased)
        let needles = terms.map { Array($0.unicodeScalars.map(lowercased)) }.filter { !$0.isEmpty }
        var first: Int?
        for needle in needles {
            if let index = find(needle, in: lowered), first == nil || index < first! { first = index }
        }
        let start = max(0, (first ?? 0) - radius / 3)
        let end = min(scalars.count, start + radius * 2)
        guard start < end else { return [] }
        var parts: [SnippetPart] = []
        if start > 0 { parts.append(SnippetPart("…", highlighted: false)) }
        var position = start
        var plain = String.UnicodeScalarView()
        func flush() {
            if !plain.isEmpty { parts.append(SnippetPart(String(plain), highlighted: false)) }
            plain = String.UnicodeScalarView()
        }
        while position < end {
            if let needle = needles.first(where: { position + $0.count <= end && lowered[position..<(position + $0.count)].elementsEqual($0) }) {
                flush()
                parts.append(SnippetPart(String(String.UnicodeScalarView(scalars[position..<(position + needle.count)])), highlighted: true))
                position += needle.count
            } else {
                // Line breaks read as spaces inside an excerpt.
                plain.append(scalars[position] == "\n" ? " " : scalars[position])
                position += 1
            }
        }
        flush()
        if end < scalars.count { parts.append(SnippetPart("…", highlighted: false)) }
        return parts
    }

    /// ASCII and fullwidth letters fold to lowercase; Chinese (nearly every character here) has no
    /// case, so no other character pays for a Unicode property lookup.
    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x41...0x5A: return Unicode.Scalar(scalar.value + 0x20)!
        case 0x80..<0x2E80:
            guard scalar.properties.isUppercase, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first else { return scalar }
            return lower
        default: return scalar
        }
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
