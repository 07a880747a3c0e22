import DisclosureCore

/// WordprocessingML text as redaction reads it: each paragraph's text nodes (`w:t` in Word's own
/// paragraphs, `a:t` in the DrawingML of SmartArt and charts) in order, wherever they stand in the
/// XML. A piece of text split over several runs — Word splits at every change of formatting, spell
/// check or revision — is found across them, and rewritten in the runs that hold it, so the
/// formatting of everything around it is kept.
enum WordXML {
    /// One text node: where its content stands in the XML and what it says.
    struct TextNode {
        let range: Range<String.Index>
        let text: String
    }

    static let paragraphNames: Set<Substring> = ["w:p", "/w:p", "a:p", "/a:p"]
    static let textNames: Set<Substring> = ["w:t", "a:t"]

    /// What Word keeps but does not show as text: deleted revisions and field codes (a mailto link's
    /// address). A published file carries them, so the personal-data scan must read them.
    static let hiddenTextNames: Set<Substring> = ["w:delText", "w:instrText"]

    /// The text nodes of `xml`, one list per paragraph (a paragraph nested in a text box is its own).
    static func paragraphs(in xml: String, names: Set<Substring> = textNames) -> [[TextNode]] {
        var groups: [[TextNode]] = []
        var current: [TextNode] = []
        func flush() {
            if !current.isEmpty { groups.append(current) }
            current = []
        }
        var index = xml.startIndex
        while let open = xml[index...].firstIndex(of: "<"), let close = xml[open...].firstIndex(of: ">") {
            let tag = xml[open...close]
            let name = tagName(tag)
            index = xml.index(after: close)
            if paragraphNames.contains(name) {
                flush()
            } else if names.contains(name), !tag.hasSuffix("/>") {
                guard let end = xml[index...].range(of: "</\(name)>") else { break }
                current.append(TextNode(range: index..<end.lowerBound, text: unescaped(String(xml[index..<end.lowerBound]))))
                index = end.upperBound
            }
        }
        flush()
        return groups
    }

    /// Each paragraph's text, as the personal-data scan and a clerk's typed span see it.
    static func paragraphTexts(in xml: String, names: Set<Substring> = textNames) -> [String] {
        paragraphs(in: xml, names: names).map { $0.map(\.text).joined() }.filter { !$0.isEmpty }
    }

    /// `xml` with every occurrence of each span in a paragraph's text replaced (longest span
    /// first, so one inside another is not cut out of it first). The replacement goes into the
    /// node where the occurrence begins; its other characters leave the nodes that held them.
    /// `counts[i]` grows by the occurrences of `spans[i]`.
    static func redactingText(_ xml: String, spans: [RedactionSpan], counts: inout [Int]) -> String {
        let order = spans.indices.sorted { spans[$0].text.count > spans[$1].text.count }
        let needles = spans.map { Array($0.text) }
        var edits: [(range: Range<String.Index>, text: String)] = []
        for nodes in paragraphs(in: xml) {
            var characters: [Character] = []
            var owner: [Int] = []
            for (number, node) in nodes.enumerated() {
                characters += node.text
                owner += Array(repeating: number, count: node.text.count)
            }
            // The span each character is withheld for, and where each occurrence begins.
            var withheld = [Int?](repeating: nil, count: characters.count)
            var begins = [Bool](repeating: false, count: characters.count)
            for span in order {
                let needle = needles[span]
                guard !needle.isEmpty, needle.count <= characters.count else { continue }
                var at = 0
                while at + needle.count <= characters.count {
                    if characters[at] == needle[0], withheld[at..<at + needle.count].allSatisfy({ $0 == nil }),
                        characters[at..<at + needle.count].elementsEqual(needle)
                    {
                        for offset in at..<at + needle.count { withheld[offset] = span }
                        begins[at] = true
                        counts[span] += 1
                        at += needle.count
                    } else {
                        at += 1
                    }
                }
            }
            guard withheld.contains(where: { $0 != nil }) else { continue }
            var texts = [String](repeating: "", count: nodes.count)
            for offset in characters.indices {
                if let span = withheld[offset] {
                    if begins[offset] { texts[owner[offset]] += spans[span].replacement }
                } else {
                    texts[owner[offset]].append(characters[offset])
                }
            }
            for (number, node) in nodes.enumerated() where texts[number] != node.text {
                edits.append((node.range, XMLText.escaped(texts[number])))
            }
        }
        return applying(edits, to: xml)
    }

    /// The ranges of each outermost `name` element (nested ones of the same name inside it).
    static func elements(_ name: String, in xml: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var depth = 0
        var start = xml.startIndex
        var index = xml.startIndex
        let closing = "</\(name)>"
        while let open = xml[index...].firstIndex(of: "<"), let close = xml[open...].firstIndex(of: ">") {
            let tag = xml[open...close]
            index = xml.index(after: close)
            if tagName(tag) == name {
                if tag.hasSuffix("/>") {
                    if depth == 0 { result.append(open..<index) }
                } else {
                    if depth == 0 { start = open }
                    depth += 1
                }
            } else if tag == closing, depth > 0 {
                depth -= 1
                if depth == 0 { result.append(start..<index) }
            }
        }
        return result
    }

    /// Where `xml` holds character data: text between tags and attribute values, never a tag's or
    /// an attribute's name, so a replacement there cannot break the XML.
    static func contentRanges(in xml: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = xml.startIndex
        while index < xml.endIndex {
            guard let open = xml[index...].firstIndex(of: "<") else {
                ranges.append(index..<xml.endIndex)
                break
            }
            if open > index { ranges.append(index..<open) }
            // Inside the tag: only quoted values; a '>' inside quotes does not end it.
            var cursor = xml.index(after: open)
            var quote: Character?
            var valueStart = cursor
            while cursor < xml.endIndex {
                let character = xml[cursor]
                if let open = quote {
                    if character == open {
                        ranges.append(valueStart..<cursor)
                        quote = nil
                    }
                } else if character == "\"" || character == "'" {
                    quote = character
                    valueStart = xml.index(after: cursor)
                } else if character == ">" {
                    break
                }
                cursor = xml.index(after: cursor)
            }
            index = cursor < xml.endIndex ? xml.index(after: cursor) : xml.endIndex
        }
        return ranges.filter { !$0.isEmpty }
    }

    /// `xml` with each escaped needle replaced by its escaped replacement wherever it holds
    /// character data.
    static func replacingContent(_ xml: String, _ pairs: [(needle: String, replacement: String)]) -> String {
        let escapedPairs = pairs.map { (XMLText.escaped($0.needle), XMLText.escaped($0.replacement)) }
        let edits = contentRanges(in: xml).compactMap { range -> (range: Range<String.Index>, text: String)? in
            var text = String(xml[range])
            for (needle, replacement) in escapedPairs where text.contains(needle) {
                text = text.replacingOccurrences(of: needle, with: replacement)
            }
            return text == xml[range] ? nil : (range, text)
        }
        return applying(edits, to: xml)
    }

    /// `xml` without the tags of each `name` element, its content kept (a self-closing one goes).
    static func unwrapping(_ name: String, in xml: String) -> String {
        var edits: [(range: Range<String.Index>, text: String)] = []
        var index = xml.startIndex
        while let open = xml[index...].firstIndex(of: "<"), let close = xml[open...].firstIndex(of: ">") {
            let tag = xml[open...close]
            index = xml.index(after: close)
            let tagName = tagName(tag)
            if tagName == name || tagName == "/" + name { edits.append((open..<index, "")) }
        }
        return applying(edits, to: xml)
    }

    /// `xml` with each range replaced; the ranges must not overlap.
    static func applying(_ edits: [(range: Range<String.Index>, text: String)], to xml: String) -> String {
        guard !edits.isEmpty else { return xml }
        var result = ""
        var index = xml.startIndex
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where edit.range.lowerBound >= index {
            result += xml[index..<edit.range.lowerBound]
            result += edit.text
            index = edit.range.upperBound
        }
        return result + xml[index...]
    }

    /// `w:t` from `<w:t xml:space="preserve">`, `/w:p` from `</w:p>`.
    static func tagName(_ tag: Substring) -> Substring {
        let afterBracket = tag.dropFirst()
        let closing = afterBracket.first == "/"
        let name = (closing ? afterBracket.dropFirst() : afterBracket).prefix { !" \t\r\n/>".contains($0) }
        return closing ? afterBracket[afterBracket.startIndex..<name.endIndex] : name
    }

    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                result += rest[amp...]
                return result
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let number =
                    entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += rest[amp...semicolon]
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
