import DisclosureCore
import DisclosureSearch
import Foundation
import SQLKit

extension RequestService {
    static let repeatMonthsKey = "requests.repeat.months"

    /// The office's period for comparing an applicant's requests (default 12 months).
    static func repeatMonths(on db: any SQLDatabase) async throws -> Int {
        try await SettingsTable(db).decoded(repeatMonthsKey, as: Int.self) ?? RepeatApplications.defaultMonths
    }

    public func repeatMonths() async throws -> Int { try await Self.repeatMonths(on: database.sql) }

    public func saveRepeatMonths(_ months: Int, by staff: StaffIdentity) async throws {
        guard staff.role == .office else { throw DomainError(.forbidden, field: "role", "只有县政务公开办可以设置") }
        let months = try RepeatApplications.validatedMonths(months)
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            try await SettingsTable(db).set(Self.repeatMonthsKey, "\(months)", by: staff.username, at: now)
            return ((), AuditEvent("settings.repeatApplications", target: "settings:\(Self.repeatMonthsKey)", ["months": "\(months)"]))
        }
    }

    /// At intake, inside the filing transaction: the same applicant's similar earlier requests to
    /// the same unit within the period. Returns their references when the request was flagged.
    static func flagRepeats(_ id: Int, application: RequestApplication, on date: CivilDate, db: any SQLDatabase, at now: Date) async throws
        -> [String]
    {
        let key = RequestRepository.applicantKey(application.idType, application.idNumber)
        let repository = RepeatReviewRepository(db)
        let earlier = try await repository.sameApplicant(unit: application.unitCode, key: key, excluding: id)
        guard !earlier.isEmpty else { return [] }
        let this = SimilarRequests.Candidate(
            id: id, reference: "", unitCode: application.unitCode, receivedOn: date, infoTitle: application.infoTitle,
            infoDocNumber: application.infoDocNumber, infoDescription: application.infoDescription)
        let months = try await repeatMonths(on: db)
        var matches = RepeatApplications.matches(for: this, amongSameApplicant: earlier, months: months)
        matches += engineMatches(
            for: this, among: earlier, since: date.adding(months: -months), until: date, except: Set(matches.map(\.candidate.id)))
        guard !matches.isEmpty else { return [] }
        try await repository.flag(
            id, earlier: matches.map { .init(id: $0.candidate.id, reason: $0.reason.rawValue, similarity: $0.similarity) }, at: now)
        return matches.map(\.candidate.reference)
    }

    /// The requests received in `since...until` (no end when `until` is nil) that the search engine
    /// finds for this one's distinctive fragments (as 先查一查 searches the portal) and whose text
    /// is close enough: the same information asked in other words, which whole-text similarity
    /// misses. Used for an applicant's repeats and for 条例 第四十四条's similar requests.
    static func engineMatches(
        for request: SimilarRequests.Candidate, among others: [SimilarRequests.Candidate], since: CivilDate, until: CivilDate?, except: Set<Int>
    ) -> [SimilarRequests.Match] {
        let pool = others.filter { other in
            other.id != request.id && other.receivedOn >= since && (until.map { other.receivedOn <= $0 } ?? true) && !except.contains(other.id)
        }
        guard !pool.isEmpty else { return [] }
        let segment = SearchSegment.build(
            pool.map {
                SearchDocument(
                    id: $0.id, title: $0.infoTitle + " " + $0.infoDocNumber, body: $0.infoDescription, dateKey: Int64($0.receivedOn.dayNumber))
            },
            threads: 1)
        let asked = request.infoTitle.isEmpty ? String(request.infoDescription.prefix(60)) : request.infoTitle
        var found: Set<Int> = []
        // The title's fragments, then the description's: people name the information in either.
        let searches =
            PublishedMatches.searches(title: asked).prefix(8) + PublishedMatches.searches(title: String(request.infoDescription.prefix(80))).prefix(8)
        for text in searches {
            let query = SearchQuery(text)
            guard !query.isEmpty else { continue }
            found.formUnion(segment.search(EngineQuery(query, limit: 50, facets: false)).ids)
        }
        return pool.filter { found.contains($0.id) }.compactMap { candidate in
            let score = PublishedMatches.similarity(
                asked: asked, description: request.infoDescription,
                documentTitle: candidate.infoTitle.isEmpty ? candidate.infoDescription : candidate.infoTitle)
            return score >= PublishedMatches.threshold ? SimilarRequests.Match(candidate: candidate, reason: .text, similarity: score) : nil
        }
    }

    /// What the case page shows about repeats: the flag with the earlier cases, and the counts.
    public struct RepeatCheck: Sendable {
        public let review: RepeatReview?
        public let earlier: [InformationRequest]
        public let months: Int
        public let inPeriod: Int
        public let thisMonth: Int
    }

    public func repeatCheck(_ request: InformationRequest) async throws -> RepeatCheck {
        let db = database.sql
        let months = try await Self.repeatMonths(on: db)
        let repository = RepeatReviewRepository(db)
        let review = try await repository.find(request.id)
        var earlier: [InformationRequest] = []
        for item in review?.earlier ?? [] {
            if let found = try await RequestRepository(db).find(item.id) { earlier.append(found) }
        }
        let day = request.receivedOn ?? CivilDate(instant: request.submittedAt)
        let key = RequestRepository.applicantKey(request.application.idType, request.application.idNumber)
        let counts = try await repository.counts(
            unit: request.application.unitCode, key: key, since: day.adding(months: -months),
            monthStart: CivilDate(year: day.year, month: day.month, day: 1) ?? day, until: day)
        return RepeatCheck(review: review, earlier: earlier, months: months, inPeriod: counts.inPeriod, thisMonth: counts.thisMonth)
    }

    /// The clerk's decision about a flagged request, on the record.
    public func decideRepeat(_ id: Int, _ decision: RepeatApplications.Decision, note: String, by staff: StaffIdentity) async throws {
        let note = PlainText.singleLine(note)
        guard note.count <= 200 else { throw DomainError.invalid("repeatNote", "说明最多 200 字") }
        if decision != .notRepeat, note.isEmpty { throw DomainError.invalid("repeatNote", "认定重复申请或超出合理范围的，请写明理由") }
        let now = clock.now()
        try await database.change(by: .staff(staff), at: now) { db in
            guard let request = try await RequestRepository(db).find(id) else { throw DomainError(.notFound, field: "id", "申请不存在") }
            try await Self.checkHandles(request.application.unitCode, staff, on: db)
            guard try await RepeatReviewRepository(db).find(id) != nil else { throw DomainError(.conflict, field: "repeat", "本申请未被提示为重复申请") }
            try await RepeatReviewRepository(db).decide(id, decision, note: note, by: staff.username, at: now)
            return ((), AuditEvent("request.repeat.decide", target: "request:\(id)", ["decision": decision.rawValue]))
        }
    }
}
