/// The frame of a PDF we write ourselves (a redacted copy, a picture as a page): the header, the
/// numbered objects, the cross-reference table with each object's byte offset, and the trailer.
public enum PDFFile {
    /// `objects[0]` is object 1; `root` names the catalog.
    public static func assemble(_ objects: [[UInt8]], root: Int = 1) -> [UInt8] {
        var output = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = output.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return output + Array(table.utf8)
    }

    /// A stream object: its dictionary entries, its length, its bytes.
    public static func stream(_ dictionary: String, _ data: [UInt8]) -> [UInt8] {
        Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }
}
