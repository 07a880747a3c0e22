import Foundation

/// One entry of the append-only audit log (DESIGN §1 Audit): who changed what, when, and how.
public struct AuditRecord: Equatable, Sendable, Codable {
    public var id: Int
    /// UTC timestamp as stored (`yyyy-MM-ddTHH:mm:ss.SSSZ`), hashed as text so both databases agree.
    public var at: String
    /// Username, or `system`/`cli` for changes without a staff account.
    public var actor: String
    public var unitCode: String?
    /// Dotted verb, e.g. `user.create`, `login.failed`, `calendar.override`.
    public var action: String
    /// What was changed, e.g. `user:office`, `unit:CZJ`.
    public var target: String
    /// Compact JSON describing the change.
    public var summary: String
    public var previousHash: String
    public var hash: String

    public init(
        id: Int, at: String, actor: String, unitCode: String?, action: String, target: String, summary: String, previousHash: String, hash: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.unitCode = unitCode
        self.action = action
        self.target = target
        self.summary = summary
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The exact text that is hashed: every field but the hash itself, one per line, so that a
    /// change to any of them (or to the order of entries) breaks the chain.
    public var canonicalText: String {
        [String(id), at, actor, unitCode ?? "", action, target, summary, previousHash].joined(separator: "\n")
    }

    /// The hash of the entry before the first one.
    public static let genesisHash = String(repeating: "0", count: 64)
}

/// The first place a chain of audit records fails to verify.
public struct AuditChainBreak: Equatable, Sendable {
    public let recordID: Int
    public let reason: String
}

/// Walks a chain in id order given a hashing function (SHA-256 lives outside Core).
public enum AuditChain {
    /// - Parameter start: the id and hash of the entry just before `records` (0 and the genesis hash
    ///   for the start of the log).
    public static func firstBreak(
        in records: [AuditRecord], startingAfter start: (id: Int, hash: String) = (0, AuditRecord.genesisHash),
        hash: (String) -> String
    ) -> AuditChainBreak? {
        var expectedPrevious = start.hash
        var expectedID = start.id + 1
        for record in records {
            if record.id != expectedID {
                if record.id < expectedID {
                    return AuditChainBreak(recordID: record.id, reason: "记录 \(record.id) 的编号重复或顺序错乱")
                }
                let expected = expectedID
                return AuditChainBreak(recordID: record.id, reason: "第 \(expected) 条记录缺失（编号不连续，记录 \(record.id) 之前有记录被删除）")
            }
            if record.previousHash != expectedPrevious {
                return AuditChainBreak(recordID: record.id, reason: "记录 \(record.id) 的前序哈希与上一条记录不符（之前的记录被改动或删除）")
            }
            if hash(record.canonicalText) != record.hash {
                return AuditChainBreak(recordID: record.id, reason: "记录 \(record.id) 的内容与其哈希不符（该记录被改动）")
            }
            expectedPrevious = record.hash
            expectedID = record.id + 1
        }
        return nil
    }

    /// Compares the end of a verified chain with the head recorded beside it on every append.
    ///
    /// The chain alone cannot notice its newest entries being deleted: what remains still links
    /// up. The head (entry count and newest hash, kept in its own table and in every backup's
    /// manifest) can (issue 17).
    public static func tailBreak(lastID: Int, lastHash: String, head: AuditHead) -> AuditChainBreak? {
        if lastID < head.entries {
            return AuditChainBreak(
                recordID: lastID + 1, reason: "最新的 \(head.entries - lastID) 条记录缺失（记录头为第 \(head.entries) 条，日志只到第 \(lastID) 条，末尾记录被删除）")
        }
        if lastID > head.entries {
            return AuditChainBreak(
                recordID: head.entries + 1, reason: "记录 \(head.entries + 1) 起的 \(lastID - head.entries) 条记录未经正常写入（记录头只到第 \(head.entries) 条）")
        }
        if lastHash != head.hash {
            return AuditChainBreak(recordID: lastID, reason: "最新记录 \(lastID) 的哈希与记录头不符（末尾记录被替换）")
        }
        return nil
    }
}

/// The chain's head as recorded outside the chain: how many entries and the newest hash.
public struct AuditHead: Equatable, Sendable, Codable {
    public let entries: Int
    public let hash: String

    public init(entries: Int, hash: String) {
        self.entries = entries
        self.hash = hash
    }
}
