import DisclosureStore
import Foundation
import Hummingbird

/// Streams a stored attachment as a download: the media type recorded when its content was
/// checked, `attachment` disposition with the UTF-8 file name, and no sniffing.
func attachmentResponse(_ attachmentID: Int, of documentID: Int, services: AppServices) async throws -> Response {
    guard let attachment = try await AttachmentRepository(services.database.sql).find(attachmentID), attachment.documentID == documentID,
        let bytes = try services.files.get(attachment.sha256)
    else { throw HTTPError(.notFound) }
    let encoded = attachment.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
    return Response(
        status: .ok,
        headers: [
            .contentType: attachment.mediaType, .contentDisposition: "attachment; filename=\"file\"; filename*=UTF-8''\(encoded)",
            .cacheControl: "private, max-age=300",
        ],
        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}
