import DisclosureCore
import Foundation

/// Bonus items typed in one form field: 「省级示范点 1；政务公开日活动 0.5」, items separated by
/// 「；」 or a new line, each ending with its points. Evidence goes in the indicator's 佐证材料.
enum BonusItemsText {
    static func parse(_ text: String, field: String, leaf: Indicator) throws -> [BonusItem] {
        let parts = text.split(whereSeparator: { $0 == "；" || $0 == ";" || $0.isNewline }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        return try parts.map { part in
            let words = part.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 2, let points = Decimal(string: String(words.last!), locale: Locale(identifier: "en_US_POSIX")), points.isFinite
            else {
                throw DomainError.invalid(field, "指标 \(leaf.id)「\(leaf.name)」请填写加分分值，或按「名称 分值；名称 分值」填写加分项（「\(part)」没有分值）")
            }
            return BonusItem(name: words.dropLast().joined(separator: " "), points: points)
        }
    }

    static func format(_ items: [BonusItem]) -> String { items.map { "\($0.name) \($0.points)" }.joined(separator: "；") }
}
