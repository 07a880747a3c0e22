import DisclosureCore
import DisclosureStore
import DisclosureTestSupport
import DisclosureWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 17: behind a trusted reverse proxy each citizen is counted by the address the proxy
/// reports; from anyone else `X-Forwarded-For` is ignored, so it cannot be used to dodge limits.
@Suite("Client address behind a reverse proxy")
struct TrustedProxyTests {
    static func failFiveTimes(_ browser: Browser, from address: String) async throws {
        try await browser.get("/staff/login")
        for _ in 1...5 {
            try await browser.send(
                "/staff/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-For")!: address],
                body: "_csrf=\(browser.csrfToken)&username=editor&password=wrong-password-9")
        }
    }

    static func signIn(_ browser: Browser, from address: String) async throws -> HTTPResponse.Status {
        try await browser.send(
            "/staff/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-For")!: address],
            body: "_csrf=\(browser.csrfToken)&username=editor&password=\(WebHarness.password)"
        ).status
    }

    @Test("with the socket trusted, failures from one forwarded address do not throttle another", arguments: TestDatabase.kinds)
    func trusted(kind: TestDatabase) async throws {
        var config = AppConfig.testing
        config.trustedProxies = ["127.0.0.1", "::1"]
        try await WebHarness.run(kind, mode: .live, config: config) { browser, _ in
            try await Self.failFiveTimes(browser, from: "198.51.100.1")
            #expect(try await Self.signIn(browser, from: "198.51.100.1") == .tooManyRequests)
            #expect(try await Self.signIn(browser, from: "198.51.100.2") == .seeOther)
        }
    }

    @Test("without a trusted proxy the header is ignored: the socket is the client", arguments: TestDatabase.kinds)
    func untrusted(kind: TestDatabase) async throws {
        try await WebHarness.run(kind, mode: .live) { browser, _ in
            try await Self.failFiveTimes(browser, from: "198.51.100.1")
            #expect(try await Self.signIn(browser, from: "198.51.100.2") == .tooManyRequests)
        }
    }
}
