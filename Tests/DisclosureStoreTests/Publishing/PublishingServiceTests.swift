import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Publishing lifecycle (issue 3 §3)")
struct PublishingServiceTests {
    @Test("a reviewer-approved document is searchable at once; an unapproved one never is", arguments: TestDatabase.kinds)
    func approvedOnly(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let published = try await fixture.publish(fixture.draft())
            let pending = try await fixture.service.create(fixture.draft(title: "关于预算调整的请示", docNumber: "示财〔2026〕9号"), by: fixture.editor)
            try await fixture.service.submit(pending.id, by: fixture.editor)
            let hits = try await fixture.search("预算")
            #expect(hits.documentIDs == [published])
            #expect(hits.total == 1)
            let document = try await fixture.service.document(published)
            #expect(document?.indexNumber == "CZJ/2026-00001")
            #expect(document?.state == .published)
            #expect(document?.publishedOn == PublishingFixture.today)
            #expect(pending.indexNumber == "CZJ/2026-00002")
            let actions = try await AuditLog.recent(on: database.sql, limit: 20, target: "document:\(published)").map(\.action)
            #expect(Set(actions) == ["document.create", "document.submit", "document.approve", "document.publish"])
        }
    }

    @Test("withdrawal removes from search; correction keeps the earlier version", arguments: TestDatabase.kinds)
    func withdrawAndCorrect(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let id = try await fixture.publish(fixture.draft())
            try await fixture.service.correct(id, title: "关于2026年财政决算情况的报告", body: "更正后的正文：决算。", notice: "第二段数字有误，已更正。", by: fixture.reviewer)
            #expect(try await fixture.search("预算执行").documentIDs == [])
            #expect(try await fixture.search("决算").documentIDs == [id])
            let versions = try await DocumentRepository(database.sql).versions(of: id)
            #expect(versions.map(\.version) == [1])
            #expect(versions.first?.body.contains("税收收入") == true)
            #expect(try await fixture.service.document(id)?.correctionNotice == "第二段数字有误，已更正。")
            try await fixture.service.withdraw(id, reason: "内容已过时", by: fixture.reviewer)
            #expect(try await fixture.search("决算").total == 0)
            #expect(try await fixture.service.document(id)?.isPublic == false)
        }
    }

    @Test("bad input and wrong actors change nothing", arguments: TestDatabase.kinds)
    func refusals(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let service = fixture.service
            let first = try await service.create(fixture.draft(docNumber: "示财〔2026〕1号"), by: fixture.editor)
            let auditBefore = try await AuditLog.recent(on: database.sql, limit: 100).count
            // A duplicate 文号 in the same unit.
            await #expect(throws: DomainError(.conflict, field: "docNumber", "本单位已有文号为「示财〔2026〕1号」的文件")) {
                _ = try await service.create(fixture.draft(docNumber: "示财〔2026〕1号"), by: fixture.editor)
            }
            // Another unit's editor, and the office, may not draft for the finance bureau.
            await #expect(throws: DomainError(.forbidden, field: "unitCode", "只能处理本单位（及下属单位）的文件")) {
                _ = try await service.create(fixture.draft(), by: fixture.otherEditor)
            }
            await #expect(throws: DomainError.self) { _ = try await service.create(fixture.draft(), by: fixture.office) }
            // A 生成日期 in the future, an empty title, 不予公开 without a reason.
            await #expect(throws: DomainError.self) {
                _ = try await service.create(fixture.draft(generatedOn: CivilDate(iso: "2026-11-21")!), by: fixture.editor)
            }
            await #expect(throws: DomainError.invalid("title", "标题不能为空")) {
                _ = try await service.create(fixture.draft(title: "  "), by: fixture.editor)
            }
            var withheld = fixture.draft()
            withheld.attribute = .withheld
            await #expect(throws: DomainError.self) { _ = try await service.create(withheld, by: fixture.editor) }
            // Transitions out of order or by the wrong role.
            await #expect(throws: DomainError.self) { try await service.publish(first.id, by: fixture.reviewer) }
            await #expect(throws: DomainError.self) { try await service.approve(first.id, checklist: PublishingFixture.clean, by: fixture.reviewer) }
            try await service.submit(first.id, by: fixture.editor)
            await #expect(throws: DomainError.self) { try await service.approve(first.id, checklist: PublishingFixture.clean, by: fixture.editor) }
            let secret = ReviewChecklist(containsStateSecrets: true, containsPrivateOrCommercialData: false, wordingAccurate: true, note: "")
            await #expect(throws: DomainError.self) { try await service.approve(first.id, checklist: secret, by: fixture.reviewer) }
            #expect(try await service.document(first.id)?.state == .pendingReview)
            // Only the one successful submit was audited.
            #expect(try await AuditLog.recent(on: database.sql, limit: 100).count == auditBefore + 1)
            // A sub-unit's documents are in the parent's scope.
            _ = try await service.create(fixture.draft(unit: "CZJ-GKK"), by: fixture.editor)
        }
    }

    @Test("scheduled publication happens when its time comes, once", arguments: TestDatabase.kinds)
    func scheduled(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            let document = try await fixture.service.create(fixture.draft(), by: fixture.editor)
            try await fixture.service.submit(document.id, by: fixture.editor)
            try await fixture.service.approve(document.id, checklist: PublishingFixture.clean, by: fixture.reviewer)
            try await fixture.service.publish(document.id, at: fixture.clock.now().addingTimeInterval(3600), by: fixture.reviewer)
            #expect(try await fixture.service.runScheduled() == 0)
            #expect(try await fixture.search("预算").total == 0)
            fixture.clock.advance(by: 3601)
            #expect(try await fixture.service.runScheduled() == 1)
            #expect(try await fixture.service.runScheduled() == 0)
            #expect(try await fixture.search("预算").documentIDs == [document.id])
        }
    }

    @Test("the validity job re-indexes a 规范性文件 when its date passes, and reads only 规范性文件", arguments: TestDatabase.kinds)
    func validityRefresh(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            var normative = fixture.draft(title: "关于印发预算管理办法的通知", docNumber: "示财〔2026〕7号")
            normative.isNormative = true
            normative.validity = DocumentValidity(effectiveFrom: PublishingFixture.today, expiresOn: PublishingFixture.today.adding(days: 1))
            let rule = try await fixture.publish(normative)
            let ordinary = try await fixture.publish(fixture.draft())
            #expect(try await fixture.service.refreshValidity() == 0)
            #expect(try await fixture.search("预算", filters: SearchFilters(validity: .effective)).documentIDs == [rule])
            fixture.clock.advance(by: 86_400)
            #expect(try await fixture.service.refreshValidity() == 1)
            #expect(try await fixture.service.refreshValidity() == 0)
            #expect(try await fixture.search("预算", filters: SearchFilters(validity: .expired)).documentIDs == [rule])
            #expect(try await fixture.search("预算").total == 2)
            #expect(
                try await AuditLog.recent(on: database.sql, limit: 50, target: "document:\(ordinary)").map(\.action).contains("document.validity")
                    == false)
            if database.dialect == .sqlite {
                // Migration 0023's partial index, not a walk over every published document.
                let plan = try await database.sql.raw(
                    "EXPLAIN QUERY PLAN SELECT id FROM documents WHERE is_normative AND state = 'published' AND attribute = 'x'"
                ).all().map { try $0.decode(column: "detail", as: String.self) }
                #expect(plan.contains { $0.contains("documents_normative") })
            }
        }
    }

    @Test("a late publication is flagged with the calendar explanation", arguments: TestDatabase.kinds)
    func timeliness(kind: TestDatabase) async throws {
        try await kind.with { (database: Database) async throws in
            let fixture = try await PublishingFixture(database)
            // Formed 2026-10-09 (Friday): + 20 wd = 2026-11-05, because Saturday 10-10 is a 调休 workday;
            // published 2026-11-20 = 11 working days late.
            let late = try await fixture.publish(fixture.draft(generatedOn: CivilDate(iso: "2026-10-09")!))
            // Formed 2026-10-20, still a draft: due 2026-11-17, overdue by 3 working days.
            let overdue = try await fixture.service.create(
                fixture.draft(title: "逾期未公开", generatedOn: CivilDate(iso: "2026-10-20")!), by: fixture.editor)
            _ = try await fixture.publish(fixture.draft(title: "按时公开", generatedOn: CivilDate(iso: "2026-11-19")!))
            let watch = TimelinessWatch(database: database, clock: fixture.clock)
            let flags = try await watch.flags(units: ["CZJ"], today: PublishingFixture.today)
            #expect(flags.map(\.document.id) == [late, overdue.id])
            #expect(flags[0].timeliness.status == .late(workingDaysLate: 11))
            #expect(flags[1].timeliness.status == .overdue(workingDaysOver: 3))
            #expect(flags[0].timeliness.due.explanation.contains("2026-11-05"))
            #expect(try await watch.flags(units: ["JYJ"], today: PublishingFixture.today).isEmpty)
            // The draft past its due date counts as late in the tally (issue 18), not as absent.
            let tally = try await watch.tally(year: 2026, asOf: PublishingFixture.today)
            #expect(
                tally.rows.map { "\($0.unitCode) \($0.month) \($0.published) \($0.unpublishedOverdue) \($0.late)" } == [
                    "CZJ 10 1 1 2", "CZJ 11 1 0 0",
                ])
        }
    }
}
