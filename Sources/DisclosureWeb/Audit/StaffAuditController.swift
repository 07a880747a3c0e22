import DisclosureCore
import DisclosureStore
import Hummingbird

/// The audit log for auditors and the office: newest first, filter by target, verify the chain.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/staff/audit?before=&target=` | auditor, office |
/// | GET | `/staff/audit/verify` | auditor, office |
struct StaffAuditController {
    let accountQueries: AccountQueries
    let auditQueries: AuditQueries
    let unitQueries: UnitQueries
    let renderer: PageRenderer

    struct AuditPage: Sendable {
        let rows: [AuditRow]
        let target: String
        let nextBefore: Int?
        let verification: String?
        let verificationOK: Bool
    }

    func addRoutes(to router: RouterGroup<StaffRequestContext>) {
        router.get("/staff/audit", use: index)
        router.get("/staff/audit/verify", use: verify)
    }

    @Sendable func index(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = try context.requireAuditReader()
        let query = request.uri.queryParameters
        let before = query.get("before").flatMap { Int($0) }
        let target = String((query.get("target") ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        return try await render(before: before, target: target, verification: nil, context: context)
    }

    @Sendable func verify(_ request: Request, context: StaffRequestContext) async throws -> Response {
        _ = try context.requireAuditReader()
        let (checked, broken) = try await self.auditQueries.verify()
        let message = broken.map { "校验失败：\($0.reason)" } ?? "校验通过：共 \(checked) 条记录，哈希链完整。"
        return try await render(before: nil, target: "", verification: (message, broken == nil), context: context)
    }

    private func render(before: Int?, target: String, verification: (String, Bool)?, context: StaffRequestContext) async throws -> Response {
        let pageSize = 50
        let records = try await self.auditQueries.recent(limit: pageSize, beforeID: before, target: target.isEmpty ? nil : target)
        let people = try await PeopleNames.load(accountQueries: self.accountQueries, unitQueries: self.unitQueries)
        let page = AuditPage(
            rows: records.map { [people] in AuditRow($0, names: people) }, target: target,
            nextBefore: records.count == pageSize ? records.last?.id : nil,
            verification: verification?.0, verificationOK: verification?.1 ?? false)
        return renderer.render("Audit/audit", title: "审计日志", page: page, context: context)
    }
}
