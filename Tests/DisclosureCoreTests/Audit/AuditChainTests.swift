import DisclosureCore
import Testing

@Suite("Audit chain")
struct AuditChainTests {
    /// A stand-in hash that is good enough to tell texts apart in a pure test.
    static func hash(_ text: String) -> String { String(text.hashValue, radix: 16) }

    static func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        var previous = AuditRecord.genesisHash
        for id in 1...count {
            var record = AuditRecord(
                id: id, at: "2026-11-20T02:00:0\(id).000Z", actor: "office", unitCode: "ZFB", action: "unit.create",
                target: "unit:U\(id)", summary: "{}", previousHash: previous, hash: "")
            record.hash = hash(record.canonicalText)
            previous = record.hash
            records.append(record)
        }
        return records
    }

    @Test("an intact chain verifies")
    func intact() {
        #expect(AuditChain.firstBreak(in: Self.chain(5), hash: Self.hash) == nil)
    }

    @Test("an altered entry is named")
    func altered() {
        var records = Self.chain(5)
        records[2].actor = "intruder"
        #expect(AuditChain.firstBreak(in: records, hash: Self.hash)?.recordID == 3)
    }

    @Test("a removed entry is named by the gap it leaves")
    func removed() {
        var records = Self.chain(5)
        records.remove(at: 1)
        let broken = AuditChain.firstBreak(in: records, hash: Self.hash)
        #expect(broken?.recordID == 3)
        #expect(broken?.reason.contains("第 2 条记录缺失") == true)
    }

    @Test("removing the first entry is detected")
    func removedFirst() {
        #expect(AuditChain.firstBreak(in: Array(Self.chain(3).dropFirst()), hash: Self.hash)?.recordID == 2)
    }
}
