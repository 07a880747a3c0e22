import Crypto
import DisclosureCore
import Foundation
import SQLKit

/// The append-only, SHA-256 hash-chained audit log (DESIGN §1 Audit).
public enum AuditLog {
    /// Appends one entry chained to the previous one. Call inside the transaction of the change it records.
    @discardableResult
    public static func append(
        _ event: AuditEvent, by actor: AuditActor, at now: Date, on db: any SQLDatabase, dialect: Database.Dialect
    ) async throws -> AuditRecord {
        if dialect == .postgres {
            // Serialises writers so two transactions never chain to the same predecessor.
            // (SQLite transactions start with BEGIN IMMEDIATE and are already serial.)
            try await db.raw("SELECT pg_advisory_xact_lock(\(bind: AdvisoryLock.auditChain.rawValue))").run()
        }
        let last = try await db.select().columns("id", "hash").from("audit_log")
            .orderBy("id", .descending).limit(1).first()
        let previousID = try last?.decode(column: "id", as: Int.self) ?? 0
        let previousHash = try last?.decode(column: "hash", as: String.self) ?? AuditRecord.genesisHash
        var record = AuditRecord(
            id: previousID + 1, at: Timestamp.text(now), actor: actor.name, unitCode: actor.unitCode,
            action: event.action, target: event.target, summary: summaryJSON(event.summary),
            previousHash: previousHash, hash: "")
        record.hash = sha256Hex(record.canonicalText)
        try await db.insert(into: AuditRecord.table).model(record, with: AuditRecord.encoder).run()
        try await db.update("audit_head").set("entries", to: record.id).set("hash", to: record.hash).where("id", .equal, 1).run()
        return record
    }

    /// The head recorded beside the chain (entry count and newest hash).
    public static func head(on db: any SQLDatabase) async throws -> AuditHead {
        guard let row = try await db.select().columns("entries", "hash").from("audit_head").where("id", .equal, 1).first() else {
            return AuditHead(entries: 0, hash: AuditRecord.genesisHash)
        }
        return AuditHead(entries: try row.decode(column: "entries", as: Int.self), hash: try row.decode(column: "hash", as: String.self))
    }

    /// Newest first, optionally only one target's history.
    public static func recent(on db: any SQLDatabase, limit: Int, beforeID: Int? = nil, target: String? = nil) async throws -> [AuditRecord] {
        var query = db.select().column("*").from(AuditRecord.table)
        if let beforeID { query = query.where("id", .lessThan, beforeID) }
        if let target { query = query.where("target", .equal, target) }
        return try await AuditRecord.all(query.orderBy("id", .descending).limit(limit))
    }

    /// Walks the whole chain in pages and returns the first broken entry, or nil when intact; then
    /// compares its end with the recorded head (`expected`, e.g. a backup manifest's, when given).
    public static func verify(on db: any SQLDatabase, expected: AuditHead? = nil) async throws -> (checked: Int, firstBreak: AuditChainBreak?) {
        var checked = 0
        var lastHash = AuditRecord.genesisHash
        var lastID = 0
        while true {
            let page = try await AuditRecord.all(
                db.select().column("*").from(AuditRecord.table).where("id", .greaterThan, lastID).orderBy("id").limit(1000))
            guard !page.isEmpty else {
                let head: AuditHead
                if let expected { head = expected } else { head = try await self.head(on: db) }
                return (checked, AuditChain.tailBreak(lastID: lastID, lastHash: lastHash, head: head))
            }
            // Continue the chain across pages by prefixing a synthetic expectation.
            if let broken = AuditChain.firstBreak(in: page, startingAfter: (lastID, lastHash), hash: sha256Hex) {
                return (checked, broken)
            }
            checked += page.count
            lastID = page.last!.id
            lastHash = page.last!.hash
        }
    }

    public static func sha256Hex(_ text: String) -> String {
        sha256Hex(Array(text.utf8))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Lower-case hex of a digest or any bytes.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func summaryJSON(_ summary: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(summary), as: UTF8.self)) ?? "{}"
    }
}

/// An audit record is stored exactly as it is hashed: the struct is the row of `audit_log`.
extension AuditRecord: StoredRow {
    static let table = "audit_log"
}
