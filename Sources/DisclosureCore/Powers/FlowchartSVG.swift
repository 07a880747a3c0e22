/// Draws a `FlowchartLayout` as a standalone SVG (issue 6 §2): no script, no external font or
/// image, black on white so it prints, and a viewBox so it scales down to a phone's width.
public enum FlowchartSVG {
    static let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"

    public static func render(_ workflow: Workflow, title: String) -> String {
        render(FlowchartLayout(workflow), title: title)
    }

    public static func render(_ layout: FlowchartLayout, title: String) -> String {
        let w = number(layout.width)
        let h = number(layout.height)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(w) \(h)" width="\(w)" height="\(h)" role="img" \
            aria-label="\(XMLText.escaped(title))" font-family="\(fontFamily)">
            <title>\(XMLText.escaped(title))</title>
            <defs><marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">\
            <path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>
            <rect width="\(w)" height="\(h)" fill="#fff"/>

            """
        for edge in layout.edges {
            let points = edge.points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.4\" marker-end=\"url(#flow-arrow)\"/>\n"
        }
        for box in layout.boxes {
            let (fill, stroke, radius) =
                box.isStart ? ("#e8f1fb", "#1d5fa8", 4.0) : box.isEnd ? ("#edf7ee", "#2e7d32", 18.0) : ("#ffffff", "#333333", 4.0)
            svg += "<g><rect x=\"\(number(box.x))\" y=\"\(number(box.y))\" width=\"\(number(box.width))\" height=\"\(number(box.height))\" "
            svg += "rx=\"\(number(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.6\"/>\n"
            let centre = number(box.x + box.width / 2)
            var baseline = box.y + 12 + 15
            for line in box.titleLines {
                svg += "<text x=\"\(centre)\" y=\"\(number(baseline))\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#111\">"
                svg += XMLText.escaped(line) + "</text>\n"
                baseline += 20
            }
            baseline -= 2
            for line in box.detailLines {
                svg += "<text x=\"\(centre)\" y=\"\(number(baseline))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">"
                svg += XMLText.escaped(line) + "</text>\n"
                baseline += 16
            }
            svg += "</g>\n"
        }
        for edge in layout.edges {
            guard let at = edge.labelAt else { continue }
            svg += "<g><rect x=\"\(number(at.x - edge.labelWidth / 2))\" y=\"\(number(at.y - 13))\" width=\"\(number(edge.labelWidth))\" "
            svg += "height=\"17\" fill=\"#fff\" stroke=\"#b26a00\" stroke-width=\"0.8\" rx=\"3\"/>"
            svg += "<text x=\"\(number(at.x))\" y=\"\(number(at.y))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#8a4b00\">"
            svg += XMLText.escaped(edge.label) + "</text></g>\n"
        }
        return svg + "</svg>\n"
    }

    /// Coordinates with at most one decimal, so the file is short and stable.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
