import DisclosureCore
import DisclosureStore
import Hummingbird

/// Working-day arithmetic for clients (public: it is the published calendar).
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/api/v1/workdays/add?date=&days=` | public |
/// | GET | `/api/v1/workdays/between?from=&to=` | public |
struct CalendarAPIController {
    let calendar: CalendarService

    struct AddBody: Codable, Sendable {
        let date: String
        let days: Int
        let due: String
        let confirmed: Bool
        let explanation: String
    }

    struct BetweenBody: Codable, Sendable {
        let from: String
        let to: String
        let workingDays: Int
        let confirmed: Bool
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("workdays/add") { request, _ in
            let query = request.uri.queryParameters
            let date = try Self.date(query.get("date"), field: "date")
            guard let days = query.get("days").flatMap({ Int($0) }), (0...1000).contains(days) else {
                throw DomainError.invalid("days", "工作日数（days）应为 0–1000 的整数")
            }
            let result = try await self.calendar.calendar().adding(workingDays: days, to: date)
            return try jsonResponse(
                AddBody(
                    date: date.description, days: days, due: result.date.description, confirmed: result.isConfirmed, explanation: result.explanation))
        }
        group.get("workdays/between") { request, _ in
            let query = request.uri.queryParameters
            let from = try Self.date(query.get("from"), field: "from")
            let to = try Self.date(query.get("to"), field: "to")
            guard abs(to.dayNumber - from.dayNumber) <= 3660 else { throw DomainError.invalid("to", "起止日期相差不能超过十年") }
            let calendar = try await self.calendar.calendar()
            return try jsonResponse(
                BetweenBody(
                    from: from.description, to: to.description, workingDays: calendar.workingDays(from: from, to: to),
                    confirmed: calendar.unconfirmedYears(from: from, to: to).isEmpty))
        }
    }

    static func date(_ text: String?, field: String) throws -> CivilDate {
        guard let text, let date = CivilDate(iso: text) else { throw DomainError.invalid(field, "日期（\(field)）应为 YYYY-MM-DD") }
        return date
    }
}
