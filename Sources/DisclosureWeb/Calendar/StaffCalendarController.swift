import DisclosureCore
import DisclosureStore
import Hummingbird

/// The working-day calendar in the console: a year at a glance, a deadline calculator for
/// everyone, and day overrides for the office.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/calendar?year=&from=&days=` | signed in |
/// | POST | `/staff/calendar/overrides` | office — `date`, `kind`, `note` |
/// | POST | `/staff/calendar/overrides/remove` | office — `date` |
struct StaffCalendarController {
    let calendar: CalendarService
    let calendarQueries: CalendarQueries
    let clock: any WallClock
    let renderer: PageRenderer

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/calendar", use: show)
        router.post("/staff/calendar/overrides", use: setOverride)
        router.post("/staff/calendar/overrides/remove", use: removeOverride)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = context.staff
        let query = request.uri.queryParameters
        let year = query.get("year").flatMap { Int($0) }.flatMap { (1900...2999).contains($0) ? $0 : nil } ?? today.year
        var calculation: CalendarPage.Calculation? = nil
        var error: String? = nil
        if let fromText = query.get("from"), !fromText.isEmpty {
            let calendar = try await self.calendar.calendar()
            if let from = CivilDate(iso: fromText), let days = query.get("days").flatMap({ Int($0) }), (0...400).contains(days) {
                let result = calendar.adding(workingDays: days, to: from)
                calculation = .init(from: fromText, days: days, due: result.date.description, explanation: result.explanation)
            } else {
                error = "起算日期（from）应为 YYYY-MM-DD，工作日数（days）应为 0–400 的整数。"
            }
        }
        return try await render(year: year, calculation: calculation, context: context, notice: Notice.from(request), error: error)
    }

    @Sendable func setOverride(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request)
        let year = CivilDate(iso: form.text("date"))?.year ?? today.year
        do {
            guard let date = CivilDate(iso: form.text("date")) else { throw DomainError.invalid("date", "日期（date）应为 YYYY-MM-DD") }
            guard let kind = CalendarOverride.Kind(rawValue: form.text("kind")) else {
                throw DomainError.invalid("kind", "类型（kind）应为 holiday、workday 或 normal")
            }
            try await self.calendar.setOverride(try CalendarOverride(date: date, kind: kind, note: form.text("note")), by: .staff(staff.identity))
            return redirect(to: "/staff/calendar?year=\(date.year)&notice=saved")
        } catch let error as DomainError {
            return try await render(year: year, calculation: nil, context: context, status: error.kind.httpStatus, error: error.message)
        }
    }

    @Sendable func removeOverride(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = try context.requireOffice()
        let form = try await FormData.read(request)
        do {
            guard let date = CivilDate(iso: form.text("date")) else { throw DomainError.invalid("date", "日期（date）应为 YYYY-MM-DD") }
            try await self.calendar.removeOverride(date, by: .staff(staff.identity))
            return redirect(to: "/staff/calendar?year=\(date.year)&notice=saved")
        } catch let error as DomainError {
            return try await render(
                year: today.year, calculation: nil, context: context, status: error.kind.httpStatus, error: error.message)
        }
    }

    private func render(
        year: Int, calculation: CalendarPage.Calculation?, context: StaffRequestContext, status: HTTPResponse.Status = .ok,
        notice: String? = nil, error: String? = nil
    ) async throws -> Response {
        let calendar = try await self.calendar.calendar()
        let overrides = try await self.calendarQueries.overrides()
        let page = CalendarPage(
            year: year, calendar: calendar, overrides: overrides, today: today, calculation: calculation,
            canEdit: context.staff.identity.canAdminister)
        return renderer.render("Calendar/calendar", title: "工作日历 \(year)", page: page, context: context, status: status, notice: notice, error: error)
    }
}

extension StaffCalendarController: ClockReading {}
