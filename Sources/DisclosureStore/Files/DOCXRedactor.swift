import DisclosureCore
import Foundation

/// Redaction of a Word file by span (issue 23 §2), in the file itself: each chosen text becomes
/// 「［已遮盖：ground］」 in the runs that held it, so the applicant receives the document as it
/// was laid out — styles, tables, headers, pictures — less what is withheld. What could still
/// carry a withheld text or the author's traces goes: tracked deletions and moves (revisions are
/// accepted), comments, document properties, the thumbnail, document variables and the attached
/// template's path. Pictures and embedded objects stay unless the clerk withholds them on a
/// ground, since text search cannot see inside a picture. A text that survives anywhere in the
/// package's XML afterwards — an attribute, a field code, a hyperlink — is replaced there too,
/// and the copy is refused if any is still found.
public enum DOCXRedactor {
    public struct Proposal: Equatable, Sendable {
        public let kind: PersonalDataScan.Kind
        public let masked: String
        /// The text itself, kept on the server: the form posts the proposal's place, never the value.
        let text: String
    }

    /// The redacted copy; `counts[i]` is how often `spans[i]` stood in the text; `pictures` how
    /// many pictures and embedded objects were withheld.
    public struct Redacted: Sendable {
        public let bytes: [UInt8]
        public let counts: [Int]
        public let pictures: Int
    }

    /// What a clerk sees before choosing: the distinct personal data in the order it first
    /// stands, and how many pictures and embedded objects the file holds.
    public struct Inspection: Sendable {
        public let proposals: [Proposal]
        public let pictures: Int
    }

    public static func inspect(_ bytes: [UInt8]) throws -> Inspection {
        let package = try OfficePackage(bytes)
        let stories = storyPaths(package).compactMap(package.text)
        var seen: Set<String> = []
        let proposals = stories.flatMap { WordXML.paragraphTexts(in: $0) }.flatMap(PersonalDataScan.hits(in:))
            .compactMap { hit in seen.insert(hit.text).inserted ? Proposal(kind: hit.kind, masked: hit.masked, text: hit.text) : nil }
        let pictures = stories.map { pictureElements(in: $0).count }.reduce(0, +)
        return Inspection(proposals: proposals, pictures: pictures)
    }

    public static func redact(_ bytes: [UInt8], spans: [RedactionSpan], withholdingPictures ground: RedactionGround?) throws -> Redacted {
        var package = try OfficePackage(bytes)
        var counts = [Int](repeating: 0, count: spans.count)
        var pictures = 0
        package.remove(Set(package.paths.filter(isTracePart)))
        if ground != nil { package.remove(Set(package.paths.filter { $0.hasPrefix("word/media/") || $0.hasPrefix("word/embeddings/") })) }
        package.removeRelationships { $0.contains("/attachedTemplate\"") }
        for path in storyPaths(package) {
            guard var xml = package.text(path) else { continue }
            xml = withoutRevisionsAndComments(xml)
            if let ground {
                let found = pictureElements(in: xml)
                pictures += found.count
                let stand = "<w:t>\(XMLText.escaped("［图片已遮盖：\(ground.label)］"))</w:t>"
                xml = WordXML.applying(found.map { ($0, stand) }, to: xml)
            }
            package.setText(path, WordXML.redactingText(xml, spans: spans, counts: &counts))
        }
        if var settings = package.text("word/settings.xml") {
            for range in WordXML.elements("w:docVars", in: settings).reversed() + WordXML.elements("w:attachedTemplate", in: settings).reversed() {
                settings.removeSubrange(range)
            }
            package.setText("word/settings.xml", settings)
        }
        if package.text("docProps/core.xml") != nil { package.setText("docProps/core.xml", emptyCoreProperties) }
        if package.text("docProps/app.xml") != nil { package.setText("docProps/app.xml", emptyAppProperties) }
        // Anywhere else in the XML — alternative text, a field code, a hyperlink's address.
        let pairs = spans.sorted { $0.text.count > $1.text.count }.map { (needle: $0.text, replacement: $0.replacement) }
        for path in package.xmlPaths {
            guard let xml = package.text(path) else { continue }
            package.setText(path, WordXML.replacingContent(xml, pairs))
        }
        try verify(package, spans: spans)
        return Redacted(bytes: try package.archived(), counts: counts, pictures: pictures)
    }

    /// Fails closed: no withheld text in any paragraph or anywhere in the XML, no deleted text.
    static func verify(_ package: OfficePackage, spans: [RedactionSpan]) throws {
        // A replacement stands for nothing: a mark no span can contain takes its place, so a
        // span inside a replacement (「隐私」) is not mistaken for one left over.
        let marks = Set(spans.map(\.replacement)).map { (needle: $0, replacement: "\u{FFFC}") }
        for path in package.xmlPaths {
            let xml = WordXML.replacingContent(package.text(path) ?? "", marks)
            let content = WordXML.contentRanges(in: xml).map { WordXML.unescaped(String(xml[$0])) }
            let texts = WordXML.paragraphTexts(in: xml)
            for span in spans where (content + texts).contains(where: { $0.contains(span.text) }) {
                throw DomainError.invalid(
                    "file", "「\(span.what.isEmpty ? "所选文字" : span.what)」在该 Word 文件中的写法无法可靠遮盖，请将文件另存为 PDF 后按区域遮盖")
            }
            if xml.contains("<w:delText") { throw DomainError.invalid("file", "该 Word 文件的修订记录无法清除，请接受全部修订后再上传") }
        }
    }

    /// The parts that hold the document's text: body, headers, footers, notes, text in charts
    /// and SmartArt; not the relationships.
    static func storyPaths(_ package: OfficePackage) -> [String] {
        package.xmlPaths.filter { $0.hasPrefix("word/") && $0.hasSuffix(".xml") && !$0.contains("/_rels/") }.sorted {
            ($0 == "word/document.xml" ? 0 : 1, $0) < ($1 == "word/document.xml" ? 0 : 1, $1)
        }
    }

    /// Parts that record who wrote what, or what was said about it: never part of the copy.
    static func isTracePart(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (path.hasPrefix("word/") && (name.hasPrefix("comments") || name == "people.xml"))
            || path == "docProps/custom.xml" || path.hasPrefix("docProps/thumbnail")
    }

    /// Pictures (DrawingML with an image, VML image data) and embedded objects.
    static func pictureElements(in xml: String) -> [Range<String.Index>] {
        let drawings = WordXML.elements("w:drawing", in: xml).filter {
            let text = xml[$0]
            return text.contains("r:embed=") || text.contains("r:link=")
        }
        let vml = WordXML.elements("w:pict", in: xml).filter { xml[$0].contains("v:imagedata") }
        return (drawings + vml + WordXML.elements("w:object", in: xml)).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Accepts every revision: deleted and moved-away text goes, inserted text stays without its
    /// author and date; formatting changes and comment anchors go.
    static func withoutRevisionsAndComments(_ xml: String) -> String {
        var xml = xml
        for name in [
            "w:del", "w:moveFrom", "w:rPrChange", "w:pPrChange", "w:sectPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange",
            "w:tblGridChange", "w:numberingChange", "w:moveFromRangeStart", "w:moveFromRangeEnd", "w:moveToRangeStart", "w:moveToRangeEnd",
            "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference",
        ] {
            xml = WordXML.applying(WordXML.elements(name, in: xml).map { ($0, "") }, to: xml)
        }
        // An insertion's wrapper goes, its runs stay.
        for name in ["w:ins", "w:moveTo"] { xml = WordXML.unwrapping(name, in: xml) }
        return xml
    }

    static let emptyCoreProperties =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"/>"

    static let emptyAppProperties =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"/>"
}
