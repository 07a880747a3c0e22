import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import Foundation

/// Units (county, finance bureau with a sub-unit, education bureau) and staff identities for
/// publishing tests. Today is 2026-11-20 (FixedClock.t0).
struct PublishingFixture {
    let database: Database
    let clock: FixedClock
    let service: PublishingService
    /// The portal's search over its own index folder in a temporary directory, as one instance has.
    let portalSearch: PortalSearch
    let editor = StaffIdentity(userID: 1, username: "editor", role: .editor, unitCode: "CZJ")
    let reviewer = StaffIdentity(userID: 2, username: "reviewer", role: .reviewer, unitCode: "CZJ")
    let otherEditor = StaffIdentity(userID: 3, username: "jyj-editor", role: .editor, unitCode: "JYJ")
    let office = StaffIdentity(userID: 4, username: "office", role: .office, unitCode: "XZF")
    static let today = CivilDate(iso: "2026-11-20")!

    init(_ database: Database, clock: FixedClock = FixedClock()) async throws {
        self.database = database
        self.clock = clock
        self.service = PublishingService(database: database, clock: clock)
        self.portalSearch = PortalSearch(database: database, clock: clock, folder: PublishingFixture.temporarySearchFolder())
        let units = UnitService(database: database, clock: clock)
        for unit in [
            OrgUnit(code: "XZF", name: "示范县人民政府", kind: .countyGovernment, parentCode: nil),
            OrgUnit(code: "CZJ", name: "示范县财政局", kind: .countyDepartment, parentCode: "XZF"),
            OrgUnit(code: "CZJ-GKK", name: "示范县财政局国库科", kind: .other, parentCode: "CZJ"),
            OrgUnit(code: "JYJ", name: "示范县教育局", kind: .countyDepartment, parentCode: "XZF"),
        ] { try await units.create(unit, by: .system) }
    }

    func draft(
        title: String = "关于2026年财政预算执行情况的报告", body: String = "县政府关于财政预算执行情况的报告。税收收入稳定增长。", docNumber: String = "",
        unit: String = "CZJ", generatedOn: CivilDate = PublishingFixture.today, category: String = "财政预决算"
    ) -> DocumentDraft {
        DocumentDraft(unitCode: unit, title: title, docNumber: docNumber, category: category, generatedOn: generatedOn, body: body)
    }

    static let clean = ReviewChecklist(containsStateSecrets: false, containsPrivateOrCommercialData: false, wordingAccurate: true, note: "无问题")

    /// Drafts, submits, approves and publishes a document; returns its id.
    @discardableResult
    func publish(_ draft: DocumentDraft) async throws -> Int {
        let document = try await service.create(draft, by: editor)
        try await service.submit(document.id, by: editor)
        try await service.approve(document.id, checklist: Self.clean, by: reviewer)
        try await service.publish(document.id, by: reviewer)
        return document.id
    }

    func search(_ text: String, order: SearchOrder = .newest, filters: SearchFilters = SearchFilters()) async throws -> SearchResult {
        try await portalSearch.documents(SearchQuery(text), filters: filters, order: order, offset: 0, limit: 20)
    }

    static func temporarySearchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("disclosure-search-test-" + UUID().uuidString)
    }
}
