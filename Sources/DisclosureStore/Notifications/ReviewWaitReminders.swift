import DisclosureCore
import Foundation
import SQLKit

/// 待我审核 waiting over a day (issue 24 §1): a document submitted for 保密审查 or a reply
/// submitted for approval that has waited more than 24 hours reminds the unit's reviewers, once a
/// day while it waits.
struct ReviewWaitReminders: Sendable {
    let database: Database
    let clock: any WallClock

    static let wait: TimeInterval = 24 * 3600

    private struct Waiting: Decodable {
        let id: Int
        let unitCode: String
        let label: String
        let updatedAt: String
    }

    /// Returns how many reminders were new today.
    func run() async throws -> Int {
        let now = clock.now()
        let today = CivilDate(instant: now)
        let cutoff = Timestamp.text(now.addingTimeInterval(-Self.wait))
        let decoder = StoredRowDecoding.decoder
        let documents = try await database.sql.select().column("id").column("unit_code").column(SQLColumn("title"), as: "label").column("updated_at")
            .from("documents").where("state", .equal, DocumentState.pendingReview.rawValue).where("updated_at", .lessThan, cutoff)
            .orderBy("id").limit(1000).all(decoding: Waiting.self, with: decoder)
        let replies = try await database.sql.select().column("id").column("unit_code").column(SQLColumn("reference"), as: "label").column(
            "updated_at"
        )
        .from("requests").where("state", .equal, RequestState.pendingReview.rawValue).where("updated_at", .lessThan, cutoff)
        .orderBy("id").limit(1000).all(decoding: Waiting.self, with: decoder)
        var added = 0
        for (kind, rows) in [("document", documents), ("request", replies)] {
            for row in rows {
                let since = Timestamp.date(row.updatedAt).map { CivilDate(instant: $0).description } ?? row.updatedAt
                let (subject, body, path) =
                    kind == "document"
                    ? ("待审核超过一天：\(row.label.prefix(40))", "文件「\(row.label.prefix(80))」自 \(since) 提交保密审查，已等待超过一天，请审核。", "/staff/documents/\(row.id)")
                    : ("答复待审核超过一天：\(row.label)", "申请 \(row.label) 的答复自 \(since) 提交审核，已等待超过一天，请审核后发出。", "/staff/requests/\(row.id)")
                let inserted = try await Outbox(database.unaudited).record(
                    key: "review:\(kind):\(row.id):\(today)", unit: row.unitCode, requestID: kind == "request" ? row.id : nil, subject: subject,
                    body: body,
                    audience: [.reviewer], path: path, at: now)
                if inserted { added += 1 }
            }
        }
        return added
    }
}
