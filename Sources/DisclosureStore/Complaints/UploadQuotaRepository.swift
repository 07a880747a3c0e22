import DisclosureCore
import Foundation
import SQLKit

/// Bytes of anonymous attachments per client address and clock hour (issue 17: about 150 MB a
/// minute could be uploaded from one address). Kept in the database so every instance counts
/// against the same allowance.
struct UploadQuotaRepository: Sendable {
    let db: any SQLDatabase

    init(_ db: any SQLDatabase) { self.db = db }

    /// Adds `bytes` to the address's count for the hour of `now`, or refuses when that would pass
    /// `limit`. Counts older than a day are dropped on the way.
    func charge(address: String, bytes: Int, limit: Int, now: Date) async throws {
        let hour = String(Timestamp.text(now).prefix(13))
        let dayAgo = String(Timestamp.text(now.addingTimeInterval(-86_400)).prefix(13))
        try await db.delete(from: "upload_quota").where("hour", .lessThan, dayAgo).run()
        let row = try await db.select().column("bytes").from("upload_quota").where("address", .equal, address).where("hour", .equal, hour).first()
        let used = try row?.decode(column: "bytes", as: Int.self) ?? 0
        guard used + bytes <= limit else {
            let size = limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit >> 10) KB"
            throw DomainError.invalid("file", "同一网络地址每小时上传的附件合计不能超过 \(size)，请稍后再提交或不带附件提交")
        }
        if row == nil {
            try await db.insert(into: "upload_quota").columns("address", "hour", "bytes").values(SQLBind(address), SQLBind(hour), SQLBind(bytes))
                .run()
        } else {
            try await db.update("upload_quota").set("bytes", to: used + bytes).where("address", .equal, address).where("hour", .equal, hour).run()
        }
    }
}
