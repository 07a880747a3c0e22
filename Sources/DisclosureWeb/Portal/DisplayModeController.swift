import Foundation
import HTTPTypes
import Hummingbird

/// 长者模式 / 大字版 without JavaScript (issue 21 §3; GB/T 37668 on text size and contrast): a link
/// sets a cookie and returns to the page; every page links `/mode.css`, which is the large-type,
/// high-contrast sheet for a browser with the cookie and empty for the others. Pages stay the same
/// for everyone, so the shared page cache still serves them.
///
/// | method | path | who |
/// |---|---|---|
/// | GET | `/mode/elder`, `/mode/standard` | public |
/// | GET | `/mode.css` | public |
struct DisplayModeController {
    static let cookie = "dsc_mode"
    static let elder = "elder"

    /// The large-type sheet, read once from the bundle (`static/elder.css`).
    let elderSheet: String

    init() {
        let path = Bundle.module.resourcePath.map { $0 + "/static/elder.css" } ?? "static/elder.css"
        elderSheet = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/mode/elder") { request, _ in self.choose(Self.elder, request: request) }
        router.get("/mode/standard") { request, _ in self.choose(nil, request: request) }
        router.get("/mode.css") { request, _ in self.sheet(request) }
    }

    /// Sets (or clears) the cookie for a year and goes back to the page the link was on.
    func choose(_ mode: String?, request: Request) -> Response {
        let cookie =
            mode.map { "\(Self.cookie)=\($0); Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly" }
            ?? "\(Self.cookie)=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly"
        return Response(
            status: .seeOther,
            headers: [.location: Self.returnPath(referer: request.headers[.referer]), .setCookie: cookie, .cacheControl: "no-store"])
    }

    /// The path and query of the page the visitor came from; only ever a path on this site, so the
    /// link cannot send anyone elsewhere.
    static func returnPath(referer: String?) -> String {
        guard let referer, let url = URLComponents(string: referer) else { return "/" }
        let path = url.percentEncodedPath
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.hasPrefix("/mode/") else { return "/" }
        return path + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    func sheet(_ request: Request) -> Response {
        let elder = request.cookies[Self.cookie]?.value == Self.elder
        let etag = elder ? "\"elder-\(elderSheet.utf8.count)\"" : "\"standard\""
        var headers: HTTPFields = [
            .contentType: "text/css; charset=utf-8", .cacheControl: "private, no-cache", .eTag: etag, HTTPField.Name("Vary")!: "Cookie",
        ]
        if request.headers[.ifNoneMatch] == etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: elder ? elderSheet : "/* 标准版 */\n")))
    }
}
