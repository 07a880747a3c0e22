import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// The answer package in the JSON API (issue 23, named as a gap then): linking a similar request,
/// 转为主动公开, confirming personal data in released files, and redacting a released file — the
/// same services and rules as the case page.
///
/// | method | path | who |
/// |---|---|---|
/// | POST | `/api/v1/requests/{id}/links` | the unit's editor or reviewer: `{reference}` |
/// | POST | `/api/v1/requests/{id}/publication` | the unit's editor or reviewer (第四十四条) |
/// | POST | `/api/v1/requests/{id}/privacy` | the unit's editor or reviewer: `{answers: [{action: "confirm", reason, masked}]}` |
/// | POST | `/api/v1/requests/{id}/files/{file}/redactions` | the unit's editor or reviewer: `{regions}` for a PDF or picture, `{spans}` for a DOCX |
extension RequestsAPIController {
    func addAnswerRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("requests/{id}/links", use: link)
        group.post("requests/{id}/publication", use: publication)
        group.post("requests/{id}/privacy", use: confirmPrivacy)
        group.post("requests/{id}/files/{file}/redactions", use: redaction)
    }

    func requestID(_ context: AppRequestContext, _ parameter: String = "id") throws -> Int {
        guard let id = Int(try context.pathParameter(parameter)), (1...Int(Int32.max)).contains(id) else {
            throw DomainError(.notFound, field: parameter, "申请或文件不存在")
        }
        return id
    }

    struct LinkInput: Decodable, Sendable {
        let reference: String
    }

    struct PublicationBody: Encodable, Sendable {
        let matches: [String]
        let reachesThreshold: Bool
        let documentID: Int?
    }

    @Sendable func link(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let id = try requestID(context)
        let body = try await decodeJSON(LinkInput.self, from: request)
        try await self.requests.link(id, toReference: body.reference, by: staff.identity)
        let check = try await self.requests.publicationCheck(try await self.requests.request(id, visibleTo: staff.identity))
        return try jsonResponse(
            PublicationBody(matches: check.matches.map(\.candidate.reference), reachesThreshold: check.reachesThreshold, documentID: check.documentID)
        )
    }

    struct CreatedDocument: Encodable, Sendable {
        let documentID: Int
    }

    @Sendable func publication(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let id = try requestID(context)
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let documentID = try await self.requests.convertToProactive(id, store: self.files, by: staff.identity)
        return try jsonResponse(CreatedDocument(documentID: documentID), status: .created)
    }

    struct PrivacyInput: Decodable, Sendable {
        struct Answer: Decodable, Sendable {
            let action: String
            let reason: String?
            let masked: String?
        }
        let answers: [Answer]
    }

    struct PrivacyBody: Encodable, Sendable {
        let open: Int
    }

    @Sendable func confirmPrivacy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let id = try requestID(context)
        let body = try await decodeJSON(PrivacyInput.self, from: request)
        guard body.answers.count <= 200 else { throw DomainError.invalid("answers", "一次最多确认 200 处") }
        var answers: [Int: PrivacyReview.Answer] = [:]
        for (index, answer) in body.answers.enumerated() {
            answers[index] = PrivacyReview.Answer(action: answer.action, reason: answer.reason ?? "", masked: answer.masked)
        }
        try await self.requests.confirmReleasedPrivacy(id, answers: answers, by: staff.identity)
        let found = try await self.requests.request(id, visibleTo: staff.identity)
        return try jsonResponse(PrivacyBody(open: try await self.requests.releasedPrivacy(found).open.count))
    }

    struct RedactionInput: Decodable, Sendable {
        struct Region: Decodable, Sendable {
            let page: Int
            let x: Double
            let y: Double
            let width: Double
            let height: Double
            let ground: String
            let what: String?
        }
        struct Span: Decodable, Sendable {
            let text: String
            let ground: String
            let what: String?
        }
        let regions: [Region]?
        let spans: [Span]?
        /// A Word file's pictures and embedded objects are withheld on this ground; absent, they are kept.
        let picturesGround: String?
    }

    struct RedactedFile: Encodable, Sendable {
        let id: Int
        let fileName: String
        let sha256: String
        let pages: Int?
    }

    static func ground(_ text: String, field: String) throws -> RedactionGround {
        guard let ground = RedactionGround(rawValue: text) else {
            throw DomainError.invalid(field, "ground 应为：\(RedactionGround.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        return ground
    }

    @Sendable func redaction(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        let id = try requestID(context)
        let fileID = try requestID(context, "file")
        let body = try await decodeJSON(RedactionInput.self, from: request)
        let copy: RequestFile
        let spans = body.spans ?? []
        if !spans.isEmpty || body.picturesGround != nil {
            guard spans.count <= 200 else { throw DomainError.invalid("spans", "一次最多遮盖 200 处") }
            let typed = try spans.enumerated().map { index, span in
                RedactionSpan(text: span.text, ground: try Self.ground(span.ground, field: "spans.\(index).ground"), what: span.what ?? "")
            }
            let pictures = try body.picturesGround.map { try Self.ground($0, field: "picturesGround") }
            copy = try await self.requests.redactDocument(
                id, file: fileID, proposals: [], spans: typed, pictures: pictures, store: self.files, by: staff.identity)
        } else {
            let regions = try (body.regions ?? []).enumerated().map { index, region in
                RedactionRegion(
                    page: region.page, x: region.x, y: region.y, width: region.width, height: region.height,
                    ground: try Self.ground(region.ground, field: "regions.\(index).ground"), what: region.what ?? "")
            }
            copy = try await self.requests.redact(id, file: fileID, regions: regions, store: self.files, by: staff.identity)
        }
        return try jsonResponse(RedactedFile(id: copy.id, fileName: copy.fileName, sha256: copy.sha256, pages: copy.pages), status: .created)
    }
}
