import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import Testing

@Suite("Anonymous attachments (SQLite and PostgreSQL)")
struct MessageUploadTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 592)

    static func files() -> FolderFileStore {
        FolderFileStore(root: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("disclosure-upload-\(UUID().uuidString)"))
    }

    static func stored(_ store: FolderFileStore) -> Int {
        (FileManager.default.enumerator(atPath: store.root.path)?.allObjects as? [String] ?? []).filter { $0.count > 60 }.count
    }

    @Test("a refused message leaves nothing on disk; one address's attachments are capped per hour", arguments: TestDatabase.kinds)
    func quota(kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = try await PublishingFixture(database)
            let service = MessageService(database: database, clock: fixture.clock)
            let store = Self.files()
            defer { try? FileManager.default.removeItem(at: store.root) }
            let nowhere = MessageSubmission(unitCode: "NOPE", title: "咨询", content: "请问预算何时公开？", phone: "13900000000")
            await #expect(throws: DomainError.self) {
                _ = try await service.submit(nowhere, file: ("a.png", Self.png), store: store, from: "203.0.113.5", quota: 1024)
            }
            #expect(Self.stored(store) == 0)
            let message = MessageSubmission(unitCode: "CZJ", title: "咨询", content: "请问预算何时公开？", phone: "13900000000")
            _ = try await service.submit(message, file: ("a.png", Self.png), store: store, from: "203.0.113.5", quota: 1024)
            #expect(Self.stored(store) == 1)
            var second = Self.png
            second[9] = 8
            await #expect(throws: DomainError.invalid("file", "同一网络地址每小时上传的附件合计不能超过 1 KB，请稍后再提交或不带附件提交")) {
                _ = try await service.submit(message, file: ("b.png", second), store: store, from: "203.0.113.5", quota: 1024)
            }
            #expect(Self.stored(store) == 1)
            // Another address has its own allowance, and the next hour starts afresh.
            _ = try await service.submit(message, file: ("b.png", second), store: store, from: "198.51.100.1", quota: 1024)
            fixture.clock.advance(by: 3600)
            _ = try await service.submit(message, file: ("b.png", second), store: store, from: "203.0.113.5", quota: 1024)
            #expect(Self.stored(store) == 2)
        }
    }
}
