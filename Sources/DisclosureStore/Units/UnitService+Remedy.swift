import DisclosureCore
import Foundation

extension UnitService {
    /// Sets the 复议机关 and court a unit's reply letters name (issue 22); empty fields return to the
    /// defaults. The office only: it is a legal statement made in every reply.
    public func setRemedy(_ code: String, reviewAuthority: String, court: String, by staff: StaffIdentity) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "reviewAuthority", "救济途径由政务公开办设置") }
        let (authority, court) = try Remedy.validated(reviewAuthority: reviewAuthority, court: court)
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            guard try await UnitRepository(db).find(code) != nil else { throw DomainError(.notFound, field: "code", "单位 \(code) 不存在") }
            try await RemedyRepository(db).save(code, reviewAuthority: authority, court: court, at: now)
            return ((), AuditEvent("unit.remedy", target: "unit:\(code)", ["reviewAuthority": authority ?? "（默认）", "court": court ?? "（默认）"]))
        }
    }
}

extension UnitQueries {
    /// The 复议机关 and court a unit's reply letters name.
    public func remedy(of code: String) async throws -> Remedy? { try await RemedyRepository(database.sql).remedy(of: code) }

    /// What the office set for the unit (empty: the default applies), for the form.
    public func storedRemedy(of code: String) async throws -> Remedy {
        let own = try await RemedyRepository(database.sql).stored(code)
        return Remedy(reviewAuthority: own.reviewAuthority ?? "", court: own.court ?? "")
    }
}
