import DisclosureCore
import DisclosureStore
import Hummingbird

extension StaffRequestsController {
    /// A file the reply releases, uploaded to the case (issue 21 §6).
    @Sendable func addFile(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")) else { throw DomainError(.notFound, field: "id", "申请不存在") }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        do {
            guard let upload = try await MultipartForm.read(request), let file = upload.files["file"], !file.fileName.isEmpty else {
                throw DomainError.invalid("file", "请选择要随答复提供的文件")
            }
            let added = try await self.requests.addReplyFile(id, fileName: file.fileName, bytes: file.bytes, store: self.files, by: staff.identity)
            return redirect(to: "/staff/requests/\(id)?notice=saved#files-\(added.id)")
        } catch let error as DomainError {
            return try await renderCase(id, staff: staff, context: context, error: error)
        }
    }

    @Sendable func removeFile(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")), let fileID = Int(try context.pathParameter("file")) else {
            throw DomainError(.notFound, field: "file", "附件不存在")
        }
        _ = try await self.requests.request(id, visibleTo: staff.identity)
        do {
            try await self.requests.removeReplyFile(fileID, of: id, by: staff.identity)
            return redirect(to: "/staff/requests/\(id)?notice=saved")
        } catch let error as DomainError {
            return try await renderCase(id, staff: staff, context: context, error: error)
        }
    }

    @Sendable func file(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let staff = context.staff
        guard let id = Int(try context.pathParameter("id")), let fileID = Int(try context.pathParameter("file")) else {
            throw DomainError(.notFound, field: "file", "附件不存在")
        }
        let found = try await self.requests.request(id, visibleTo: staff.identity)
        guard let file = try await self.requests.replyFiles(of: found).first(where: { $0.id == fileID }) else {
            throw DomainError(.notFound, field: "file", "附件不存在")
        }
        return try replyFileResponse(file, files: self.files)
    }
}

/// A reply file's bytes as a download under its own name.
func replyFileResponse(_ file: RequestFile, files: any FileStore) throws -> Response {
    guard let bytes = try files.get(file.sha256) else { throw DomainError(.notFound, field: "file", "附件文件缺失，请联系受理机关") }
    return downloadResponse(bytes, type: file.mediaType, name: file.fileName, fallback: "file-\(file.id)")
}
