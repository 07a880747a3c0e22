import DisclosureCore
import Foundation
import Testing
import ZIPFoundation

@testable import DisclosureStore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 23 §2: a Word file is redacted by span in place. The package below is shaped as Word
/// writes one: the ID number split over three runs (a bold one among them), a tracked deletion and
/// a comment that hold it too, a header with a phone number, a picture whose alternative text
/// names the person, a mailto hyperlink, the author in the properties and document variables.
@Suite("DOCX redaction in place: formatting and pictures kept, every copy of a withheld text gone")
struct DOCXRedactorTests {
    static let id = "11010519491231002X"
    static let phone = "13812345678"
    static let email = "zhangsan@example.com"

    static let namespaces =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#
        + #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#
        + #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#
        + #"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#

    static let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(namespaces)><w:body>\
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>补贴发放情况说明</w:t></w:r></w:p>\
        <w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">收款人身份证号 1101051949</w:t></w:r>\
        <w:r><w:rPr><w:b/></w:rPr><w:t>1231</w:t></w:r><w:r><w:t>002X，金额 1200 元 &amp; 补助。</w:t></w:r>\
        <w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>\
        <w:p><w:del w:id="1" w:author="张科员" w:date="2026-11-01T00:00:00Z"><w:r><w:delText>旧号码 \(id)</w:delText></w:r></w:del>\
        <w:ins w:id="2" w:author="张科员" w:date="2026-11-01T00:00:00Z"><w:r><w:t>已核对。</w:t></w:r></w:ins></w:p>\
        <w:p><w:hyperlink r:id="rId9"><w:r><w:t>联系经办人</w:t></w:r></w:hyperlink></w:p>\
        <w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片 1" descr="身份证 \(id)"/><a:graphic><a:graphicData>\
        <pic:pic><pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>身份证号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>\(id)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        <w:sectPr><w:headerReference w:type="default" r:id="rId6"/></w:sectPr></w:body></w:document>
        """

    static let parts: [(String, String)] = [
        (
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
                + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
                + #"<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>"#
                + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
                + #"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#
                + #"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#
                + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
                + "</Types>"
        ),
        (
            "_rels/.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
                + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
                + "</Relationships>"
        ),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#
                + #"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>"#
                + #"<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#
                + #"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:\#(email)" TargetMode="External"/>"#
                + "</Relationships>"
        ),
        (
            "word/comments.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><w:comments \#(namespaces)><w:comment w:id="0" w:author="张科员"><w:p><w:r><w:t>核对 \#(id)</w:t></w:r></w:p></w:comment></w:comments>"#
        ),
        (
            "word/header1.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><w:hdr \#(namespaces)><w:p><w:r><w:t>经办人电话 \#(phone)</w:t></w:r></w:p></w:hdr>"#
        ),
        (
            "word/settings.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><w:settings \#(namespaces)><w:docVars><w:docVar w:name="who" w:val="张三"/></w:docVars><w:zoom w:percent="100"/></w:settings>"#
        ),
        (
            "word/styles.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><w:styles \#(namespaces)><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>"#
        ),
        (
            "docProps/core.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>张科员</dc:creator><dc:title>\#(id)</dc:title></cp:coreProperties>"#
        ),
    ]

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]

    static func package() throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts { try add(archive, path, Data(text.utf8)) }
        try add(archive, "word/media/image1.png", Data(png))
        return Array(try #require(archive.data))
    }

    static func add(_ archive: Archive, _ path: String, _ data: Data) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }

    static func unpacked(_ bytes: [UInt8]) throws -> [String: Data] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            result[entry.path] = data
        }
        return result
    }

    static let spans = [
        RedactionSpan(text: id, ground: .personalPrivacy, what: "居民身份证号"),
        RedactionSpan(text: phone, ground: .personalPrivacy, what: "手机号码"),
        RedactionSpan(text: email, ground: .personalPrivacy, what: "电子邮箱"),
    ]

    @Test("what the scan proposes: the number split over runs, the header's phone; one picture")
    func inspection() throws {
        let inspection = try DOCXRedactor.inspect(try Self.package())
        #expect(Set(inspection.proposals.map(\.text)) == [Self.id, Self.phone])
        #expect(inspection.pictures == 1)
        // The text the 保密审查 scan and search read holds the header and the comment too.
        let text = AttachmentText.extract(try Self.package(), kind: .docx).text
        #expect(text.contains("经办人电话 \(Self.phone)") && text.contains("核对 \(Self.id)") && text.contains("补贴发放情况说明"))
        #expect(text.contains("旧号码 \(Self.id)"))
    }

    @Test("pictures kept: every copy of the withheld texts is gone, the runs' formatting, the styles and the picture stay, the XML parses")
    func keepsLayout() throws {
        let redacted = try DOCXRedactor.redact(try Self.package(), spans: Self.spans, withholdingPictures: nil)
        // Visible text: the body twice (split over runs, and the table), the header once. The
        // deletion, the comment, the properties, the alternative text and the link are not counted.
        #expect(redacted.counts == [2, 1, 0])
        #expect(redacted.pictures == 0)
        let parts = try Self.unpacked(redacted.bytes)
        for (path, data) in parts {
            let text = String(decoding: data, as: UTF8.self)
            for secret in [Self.id, Self.phone, Self.email, "1101051949", "张科员", "张三"] {
                #expect(!text.contains(secret), "\(path) still holds \(secret)")
            }
            if path.hasSuffix(".xml") || path.hasSuffix(".rels") { #expect(XMLParser(data: data).parse(), "\(path) is not well-formed") }
        }
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains(#"<w:t xml:space="preserve">收款人身份证号 ［已遮盖：个人隐私］</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t></w:t>"#))
        #expect(document.contains("<w:t>，金额 1200 元 &amp; 补助。</w:t>"))
        #expect(document.contains("<w:t>已核对。</w:t>") && !document.contains("w:ins") && !document.contains("w:del"))
        #expect(!document.contains("commentR") && document.contains(#"<a:blip r:embed="rId5"/>"#))
        #expect(parts["word/styles.xml"] == Data(Self.parts.first { $0.0 == "word/styles.xml" }!.1.utf8))
        #expect(parts["word/media/image1.png"] == Data(Self.png))
        #expect(parts["word/comments.xml"] == nil)
        let relationships = String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self)
        #expect(!relationships.contains("comments.xml") && relationships.contains("media/image1.png"))
        #expect(!String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self).contains("comments"))
        #expect(String(decoding: try #require(parts["word/settings.xml"]), as: UTF8.self).contains(#"<w:zoom w:percent="100"/>"#))
        let content = try DOCXReader.read(Data(redacted.bytes))
        #expect(content.paragraphs.first == "补贴发放情况说明" && content.tables.first?.first == ["身份证号", "［已遮盖：个人隐私］"])
    }

    @Test("pictures withheld on a ground: the picture becomes its label, its file and relationship go")
    func withholdsPictures() throws {
        let redacted = try DOCXRedactor.redact(try Self.package(), spans: [Self.spans[0]], withholdingPictures: .personalPrivacy)
        #expect(redacted.pictures == 1 && redacted.counts == [2])
        let parts = try Self.unpacked(redacted.bytes)
        #expect(parts["word/media/image1.png"] == nil)
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("<w:r><w:t>［图片已遮盖：个人隐私］</w:t></w:r>") && !document.contains("w:drawing"))
        #expect(!String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self).contains("media/"))
        for (path, data) in parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            #expect(XMLParser(data: data).parse(), "\(path) is not well-formed")
        }
    }

    @Test("a short Latin span cannot break the XML: names of tags and attributes are never replaced")
    func shortSpans() throws {
        let span = RedactionSpan(text: "val", ground: .personalPrivacy, what: "")
        let redacted = try DOCXRedactor.redact(try Self.package(), spans: [span], withholdingPictures: nil)
        #expect(redacted.counts == [0])
        for (path, data) in try Self.unpacked(redacted.bytes) where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            #expect(XMLParser(data: data).parse(), "\(path) is not well-formed")
        }
    }

    @Test("text nodes: entities read back, tag names, nested elements found whole")
    func reading() {
        #expect(WordXML.unescaped("A &amp; B &lt;1&gt; &#x4E2D;&#25991; &bogus;") == "A & B <1> 中文 &bogus;")
        #expect(XMLText.escaped("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
        #expect(WordXML.tagName(#"<w:t xml:space="preserve">"#) == "w:t" && WordXML.tagName("</w:p>") == "/w:p")
        #expect(WordXML.tagName("<w:tab/>") == "w:tab")
        let xml = "<w:drawing><x><w:drawing>inner</w:drawing></x></w:drawing><w:drawing/>"
        #expect(WordXML.elements("w:drawing", in: xml).map { String(xml[$0]) } == [String(xml.dropLast(12)), "<w:drawing/>"])
        let paragraphs = WordXML.paragraphTexts(in: "<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:t/><w:tab/><w:t>乙</w:t></w:r></w:p><w:p><a:t>丙</a:t></w:p>")
        #expect(paragraphs == ["甲乙", "丙"])
    }
}
