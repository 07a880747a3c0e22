import DisclosureCore
import Foundation

/// A 告知书 as a Word file the applicant or the clerk can print and keep: the title, the 文号
/// under it, the addressee without indent, the body, then the issuing agency and the date against
/// the right margin with room for the seal (GB/T 9704 layout on A4).
public enum LetterDocument {
    public static func docx(_ letter: IssuedLetter, unitName: String) throws -> Data {
        var blocks: [DOCXDocument.Block] = [.title(letter.title), .centred(letter.number)]
        for (index, paragraph) in PlainText.paragraphs(letter.body).enumerated() {
            // The first line of every template is 「{{申请人}}：」, the salutation.
            blocks.append(index == 0 && paragraph.hasSuffix("：") ? .unindented(paragraph) : .paragraph(paragraph))
        }
        blocks.append(.signature([unitName, letter.issuedOn.chineseText]))
        return try DOCXDocument.write(blocks)
    }

    /// 「示范县财政局政府信息公开申请受理回执-县财政局依申请公开告〔2026〕3号.docx」: the file says
    /// whose letter it is and which one.
    public static func fileName(_ letter: IssuedLetter, unitName: String) -> String {
        DownloadName.safe("\(unitName)\(letter.title)-\(letter.number).docx")
    }
}
