import Foundation
import Hummingbird

/// The hand-written OpenAPI 3.1 document in `Resources/openapi.json`, served as is; a test checks
/// that its paths and the router's `/api/v1` routes are the same set.
enum OpenAPIDocument {
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            fatalError("openapi.json missing from the DisclosureWeb bundle")
        }
        return data
    }()

    static func response() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
