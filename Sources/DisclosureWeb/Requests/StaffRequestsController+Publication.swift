import DisclosureCore
import DisclosureStore
import Hummingbird

extension StaffRequestsController {
    /// The clerk links another request of the unit as asking for the same information.
    @Sendable func link(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let form = try await FormData.read(request)
        do {
            try await self.requests.link(id, toReference: form.text("linkedReference"), by: staff.identity)
            return redirect(to: "/staff/requests/\(id)?notice=saved#publication")
        } catch let error as DomainError {
            return try await renderCase(id, staff: staff, context: context, error: error)
        }
    }

    /// 「以所选文件答复」 (issue 24 §3): the reply names the chosen published documents and goes to
    /// the reviewer.
    @Sendable func answerPublished(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let form = try await FormData.read(request)
        let chosen = form.values.keys.filter { $0.hasPrefix("document.") }.prefix(20).compactMap { Int($0.dropFirst("document.".count)) }
        do {
            try await self.requests.answerWithPublished(id, documents: chosen, linkBase: self.siteBase, by: staff.identity)
            return redirect(to: "/staff/requests/\(id)?done=submitReply")
        } catch let error as DomainError {
            return try await renderCase(id, staff: staff, context: context, error: error)
        }
    }

    /// The clerk's decision on a flagged repeat application (issue 24 §4).
    @Sendable func decideRepeat(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let form = try await FormData.read(request)
        do {
            guard let decision = RepeatApplications.Decision(rawValue: form.text("repeatDecision")) else {
                throw DomainError.invalid("repeatDecision", "请选择认定结果")
            }
            try await self.requests.decideRepeat(id, decision, note: form.text("repeatNote"), by: staff.identity)
            return redirect(to: "/staff/requests/\(id)?notice=saved#repeats")
        } catch let error as DomainError {
            return try await renderCase(id, staff: staff, context: context, error: error, values: form.values)
        }
    }

    /// 转为主动公开 (条例 第四十四条): a draft document with the released files, then its page.
    @Sendable func publish(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        _ = try await FormData.read(request)
        do {
            let documentID = try await self.requests.convertToProactive(id, store: self.files, by: staff.identity)
            return redirect(to: "/staff/documents/\(documentID)?notice=saved")
        } catch let error as DomainError {
            return try await renderCase(id, staff: staff, context: context, error: error)
        }
    }

    /// Confirms that the personal data found in the released files may go to the applicant.
    @Sendable func confirmPrivacy(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        let form = try await FormData.read(request)
        do {
            try await self.requests.confirmReleasedPrivacy(id, answers: PrivacyQuestion.answers(form), by: staff.identity)
            return redirect(to: "/staff/requests/\(id)?notice=saved#files")
        } catch let error as DomainError {
            return try await renderCase(id, staff: staff, context: context, error: error, values: form.values)
        }
    }
}
