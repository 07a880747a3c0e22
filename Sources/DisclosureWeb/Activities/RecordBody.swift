import DisclosureCore

/// A work record as the API reads and writes it; `onTime` is computed, never accepted.
struct RecordBody: Codable, Sendable {
    let id: Int?
    let unitCode: String
    let kind: String
    let date: String
    let title: String
    let chair: String?
    let attendees: String?
    let attendeeCount: Int?
    let place: String?
    let detail: String?
    let dueOn: String?
    let onTime: Bool?
    let openDay: OpenDayFigures?

    init(_ record: WorkRecord) {
        id = record.id
        unitCode = record.unitCode
        kind = record.kind.rawValue
        date = record.date.description
        title = record.title
        chair = record.chair
        attendees = record.attendees
        attendeeCount = record.attendeeCount
        place = record.place
        detail = record.detail
        dueOn = record.dueOn?.description
        onTime = record.onTime
        openDay = record.openDay
    }

    func record() throws -> WorkRecord {
        guard let kind = WorkRecordKind(text: kind) else { throw DomainError.invalid("kind", "未知的记录类型「\(kind)」") }
        guard let day = CivilDate(iso: date) else { throw DomainError.invalid("date", "日期应为 YYYY-MM-DD") }
        var due: CivilDate?
        if let dueOn, !dueOn.isEmpty {
            guard let parsed = CivilDate(iso: dueOn) else { throw DomainError.invalid("dueOn", "规定报送日期应为 YYYY-MM-DD") }
            due = parsed
        }
        return WorkRecord(
            unitCode: unitCode, kind: kind, date: day, title: title, chair: chair ?? "", attendees: attendees ?? "", attendeeCount: attendeeCount,
            place: place ?? "", detail: detail ?? "", dueOn: due, openDay: openDay)
    }
}
