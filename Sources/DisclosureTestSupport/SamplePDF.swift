import DisclosureStore

/// A one-page PDF for tests: with `text`, a Helvetica text layer pdftotext reads; without, a page
/// with a filled rectangle only (as a scan has no text).
public enum SamplePDF {
    public static func make(text: String?) -> [UInt8] {
        let content = text.map { "BT /F1 18 Tf 72 720 Td (\($0)) Tj ET" } ?? "0.5 g 72 600 300 150 re f"
        return PDFFile.assemble([
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".utf8),
            PDFFile.stream("", Array(content.utf8)),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".utf8),
        ])
    }
}
