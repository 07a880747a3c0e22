import DisclosureCore
import Foundation
import SQLKit

extension AnnualReportService {
    public struct LegacyImportResult: Equatable, Sendable {
        public let imported: Int
        public let errors: [FileRowError]
    }

    /// `disclosure import requests`: cases handled before the platform existed (issue 8 §6). Any
    /// bad row (field, scope, a 原编号 already imported) means nothing is imported.
    public func importLegacy(_ text: String, by staff: StaffIdentity) async throws -> LegacyImportResult {
        let now = clock.now()
        let today = CivilDate(instant: now)
        let tree = try await UnitRepository(database.sql).tree()
        var parsed = try LegacyRequestFile.parse(text, unitCodes: Set(tree.units.keys), today: today)
        for request in parsed.requests {
            if !staff.maintains(unit: request.unitCode, in: tree) {
                parsed.errors.append(FileRowError(line: request.line, column: "单位编码", message: "无权为 \(request.unitCode) 导入"))
            } else if try await database.sql.select().column("id").from("legacy_requests").where("unit_code", .equal, request.unitCode)
                .where("reference", .equal, request.reference).first() != nil
            {
                parsed.errors.append(FileRowError(line: request.line, column: "原编号", message: "\(request.reference) 已导入过"))
            }
        }
        guard parsed.errors.isEmpty else {
            return LegacyImportResult(imported: 0, errors: parsed.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        let requests = parsed.requests
        return try await database.change(by: .staff(staff), at: now) { db in
            for request in requests {
                try await db.insert(into: "legacy_requests")
                    .columns("unit_code", "reference", "applicant_kind", "received_on", "answered_on", "outcome", "imported_by", "imported_at")
                    .values(
                        SQLBind(request.unitCode), SQLBind(request.reference), SQLBind(request.applicantKind.rawValue),
                        SQLBind(request.receivedOn.description),
                        SQLBind(request.answeredOn?.description), SQLBind(request.outcome?.rawValue), SQLBind(staff.username),
                        SQLBind(Timestamp.text(now))
                    ).run()
            }
            let units = Set(requests.map(\.unitCode)).sorted().joined(separator: ",")
            return (
                LegacyImportResult(imported: requests.count, errors: []),
                AuditEvent("report.legacy.import", target: "legacy_requests", ["count": String(requests.count), "units": units])
            )
        }
    }
}
