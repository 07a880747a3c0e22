import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `disclosure serve` subprocess on a free port, stopped by `stop()`.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let log: URL

    /// This instance's own search index folder (each instance needs one; issue 20).
    let searchFolder: String

    init(database: String, port: Int, environment: [String: String] = [:], searchFolder: String? = nil) throws {
        self.port = port
        self.searchFolder = searchFolder ?? NSTemporaryDirectory() + "disclosure-serve-search-\(UUID().uuidString)"
        log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("disclosure-serve-\(port)-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["serve", "--port", String(port), "--database", database]
        var env = ProcessInfo.processInfo.environment
        env["DISCLOSURE_DATABASE_URL"] = nil
        env["DISCLOSURE_SEARCH_DIR"] = self.searchFolder
        env.merge(environment) { _, new in new }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Waits until `/healthz` answers.
    func waitUntilReady(timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let response = try? await HTTP.send(.get, base + "/healthz"), response.status == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ServerProcessError.notReady(String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))
    }

    /// Kills the server at once (kill -9: no shutdown, no flush).
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Asks the server to stop, and kills it when it has not within five seconds (a server
    /// whose requests hang would otherwise wait for them forever).
    func stop() {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }
}

enum ServerProcessError: Error {
    case notReady(String)
}

/// Just enough HTTP for tests that drive a real server.
enum HTTP {
    enum Method: String { case get = "GET", post = "POST" }

    struct Response {
        let status: Int
        let body: Data
        let elapsed: Duration

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    static func send(_ method: Method, _ url: String, token: String? = nil, json: [String: Any]? = nil, timeout: TimeInterval = 30) async throws
        -> Response
    {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method.rawValue
        request.timeoutInterval = timeout
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let started = ContinuousClock.now
        let (data, response) = try await URLSession.shared.data(for: request)
        return Response(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data, elapsed: ContinuousClock.now - started)
    }
}
