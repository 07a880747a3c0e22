import DisclosureCore
import PropertyBased
import Testing

/// Issue 23 §4 (条例 第四十四条): which requests ask the same agency for the same information.
@Suite("Similar requests for 依申请转主动")
struct SimilarRequestsTests {
    static func candidate(
        _ id: Int, _ title: String, _ description: String = "", number: String = "", unit: String = "CZJ", on day: String = "2026-11-02"
    )
        -> SimilarRequests.Candidate
    {
        SimilarRequests.Candidate(
            id: id, reference: "R\(id)", unitCode: unit, receivedOn: CivilDate(iso: day)!, infoTitle: title, infoDocNumber: number,
            infoDescription: description)
    }

    @Test("a table of requests: the same budget in other words, the same 文号, other information, another unit, too long ago")
    func table() {
        let request = Self.candidate(1, "2025年县级部门预算", "示范县财政局2025年县级部门预算公开表和说明", number: "示财〔2025〕3号", on: "2026-11-09")
        let others = [
            Self.candidate(2, "财政局2025年部门预算公开表", "请提供示范县财政局2025年县级部门预算公开表及其说明"),
            Self.candidate(3, "预算文件", "那个文件", number: "示财（2025）3号"),
            Self.candidate(4, "城乡低保资金发放明细", "2025年第三季度城乡低保资金发放明细"),
            Self.candidate(5, "2025年县级部门预算", "示范县财政局2025年县级部门预算公开表和说明", unit: "JYJ"),
            Self.candidate(6, "2025年县级部门预算", "示范县财政局2025年县级部门预算公开表和说明", on: "2025-11-08"),
            Self.candidate(7, "2025年县级部门预算", "示范县财政局2025年县级部门预算公开表和说明", on: "2025-11-09"),
        ]
        let matches = SimilarRequests.matches(for: request, among: others + [request])
        #expect(matches.map(\.candidate.id) == [3, 7, 2])
        #expect(matches.map(\.reason) == [.docNumber, .text, .text])
        #expect(SimilarRequests.reachesThreshold(matches))
        #expect(!SimilarRequests.reachesThreshold(Array(matches.prefix(1))))
        let linked = SimilarRequests.matches(for: request, among: others, linked: [4])
        #expect(linked.contains { $0.candidate.id == 4 && $0.reason == .linked })
        let shorter = SimilarRequests.matches(for: request, among: others, policy: .init(count: 3, months: 6))
        #expect(!shorter.contains { $0.candidate.id == 7 })
    }

    @Test("similarity is symmetric, between 0 and 1, and 1 for the same text")
    func similarityInvariants() async {
        let pool = Array("示范县财政局年部门预算决算公开表说明低保资金发放明细2025 ，。")
        let text = Gen.int(in: 0...(pool.count - 1)).array(of: 0...30).map { String($0.map { pool[$0] }) }
        await propertyCheck(input: text, text) { a, b in
            let (x, y) = (Self.candidate(1, a), Self.candidate(2, b))
            let forward = SimilarRequests.matches(for: x, among: [y], policy: .init(count: 2, months: 12)).first?.similarity
            let backward = SimilarRequests.matches(for: y, among: [x], policy: .init(count: 2, months: 12)).first?.similarity
            #expect(forward == backward, "\(a) / \(b)")
            #expect((forward ?? 0) <= 1)
            let same = SimilarRequests.matches(for: x, among: [Self.candidate(2, a)])
            if !SimilarRequests.tokensAreEmpty(a) { #expect(same.first?.similarity == 1, "\(a)") }
        }
    }

    @Test("the office's threshold is bounded")
    func policyBounds() throws {
        #expect(throws: DomainError.self) { try SimilarRequests.Policy(count: 1, months: 12).validated() }
        #expect(throws: DomainError.self) { try SimilarRequests.Policy(count: 3, months: 0).validated() }
        #expect(throws: DomainError.self) { try SimilarRequests.Policy(count: 21, months: 37).validated() }
        #expect(try SimilarRequests.Policy(count: 2, months: 36).validated() == .init(count: 2, months: 36))
    }
}
