import DisclosureCore
import DisclosureStore

/// The clerk's redaction of one Word file the reply releases, by span (issue 23 §2): the personal
/// data the scan finds, up to five texts typed by the clerk, each with its ground, and whether
/// the file's pictures are withheld (on a ground) or kept.
struct DocumentRedactionPage: Sendable {
    struct Span: Sendable {
        let index: Int
        let text: String
        let what: String
        let grounds: [SelectOption]
    }

    let requestID: Int
    let fileID: Int
    let fileName: String
    let proposals: [RedactionPage.Proposal]
    let hasProposals: Bool
    let spans: [Span]
    let pictures: Int
    let hasPictures: Bool
    let withholdPictures: Bool
    let pictureGrounds: [SelectOption]

    static let spanRows = 5

    init(request: Int, file: RequestFile, inspection: DOCXRedactor.Inspection, values: [String: String]?) {
        requestID = request
        fileID = file.id
        fileName = file.fileName
        pictures = inspection.pictures
        hasPictures = inspection.pictures > 0
        withholdPictures = values?["pictures"] == "withhold"
        pictureGrounds = RedactionPage.grounds(selected: values?["pictures.ground"] ?? "")
        proposals = inspection.proposals.enumerated().map { index, proposal in
            RedactionPage.Proposal(
                index: index, page: 0, what: proposal.kind.rawValue, masked: proposal.masked,
                use: values.map { $0["p.\(index).use"] == "on" } ?? true,
                grounds: RedactionPage.grounds(
                    selected: values?["p.\(index).ground"] ?? RedactionGround.suggested(for: proposal.kind).rawValue),
                box: nil)
        }
        hasProposals = !proposals.isEmpty
        spans = (0..<Self.spanRows).map { index in
            Span(
                index: index, text: values?["s.\(index).text"] ?? "", what: values?["s.\(index).what"] ?? "",
                grounds: RedactionPage.grounds(selected: values?["s.\(index).ground"] ?? ""))
        }
    }

    /// The ground the pictures are withheld on, or nil when they are kept.
    static func picturesGround(_ form: [String: String]) throws -> RedactionGround? {
        guard form["pictures"] == "withhold" else { return nil }
        guard let ground = RedactionGround(rawValue: form["pictures.ground"] ?? "") else {
            throw DomainError.invalid("pictures.ground", "不提供文件中的图片时，须选择不予公开的理由")
        }
        return ground
    }

    /// The proposals ticked and the spans typed, each with its ground, or an error naming the field.
    static func choices(_ form: [String: String], proposals: Int) throws -> (chosen: [(index: Int, ground: RedactionGround)], spans: [RedactionSpan])
    {
        var chosen: [(index: Int, ground: RedactionGround)] = []
        for index in 0..<min(proposals, 500) where form["p.\(index).use"] == "on" {
            guard let ground = RedactionGround(rawValue: form["p.\(index).ground"] ?? "") else {
                throw DomainError.invalid("p.\(index).ground", "第 \(index + 1) 处建议遮盖的内容须选择不予公开的理由")
            }
            chosen.append((index, ground))
        }
        var spans: [RedactionSpan] = []
        for index in 0..<spanRows {
            let text = form["s.\(index).text"] ?? ""
            let what = form["s.\(index).what"] ?? ""
            let groundText = form["s.\(index).ground"] ?? ""
            guard !text.isEmpty || !what.trimmingCharacters(in: .whitespaces).isEmpty || !groundText.isEmpty else { continue }
            guard let ground = RedactionGround(rawValue: groundText) else {
                throw DomainError.invalid("s.\(index).ground", "手填第 \(index + 1) 行须选择不予公开的理由")
            }
            spans.append(RedactionSpan(text: text, ground: ground, what: what))
        }
        return (chosen, spans)
    }
}
