import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import DisclosureWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A seeded county (county government, finance bureau with a sub-unit, education bureau) and one
/// account per role, all with `WebHarness.password`.
enum WebHarness {
    static let password = "Shifan2026county"

    static func seed(_ database: Database, clock: FixedClock) async throws {
        let units = UnitService(database: database, clock: clock)
        for unit in [
            OrgUnit(code: "XZF", name: "示范县人民政府", kind: .countyGovernment, parentCode: nil),
            OrgUnit(code: "ZFB", name: "示范县人民政府办公室", kind: .countyDepartment, parentCode: "XZF"),
            OrgUnit(code: "CZJ", name: "示范县财政局", kind: .countyDepartment, parentCode: "XZF"),
            OrgUnit(code: "JYJ", name: "示范县教育局", kind: .countyDepartment, parentCode: "XZF"),
        ] { try await units.create(unit, by: .system) }
        let accounts = AccountService(database: database, clock: clock, hasher: PasswordHasher(cost: 4))
        for (role, unit) in [("office", "ZFB"), ("editor", "CZJ"), ("reviewer", "CZJ"), ("assessor", "ZFB"), ("auditor", "ZFB")] {
            try await accounts.create(
                try NewStaffAccount(username: role, displayName: role, role: role, unitCode: unit), password: password, by: .system)
        }
    }

    /// Runs `body` against the real router on a fresh seeded database.
    static func run(
        _ kind: TestDatabase, mode: TestingSetup = .router, clock: FixedClock = FixedClock(), config: AppConfig = .testing,
        _ body: @escaping @Sendable (Browser, Database) async throws -> Void
    ) async throws {
        try await kind.with { (database: Database) async throws in
            try await seed(database, clock: clock)
            let app = try await buildApplication(config: config, database: database, clock: clock)
            try await app.test(mode) { client in
                try await body(Browser(client: client), database)
            }
        }
    }
}

/// A tiny cookie-keeping client, so tests post forms the way a browser does.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        /// The body as sent (a PDF is not text).
        let bodyBytes: [UInt8]

        var location: String? { headers[.location] }
        /// The CSRF token in the page's first form.
        var csrf: String? {
            guard let range = body.range(of: #"name="_csrf" value=""#) else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// The token the pages carry: bound to the session when signed in, else the CSRF cookie.
    var csrfToken: String {
        if let session = cookies["dsc_session"] { return SecretToken.storedForm("csrf|" + session) }
        return cookies["dsc_csrf"] ?? ""
    }

    /// Posts a form; `_csrf` is added as the page would carry it unless `csrf` is given (use "" to omit it).
    @discardableResult
    func post(_ uri: String, form: [String: String], csrf: String? = nil) async throws -> Page {
        var fields = form
        let token = csrf ?? csrfToken
        if !token.isEmpty { fields["_csrf"] = token }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: String?) async throws -> Page {
        try await send(uri, method: method, headers: headers, bytes: body.map { Array($0.utf8) })
    }

    /// Sends a body of raw bytes (uploaded spreadsheets and other binary files).
    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, bytes: [UInt8]?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2 {
                let value = String(pair[1])
                if value.isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = value }
            }
        }
        let page = Page(
            status: response.status, headers: response.headers, body: String(buffer: response.body), bodyBytes: Array(buffer: response.body))
        for problem in OpenAPIContract.shared.problems(
            method: method.rawValue, uri: uri, status: page.status.code, contentType: page.headers[.contentType], body: page.body)
        {
            Issue.record("API 响应与 openapi.json 不符：\(problem)")
        }
        return page
    }

    /// Loads the login page (for the CSRF cookie) and signs in.
    @discardableResult
    func login(_ username: String, password: String = WebHarness.password) async throws -> Page {
        try await get("/staff/login")
        return try await post("/staff/login", form: ["username": username, "password": password])
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
