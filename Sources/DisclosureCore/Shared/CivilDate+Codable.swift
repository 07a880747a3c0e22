import Foundation

/// A date is stored and exchanged as `YYYY-MM-DD`; anything else fails to decode (a stored row
/// with a bad date is corrupt, never read as some other day).
extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "「\(text.prefix(40))」不是 YYYY-MM-DD 日期")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
