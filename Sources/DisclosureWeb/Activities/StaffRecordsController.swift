import DisclosureCore
import DisclosureStore
import Hummingbird

/// Work records in the console (issue 5 §3): a unit's year of meetings, trainings, inspections,
/// reports handed in and open days, with the yearly counts the assessment reads.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/records` | signed in, in scope (`?year=`, `?unit=`) |
/// | POST | `/staff/records` | editor, reviewer (own unit), office (any); multipart with an optional `file` |
/// | POST | `/staff/records/{id}/delete` | as above |
/// | GET | `/staff/records/{id}/file` | signed in, in scope |
struct StaffRecordsController {
    let clock: any WallClock
    let files: any FileStore
    let records: WorkRecordService
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct Page: Sendable {
        struct Row: Sendable {
            let id: Int
            let date: String
            let kind: String
            let title: String
            let unitName: String
            let people: String
            let onTime: String
            let figures: String
            let fileName: String?
        }
        let year: Int
        let unitName: String
        let unitCode: String
        let tally: [WorkRecordTally.Line]
        let rows: [Row]
        let units: [SelectOption]
        let kinds: [SelectOption]
        let values: [String: String]
        let canRecord: Bool
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/records", use: list)
        router.post("/staff/records", use: create)
        router.post("/staff/records/{id}/delete", use: delete)
        router.get("/staff/records/{id}/file", use: file)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        return try await render(
            year: try RequestNumber.year(query.get("year"), fallback: today.year), unit: query.get("unit"), values: [:], context: context,
            notice: Notice.from(request))
    }

    func render(year: Int, unit: String?, values: [String: String], context: StaffRequestContext, notice: String? = nil, error: DomainError? = nil)
        async throws -> Response
    {
        let staff = context.staff
        let tree = try await self.unitQueries.tree()
        let scope = staff.identity.unitsInScope(of: tree)
        let unit = unit.flatMap { scope.contains($0) ? $0 : nil } ?? (scope.contains(staff.unitCode) ? staff.unitCode : scope.first ?? staff.unitCode)
        let names = try await self.unitQueries.names()
        let records = try await self.records.records(visibleTo: staff.identity, unit: unit, year: year)
        let tally = WorkRecordTally.count(records, unit: unit, year: year)
        let rows = records.map { record in
            Page.Row(
                id: record.id ?? 0, date: record.date.description, kind: record.kind.label, title: record.title,
                unitName: names[record.unitCode] ?? record.unitCode,
                people: [record.chair.isEmpty ? nil : "主持：\(record.chair)", record.attendeeCount.map { "\($0) 人" }].compactMap { $0 }.joined(
                    separator: "，"),
                onTime: record.onTime.map { $0 ? "按时（应于 \(record.dueOn!) 前）" : "逾期（应于 \(record.dueOn!) 前）" } ?? "",
                figures: record.openDay.map {
                    "群众 \($0.visitors) 人、展板 \($0.boards) 块、咨询 \($0.consultations) 人次、解答 \($0.questionsAnswered) 个、资料 \($0.materials) 份"
                } ?? "", fileName: record.file?.name)
        }
        let ordered = tree.ordered().map(\.unit).filter { scope.contains($0.code) }
        let page = Page(
            year: year, unitName: names[unit] ?? unit, unitCode: unit, tally: tally.lines, rows: rows,
            units: ordered.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == (values["unitCode"] ?? unit)) },
            kinds: WorkRecordKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values["kind"]) },
            values: values, canRecord: staff.role.maintainsRecords)
        return renderer.render(
            "Activities/records", title: "工作记录", page: page, context: context, status: error?.kind.httpStatus ?? .ok, notice: notice,
            error: error?.message)
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        let (form, upload) = try await MultipartForm.fieldsAndFile(request, field: "file")
        do {
            let record = try Self.record(from: form)
            _ = try await self.records.add(record, file: upload.map { ($0.fileName, $0.bytes) }, store: self.files, by: staff.identity)
            return redirect(to: "/staff/records?unit=\(record.unitCode)&year=\(record.date.year)&notice=created")
        } catch let error as DomainError {
            return try await render(year: today.year, unit: form.text("unitCode"), values: form.values, context: context, error: error)
        }
    }

    static func record(from form: FormData) throws -> WorkRecord {
        guard let kind = WorkRecordKind(text: form.text("kind")) else { throw DomainError.invalid("kind", "请选择记录类型") }
        guard let date = CivilDate(iso: form.text("date")) else { throw DomainError.invalid("date", "日期应为 YYYY-MM-DD") }
        func number(_ field: String) throws -> Int? {
            let text = form.text(field)
            if text.isEmpty { return nil }
            guard let value = Int(text) else { throw DomainError.invalid(field, "请填写整数") }
            return value
        }
        var figures: OpenDayFigures?
        if kind == .openDay, let visitors = try number("visitors") {
            figures = OpenDayFigures(
                visitors: visitors, boards: try number("boards") ?? 0, consultations: try number("consultations") ?? 0,
                questionsAnswered: try number("questionsAnswered") ?? 0, materials: try number("materials") ?? 0)
        }
        let due = form.text("dueOn")
        guard due.isEmpty || CivilDate(iso: due) != nil else { throw DomainError.invalid("dueOn", "规定报送日期应为 YYYY-MM-DD") }
        return WorkRecord(
            unitCode: form.text("unitCode"), kind: kind, date: date, title: form.text("title"), chair: form.text("chair"),
            attendees: form.values["attendees"] ?? "", attendeeCount: try number("attendeeCount"), place: form.text("place"),
            detail: form.values["detail"] ?? "", dueOn: CivilDate(iso: due), openDay: figures)
    }

    @Sendable func delete(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        let record = try await self.records.record(id, visibleTo: staff.identity)
        _ = try await FormData.read(request)
        do {
            try await self.records.remove(id, by: staff.identity)
            return redirect(to: "/staff/records?unit=\(record.unitCode)&year=\(record.date.year)&notice=saved")
        } catch let error as DomainError {
            return try await render(year: record.date.year, unit: record.unitCode, values: [:], context: context, error: error)
        }
    }

    @Sendable func file(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw HTTPError(.notFound) }
        guard let file = try await self.records.record(id, visibleTo: staff.identity).file else { throw HTTPError(.notFound) }
        return try storedFileResponse(file, files: self.files)
    }
}

extension StaffRecordsController: ClockReading {}
