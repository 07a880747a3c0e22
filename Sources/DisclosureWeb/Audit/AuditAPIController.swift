import DisclosureCore
import DisclosureStore
import Hummingbird

/// The audit log over the API, for auditors' tools.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/api/v1/audit?before=&limit=` | auditor or office token |
struct AuditAPIController {
    let auditQueries: AuditQueries

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("audit") { request, context in
            _ = try context.requireAuditReader()
            let query = request.uri.queryParameters
            let limit = try RequestNumber.limit(query.get("limit"), fallback: 100, range: 1...1000)
            let before = query.get("before").flatMap { Int($0) }
            return try jsonResponse(try await self.auditQueries.recent(limit: limit, beforeID: before))
        }
    }
}
