import DisclosureCore
import Foundation
import SQLKit

/// 依申请转主动 (条例 第四十四条; issue 23 §4): the requests that ask the unit for the same
/// information, a clerk's link between two of them, and moving a disclosed answer into 主动公开
/// as a draft document that goes through the normal 保密审查.
extension RequestService {
    /// What the case page shows: the similar requests, the office's threshold, whether it is
    /// reached, and the document the request already became.
    public struct PublicationCheck: Sendable {
        public let matches: [SimilarRequests.Match]
        public let policy: SimilarRequests.Policy
        public let reachesThreshold: Bool
        public let documentID: Int?
        /// The answer may be published: 予以公开 or 部分公开, and sent.
        public let disclosable: Bool
    }

    public func publicationCheck(_ request: InformationRequest) async throws -> PublicationCheck {
        let db = database.sql
        let policy = try await Self.similarPolicy(on: db)
        var matches: [SimilarRequests.Match] = []
        if let candidate = Self.candidate(request) {
            let since = candidate.receivedOn.adding(months: -policy.months)
            let others = try await db.select().columns(
                "id", "reference", "unit_code", "received_on", "info_title", "info_doc_number", "info_description"
            )
            .from("requests").where("unit_code", .equal, request.application.unitCode).where("received_on", .greaterThanOrEqual, since.description)
            .where("id", .notEqual, request.id).orderBy("id", .descending).limit(5_000).all()
            .map { row in
                SimilarRequests.Candidate(
                    id: try row.decode(column: "id", as: Int.self), reference: try row.decode(column: "reference", as: String.self),
                    unitCode: try row.decode(column: "unit_code", as: String.self),
                    receivedOn: CivilDate(iso: try row.decode(column: "received_on", as: String.self)) ?? candidate.receivedOn,
                    infoTitle: try row.decode(column: "info_title", as: String.self),
                    infoDocNumber: try row.decode(column: "info_doc_number", as: String.self),
                    infoDescription: try row.decode(column: "info_description", as: String.self))
            }
            matches = SimilarRequests.matches(for: candidate, among: others, linked: try await Self.linked(request.id, on: db), policy: policy)
            // 「相似」 as the issue asks: also what the search engine finds for the request's
            // distinctive fragments — the same information asked in other words.
            matches += Self.engineMatches(for: candidate, among: others, since: since, until: nil, except: Set(matches.map(\.candidate.id)))
            matches.sort { ($0.similarity, $1.candidate.id) > ($1.similarity, $0.candidate.id) }
        }
        let documentID = try await db.select().column("document_id").from("request_publications").where("request_id", .equal, request.id)
            .first(decodingColumn: "document_id", as: Int.self)
        return PublicationCheck(
            matches: matches, policy: policy, reachesThreshold: SimilarRequests.reachesThreshold(matches, policy: policy), documentID: documentID,
            disclosable: Self.disclosable(request))
    }

    /// Links two requests of the same unit as asking for the same information (the clerk's
    /// judgement, e.g. the same budget asked for in other words).
    public func link(_ id: Int, toReference reference: String, by staff: StaffIdentity) async throws {
        let reference = reference.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard !reference.isEmpty, reference.count <= 40 else { throw DomainError.invalid("linkedReference", "请填写要关联的申请的受理编号") }
        try await database.change(by: .staff(staff), at: clock.now()) { db in
            let repository = RequestRepository(db)
            guard let request = try await repository.find(id) else { throw DomainError(.notFound, field: "id", "申请 \(id) 不存在") }
            try await Self.checkHandles(request.application.unitCode, staff, on: db)
            guard let other = try await repository.find(reference: reference), other.application.unitCode == request.application.unitCode else {
                throw DomainError.invalid("linkedReference", "本单位没有受理编号为 \(reference) 的申请")
            }
            guard other.id != id else { throw DomainError.invalid("linkedReference", "不能关联申请本身") }
            guard !(try await Self.linked(id, on: db)).contains(other.id) else { throw DomainError(.conflict, field: "linkedReference", "两件申请已经关联") }
            try await db.insert(into: "request_links").columns("request_id", "linked_request_id", "linked_by", "linked_at")
                .values(SQLBind(id), SQLBind(other.id), SQLBind(staff.username), SQLBind(Timestamp.text(clock.now()))).run()
            return ((), AuditEvent("request.link", target: "request:\(id)", ["linked": other.reference]))
        }
    }

    /// Moves the released information into 主动公开 (条例 第四十四条): a draft document in the
    /// unit's catalog with the reply's released files, through the normal review. Offered when the
    /// similar requests reach the office's threshold; a reviewer may also judge the information of
    /// general interest on their own. Returns the draft's id.
    public func convertToProactive(_ id: Int, store: any FileStore, by staff: StaffIdentity) async throws -> Int {
        guard let request = try await RequestRepository(database.sql).find(id) else { throw DomainError(.notFound, field: "id", "申请 \(id) 不存在") }
        try await Self.checkHandles(request.application.unitCode, staff, on: database.sql)
        let check = try await publicationCheck(request)
        guard check.documentID == nil else { throw DomainError(.conflict, field: "id", "该申请已转为主动公开（文件 \(check.documentID!)）") }
        guard check.disclosable else {
            throw DomainError(.conflict, field: "id", "只有已答复且予以公开或部分公开的信息才能转为主动公开（条例第四十四条）")
        }
        guard check.reachesThreshold || staff.role == .reviewer else {
            throw DomainError(
                .forbidden, field: "id",
                "相同或相似的申请尚未达到 \(check.policy.count) 件（\(check.policy.months) 个月内）；审核人认为属于公众普遍关注的，可以直接转为主动公开")
        }
        let today = CivilDate(instant: clock.now())
        let title = request.application.infoTitle.isEmpty ? "依申请公开信息（\(request.reference)）" : request.application.infoTitle
        let body =
            "本信息曾经依申请公开（受理编号 \(request.reference)，\(request.answeredOn?.chineseText ?? today.chineseText)答复），"
            + "根据《中华人民共和国政府信息公开条例》第四十四条纳入主动公开范围。\n" + request.application.infoDescription
        let draft = DocumentDraft(
            unitCode: request.application.unitCode, title: String(title.prefix(200)), docNumber: request.application.infoDocNumber,
            category: "依申请公开转主动公开",
            generatedOn: today, body: body)
        let publishing = PublishingService(database: database, clock: clock)
        let document = try await publishing.create(draft, by: staff)
        try await database.change(by: .staff(staff), at: clock.now()) { db in
            try await db.insert(into: "request_publications").columns("request_id", "document_id", "created_by", "created_at")
                .values(SQLBind(id), SQLBind(document.id), SQLBind(staff.username), SQLBind(Timestamp.text(clock.now()))).run()
            return (
                (),
                AuditEvent(
                    "request.publish", target: "request:\(id)",
                    ["document": "\(document.id)", "similar": "\(check.matches.count)", "threshold": check.reachesThreshold ? "reached" : "reviewer"])
            )
        }
        // The released files go with it; the 保密审查 of the draft still applies to each.
        for file in try await replyFiles(of: request) {
            guard let bytes = try store.get(file.sha256) else { continue }
            _ = try await publishing.attach(document.id, fileName: file.fileName, bytes: bytes, store: store, by: staff)
        }
        return document.id
    }

    static func candidate(_ request: InformationRequest) -> SimilarRequests.Candidate? {
        guard let received = request.receivedOn else { return nil }
        let application = request.application
        return SimilarRequests.Candidate(
            id: request.id, reference: request.reference, unitCode: application.unitCode, receivedOn: received, infoTitle: application.infoTitle,
            infoDocNumber: application.infoDocNumber, infoDescription: application.infoDescription)
    }

    static func disclosable(_ request: InformationRequest) -> Bool {
        (request.state == .answered || request.state == .archived) && (request.outcome == .disclosed || request.outcome == .partlyDisclosed)
    }

    /// Requests linked to `id` either way.
    static func linked(_ id: Int, on db: any SQLDatabase) async throws -> Set<Int> {
        let rows = try await db.select().columns("request_id", "linked_request_id").from("request_links")
            .where("request_id", .equal, id).orWhere("linked_request_id", .equal, id).all()
        var result: Set<Int> = []
        for row in rows {
            result.insert(try row.decode(column: "request_id", as: Int.self))
            result.insert(try row.decode(column: "linked_request_id", as: Int.self))
        }
        result.remove(id)
        return result
    }

    static let similarPolicyKey = "requests.similar"

    /// The office's threshold for offering 转为主动公开.
    public func similarPolicy() async throws -> SimilarRequests.Policy { try await Self.similarPolicy(on: database.sql) }

    static func similarPolicy(on db: any SQLDatabase) async throws -> SimilarRequests.Policy {
        try await SettingsTable(db).decoded(similarPolicyKey, as: SimilarRequests.Policy.self) ?? .standard
    }

    /// The office sets how many similar requests within how many months offer 转为主动公开.
    public func saveSimilarPolicy(_ policy: SimilarRequests.Policy, by staff: StaffIdentity) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "role", "只有县政务公开办可以设置") }
        let policy = try policy.validated()
        let text = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            try await SettingsTable(db).set(Self.similarPolicyKey, text, by: staff.username, at: now)
            return (
                (),
                AuditEvent(
                    "settings.similarRequests", target: "settings:\(Self.similarPolicyKey)",
                    ["count": "\(policy.count)", "months": "\(policy.months)"])
            )
        }
    }
}
