import Foundation
import Hummingbird

/// A file to save, named in UTF-8 (RFC 6266 `filename*`) with an ASCII fallback for old clients.
func downloadResponse(_ bytes: [UInt8], type: String, name: String, fallback: String) -> Response {
    let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-"))) ?? fallback
    return Response(
        status: .ok,
        headers: [
            .contentType: type, .contentDisposition: "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)", .cacheControl: "no-store",
        ],
        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}
