import Foundation

/// One 收费 item of a power: what is charged, the standard and the document that allows it. A power
/// with no items is 不收费 — stated, not left blank, because 办事指南 must say it (statutes §5.2).
public struct PowerFee: Equatable, Sendable, Codable {
    public var item: String
    public var standard: String
    public var basis: String

    public init(item: String, standard: String, basis: String) {
        self.item = item
        self.standard = standard
        self.basis = basis
    }

    public static let freeText = "不收费"

    public var text: String { "\(item)｜\(standard)｜\(basis)" }

    /// "不收费" or items separated by "；" or line breaks, each "项目｜标准｜依据".
    public static func parseList(_ text: String, field: String) throws -> [PowerFee] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DomainError.invalid(field, "请填写收费（项目｜标准｜依据，或「不收费」）") }
        if trimmed == freeText { return [] }
        let parts = trimmed.split(whereSeparator: { $0 == "\n" || $0 == "；" || $0 == ";" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return try parts.map { part in
            let pieces = part.split(whereSeparator: { $0 == "｜" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty }) else {
                throw DomainError.invalid(field, "收费「\(part.prefix(30))」应写作「项目｜标准｜依据」")
            }
            guard pieces.allSatisfy({ $0.count <= 200 }) else { throw DomainError.invalid(field, "收费「\(part.prefix(20))…」过长") }
            return PowerFee(item: pieces[0], standard: pieces[1], basis: pieces[2])
        }
    }

    public static func listText(_ fees: [PowerFee]) -> String {
        fees.isEmpty ? freeText : fees.map(\.text).joined(separator: "；")
    }
}
