import DisclosureCore
import DisclosureStore
import Foundation
import Hummingbird

/// Streams a stored attachment as a download: the media type recorded when its content was
/// checked, `attachment` disposition with the UTF-8 file name, and no sniffing.
func attachmentResponse(_ attachmentID: Int, of documentID: Int, queries: PublishingQueries, files: any FileStore) async throws -> Response {
    guard let attachment = try await queries.attachment(attachmentID), attachment.documentID == documentID
    else { throw HTTPError(.notFound) }
    return try storedFileResponse(
        StoredFile(name: attachment.fileName, mediaType: attachment.mediaType, sha256: attachment.sha256, size: attachment.size), files: files)
}

/// A stored file as a download (never rendered inline), for any record that owns one.
func storedFileResponse(_ file: StoredFile, files: any FileStore) throws -> Response {
    guard let bytes = try files.get(file.sha256) else { throw HTTPError(.notFound) }
    let encoded = file.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
    return Response(
        status: .ok,
        headers: [
            .contentType: file.mediaType, .contentDisposition: "attachment; filename=\"file\"; filename*=UTF-8''\(encoded)",
            .cacheControl: "private, max-age=300",
        ],
        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}
